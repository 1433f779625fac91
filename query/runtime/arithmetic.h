// Arithmetic of the copmap query language (openCypher rules).
//
// Null in, null out: any null operand gives null (before type checks, so
// `null + 'a'` is null). Integer arithmetic is exact 64-bit and fails with
// InvalidArgument "ArithmeticError: integer overflow in <a> <op> <b>" instead
// of wrapping. Mixed int/float operands compute in double. Floats follow
// IEEE-754: 1.0 / 0 is Infinity, 0.0 / 0.0 is NaN. Integer division and
// modulo by zero fail with "ArithmeticError: / by zero" (resp. "% by zero");
// integer division truncates toward zero and `%` takes the dividend's sign.
// `^` always yields a float. Wrong operand types fail with TypeError
// "InvalidArgumentType: cannot apply <op> to <kind> and <kind>".
#pragma once

#include "storage/status.h"
#include "storage/value.h"

namespace copmap::query::runtime {

enum class ArithmeticOp { kAdd, kSubtract, kMultiply, kDivide, kModulo, kPower };

// The operator's symbol: "+", "-", "*", "/", "%", "^".
const char* ArithmeticOpSymbol(ArithmeticOp op);

// `a <op> b`. Besides numbers, `+` also concatenates: string + string,
// string + number or number + string (the number printed as toString()
// would), list + list (concatenation), list + x (append) and x + list
// (prepend); with a list operand a null on the other side is an element,
// not a null result ([1] + null is [1, null]). Date and datetime arithmetic
// are not supported (TypeError).
Result<Value> Arithmetic(ArithmeticOp op, const Value& a, const Value& b);

// Unary minus: -null is null; -int overflows for INT64_MIN.
Result<Value> Negate(const Value& v);
// Unary plus: numbers and null pass through; other kinds are a TypeError.
Result<Value> UnaryPlus(const Value& v);

}  // namespace copmap::query::runtime
