// Query parameters from the command line: `--param name=value` and the
// shell's `:param name value`.
//
// The value is read as a literal of the query language:
//   42, -7              integer          3.5, 1e-3, -0.25   float
//   true, false, null   (any case)       'text' or "text"   string (\' \" \\ \n \t \uXXXX escapes)
//   [1, 'a', [true]]    list             {k: 1, 'odd key': [2]}   map
// Anything else is taken verbatim as a string, so `--param name=Ada Lovelace`
// and `--param email=ada@example.org` need no quotes. Text that starts like
// a quoted string, list or map but is malformed is an error (not silently a
// string), with the offending position.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storage/status.h"
#include "storage/value.h"

namespace copmap::cli {

// InvalidArgument with the column and the text when a quoted string, list
// or map is malformed.
Result<Value> ParseParamValue(std::string_view text);

// "name=value" pairs into a parameter map; InvalidArgument names the bad
// pair (no '=', empty or invalid name, bad value). A later name wins.
Result<ValueMap> ParseParams(const std::vector<std::string>& pairs);

}  // namespace copmap::cli
