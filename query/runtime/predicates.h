// String and list predicates: STARTS WITH, ENDS WITH, CONTAINS, =~ and IN.
#pragma once

#include <string_view>

#include "storage/status.h"
#include "storage/value.h"

namespace copmap::query::runtime {

// `a STARTS WITH b` etc.: true/false for two strings; null when either side
// is null or not a string (openCypher does not raise for these).
Value StartsWith(const Value& a, const Value& b);
Value EndsWith(const Value& a, const Value& b);
Value Contains(const Value& a, const Value& b);

// `text =~ pattern`: the whole string must match (ECMAScript syntax, as
// std::regex reads it). Null when either side is null or not a string. A
// malformed pattern is InvalidArgument "InvalidArgumentValue: invalid regular
// expression '<pattern>': <reason>". Compiled patterns are cached
// (thread-safe, bounded).
Result<Value> RegexMatch(const Value& text, const Value& pattern);

// `x IN list`: true when some element Equals x; otherwise null when some
// comparison was null (x null and the list non-empty included), else false.
// `x IN null` is null; a right side that is not a list is a TypeError.
Result<Value> In(const Value& x, const Value& list);

}  // namespace copmap::query::runtime
