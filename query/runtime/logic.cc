#include "query/runtime/logic.h"

#include <string>

#include "query/runtime/errors.h"

namespace copmap::query::runtime {
namespace {

Status CheckOperand(const char* op, const Value& v) {
  if (v.is_null() || v.is_bool()) return Status::OK();
  return TypeMismatch(std::string(op) + " expects booleans", v);
}

}  // namespace

Result<Value> And(const Value& a, const Value& b) {
  COPMAP_RETURN_IF_ERROR(CheckOperand("AND", a));
  COPMAP_RETURN_IF_ERROR(CheckOperand("AND", b));
  if ((a.is_bool() && !a.as_bool()) || (b.is_bool() && !b.as_bool())) return Value(false);
  if (a.is_null() || b.is_null()) return Value();
  return Value(true);
}

Result<Value> Or(const Value& a, const Value& b) {
  COPMAP_RETURN_IF_ERROR(CheckOperand("OR", a));
  COPMAP_RETURN_IF_ERROR(CheckOperand("OR", b));
  if ((a.is_bool() && a.as_bool()) || (b.is_bool() && b.as_bool())) return Value(true);
  if (a.is_null() || b.is_null()) return Value();
  return Value(false);
}

Result<Value> Xor(const Value& a, const Value& b) {
  COPMAP_RETURN_IF_ERROR(CheckOperand("XOR", a));
  COPMAP_RETURN_IF_ERROR(CheckOperand("XOR", b));
  if (a.is_null() || b.is_null()) return Value();
  return Value(a.as_bool() != b.as_bool());
}

Result<Value> Not(const Value& a) {
  COPMAP_RETURN_IF_ERROR(CheckOperand("NOT", a));
  if (a.is_null()) return a;
  return Value(!a.as_bool());
}

}  // namespace copmap::query::runtime
