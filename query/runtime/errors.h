// Error conventions of the runtime.
//
// Every runtime error is a Status whose message starts with openCypher's
// detail name, then says what was wrong and shows the offending value:
//   TypeError: InvalidArgumentType: abs() expects a number, got STRING 'x'
//   InvalidArgument: ArithmeticError: integer overflow in 9223372036854775807 + 1
//   InvalidArgument: NumberOutOfRange: percentileCont() percentile must be in [0, 1], got 1.5
// The kinds used: TypeError (a value of the wrong type), InvalidArgument
// (openCypher's ArgumentError and arithmetic errors: right type, bad value).
#pragma once

#include <string>
#include <string_view>

#include "storage/status.h"
#include "storage/value.h"

namespace copmap::query::runtime {

// Detail names, as the openCypher TCK spells them.
inline constexpr std::string_view kInvalidArgumentType = "InvalidArgumentType";
inline constexpr std::string_view kInvalidArgumentValue = "InvalidArgumentValue";
inline constexpr std::string_view kNumberOutOfRange = "NumberOutOfRange";
inline constexpr std::string_view kArithmeticError = "ArithmeticError";
inline constexpr std::string_view kMapElementAccessByNonString = "MapElementAccessByNonString";
inline constexpr std::string_view kInvalidNumberOfArguments = "InvalidNumberOfArguments";
inline constexpr std::string_view kUnknownFunction = "UnknownFunction";

// "STRING 'x'", "INTEGER 3", "NULL": the kind name then the literal, cut
// after 60 characters so that a huge list does not flood the message.
std::string DescribeValue(const Value& v);

// TypeError "<detail>: <what>, got <DescribeValue(got)>".
Status TypeMismatch(std::string_view what, const Value& got,
                    std::string_view detail = kInvalidArgumentType);
// InvalidArgument "<detail>: <message>".
Status ArgumentError(std::string_view detail, std::string_view message);

}  // namespace copmap::query::runtime
