// How the command line spells a copmap::Value: as JSON (json/jsonl output,
// `copmap analyze --format json`) and as the plain text of a table or CSV cell.
#pragma once

#include <string>
#include <string_view>

#include "storage/value.h"

namespace copmap::cli {

// Appends `text` as a JSON string literal: quotes, backslash and control
// characters escaped (\n, \t, \uXXXX...), other UTF-8 passed through
// unchanged; invalid UTF-8 bytes become U+FFFD so the output stays valid JSON.
void AppendJsonString(std::string_view text, std::string* out);

// Appends `value` as JSON. Nodes: {"id", "labels", "properties"};
// relationships: {"id", "type", "start", "end", "properties"}; paths:
// {"nodes", "relationships"}; dates and datetimes: ISO-8601 strings;
// non-finite floats: the strings "NaN", "Infinity", "-Infinity".
void AppendJson(const Value& value, std::string* out);
std::string ToJson(const Value& value);

// A cell: strings and dates without quotes, null as "null" (table) or the
// empty string (`null_text`), everything else in the query language's
// literal syntax (Value::ToString).
std::string CellText(const Value& value, std::string_view null_text = "null");

}  // namespace copmap::cli
