#include "query/runtime/arithmetic.h"

#include <cmath>
#include <cstdint>
#include <string>

#include "query/runtime/errors.h"
#include "query/runtime/convert.h"

namespace copmap::query::runtime {
namespace {

Status Overflow(ArithmeticOp op, int64_t a, int64_t b) {
  return ArgumentError(kArithmeticError, "integer overflow in " + std::to_string(a) + " " +
                                             ArithmeticOpSymbol(op) + " " + std::to_string(b));
}

Status BadOperands(ArithmeticOp op, const Value& a, const Value& b) {
  return Status::TypeError(std::string(kInvalidArgumentType) + ": cannot apply " +
                           ArithmeticOpSymbol(op) + " to " + DescribeValue(a) + " and " +
                           DescribeValue(b));
}

Result<Value> IntArithmetic(ArithmeticOp op, int64_t a, int64_t b) {
  int64_t r = 0;
  switch (op) {
    case ArithmeticOp::kAdd:
      if (__builtin_add_overflow(a, b, &r)) return Overflow(op, a, b);
      return Value(r);
    case ArithmeticOp::kSubtract:
      if (__builtin_sub_overflow(a, b, &r)) return Overflow(op, a, b);
      return Value(r);
    case ArithmeticOp::kMultiply:
      if (__builtin_mul_overflow(a, b, &r)) return Overflow(op, a, b);
      return Value(r);
    case ArithmeticOp::kDivide:
      if (b == 0) return ArgumentError(kArithmeticError, "/ by zero");
      if (a == INT64_MIN && b == -1) return Overflow(op, a, b);
      return Value(a / b);
    case ArithmeticOp::kModulo:
      if (b == 0) return ArgumentError(kArithmeticError, "% by zero");
      if (b == -1) return Value(int64_t{0});  // INT64_MIN % -1 traps in C++
      return Value(a % b);
    case ArithmeticOp::kPower:
      return Value(std::pow(static_cast<double>(a), static_cast<double>(b)));
  }
  return Status::Internal("unknown arithmetic operator");
}

Value FloatArithmetic(ArithmeticOp op, double a, double b) {
  switch (op) {
    case ArithmeticOp::kAdd: return Value(a + b);
    case ArithmeticOp::kSubtract: return Value(a - b);
    case ArithmeticOp::kMultiply: return Value(a * b);
    case ArithmeticOp::kDivide: return Value(a / b);
    case ArithmeticOp::kModulo: return Value(std::fmod(a, b));
    case ArithmeticOp::kPower: return Value(std::pow(a, b));
  }
  return Value();
}

Result<Value> Concatenate(const Value& a, const Value& b) {
  if (a.is_list() || b.is_list()) {
    ValueList out;
    if (a.is_list()) {
      out = a.as_list();
    } else {
      out.push_back(a);
    }
    if (b.is_list()) {
      out.insert(out.end(), b.as_list().begin(), b.as_list().end());
    } else {
      out.push_back(b);
    }
    return Value(std::move(out));
  }
  if (a.is_null() || b.is_null()) return Value();
  if (a.is_string() && b.is_string()) return Value(a.as_string() + b.as_string());
  if (a.is_string() && b.is_number()) return Value(a.as_string() + ValueToText(b));
  if (a.is_number() && b.is_string()) return Value(ValueToText(a) + b.as_string());
  return BadOperands(ArithmeticOp::kAdd, a, b);
}

}  // namespace

const char* ArithmeticOpSymbol(ArithmeticOp op) {
  switch (op) {
    case ArithmeticOp::kAdd: return "+";
    case ArithmeticOp::kSubtract: return "-";
    case ArithmeticOp::kMultiply: return "*";
    case ArithmeticOp::kDivide: return "/";
    case ArithmeticOp::kModulo: return "%";
    case ArithmeticOp::kPower: return "^";
  }
  return "?";
}

Result<Value> Arithmetic(ArithmeticOp op, const Value& a, const Value& b) {
  if (op == ArithmeticOp::kAdd && !(a.is_number() && b.is_number())) return Concatenate(a, b);
  if (a.is_null() || b.is_null()) return Value();
  if (!a.is_number() || !b.is_number()) return BadOperands(op, a, b);
  if (a.is_int() && b.is_int()) return IntArithmetic(op, a.as_int(), b.as_int());
  return FloatArithmetic(op, a.as_number(), b.as_number());
}

Result<Value> Negate(const Value& v) {
  if (v.is_null()) return v;
  if (v.is_int()) {
    if (v.as_int() == INT64_MIN) {
      return ArgumentError(kArithmeticError,
                           "integer overflow in -(" + std::to_string(v.as_int()) + ")");
    }
    return Value(-v.as_int());
  }
  if (v.is_float()) return Value(-v.as_float());
  return TypeMismatch("unary minus expects a number", v);
}

Result<Value> UnaryPlus(const Value& v) {
  if (v.is_null() || v.is_number()) return v;
  return TypeMismatch("unary plus expects a number", v);
}

}  // namespace copmap::query::runtime
