// Type conversions: toString, toInteger, toFloat, toBoolean, and the text of
// a value as string concatenation and toString() print it.
//
// All conversions map null to null. A string that does not parse converts to
// null (openCypher: "toInteger('foo')" is null, not an error). A kind the
// conversion does not accept (a list, map, node, ...) is a TypeError
// "InvalidArgumentValue: toInteger() cannot convert LIST [1]".
#pragma once

#include <string>

#include "storage/status.h"
#include "storage/value.h"

namespace copmap::query::runtime {

// The text toString() gives: 42, 1.5, 1.0, NaN, Infinity, true, the string
// itself (unquoted), 2024-01-31, 2024-01-31T09:30:00Z. Other kinds print as
// Value::ToString() does.
std::string ValueToText(const Value& v);

// toString(): int, float, string, bool, date, datetime.
Result<Value> ToStringValue(const Value& v);
// toInteger(): int; float truncated toward zero (null when out of range or
// NaN); bool as 1/0; string parsed as an integer, or else as a float then
// truncated ("2.9" -> 2), surrounding spaces allowed, else null.
Result<Value> ToInteger(const Value& v);
// toFloat(): int, float; string parsed as a float ("1e3", "NaN" is null), else null.
Result<Value> ToFloat(const Value& v);
// toBoolean(): bool; string "true"/"false" in any case, surrounding spaces
// allowed, else null; int: 0 is false, others true.
Result<Value> ToBoolean(const Value& v);

// Shared parsing helpers (exposed for the importer-like callers and tests).
// Whole-string parses; leading/trailing ASCII spaces are ignored.
bool ParseIntegerText(std::string_view text, int64_t* out);
bool ParseFloatText(std::string_view text, double* out);

}  // namespace copmap::query::runtime
