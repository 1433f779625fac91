// Conversions between CSV field text and property Values, in both
// directions, for the typed header's field types.
//
// Import: an unquoted empty field is "no value" (the property is absent);
// a quoted empty field "" is the empty string, or the empty array in an
// array column. Numbers, booleans and dates may be surrounded by spaces.
// Export writes exactly what import reads back into the same Value.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "storage/interchange/csv_header.h"
#include "storage/status.h"
#include "storage/value.h"

namespace copmap::interchange {

// Converts `text` to a value of `type` (or an array of them). Returns a null
// Value when the field is empty and unquoted. InvalidArgument gives the
// reason without the location, e.g. "'abc' is not an integer".
Result<Value> ParseField(FieldType type, bool array, std::string_view text, bool quoted,
                         char array_delimiter = ';');

// The value of an :ID column as a property: an int when the text is a
// decimal int64, the text otherwise.
Value IdPropertyValue(std::string_view text);

// The header type for a property value: nullopt for values CSV cannot hold
// (nested lists, lists mixing kinds, maps). Sets *array for lists.
std::optional<FieldType> CsvFieldType(const Value& value, bool* array);

// The field text for `value` (REQUIRES: CsvFieldType(value) succeeded).
// InvalidArgument when an array element contains the array delimiter or the
// list is [""] (the CSV form could not be read back as the same value).
Result<std::string> FormatField(const Value& value, char array_delimiter = ';');

// Shortest text that parses back to exactly `value` ("inf", "-inf", "nan"
// for the non-finite ones).
std::string FormatDouble(double value);

}  // namespace copmap::interchange
