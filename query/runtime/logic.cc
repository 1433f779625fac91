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

Result<bool> PredicateHolds(const Value& v) {
  if (v.is_null()) return false;
  if (!v.is_bool()) return TypeMismatch("a predicate must be a boolean", v);
  return v.as_bool();
}

Status QuantifierFold::Add(const Value& p) {
  if (p.is_null()) {
    any_null_ = true;
  } else if (!p.is_bool()) {
    return TypeMismatch("a quantifier's predicate must be a boolean", p);
  } else if (p.as_bool()) {
    ++trues_;
  } else {
    any_false_ = true;
  }
  return Status::OK();
}

bool QuantifierFold::Decided() const {
  switch (kind_) {
    case Kind::kAll: return any_false_;
    case Kind::kAny:
    case Kind::kNone: return trues_ > 0;
    case Kind::kSingle: return trues_ > 1;
  }
  return false;
}

Value QuantifierFold::Finish() const {
  switch (kind_) {
    case Kind::kAll:
      if (any_false_) return Value(false);
      return any_null_ ? Value() : Value(true);
    case Kind::kAny:
      if (trues_ > 0) return Value(true);
      return any_null_ ? Value() : Value(false);
    case Kind::kNone:
      if (trues_ > 0) return Value(false);
      return any_null_ ? Value() : Value(true);
    case Kind::kSingle:
      if (trues_ > 1) return Value(false);
      if (any_null_) return Value();
      return Value(trues_ == 1);
  }
  return Value();
}

}  // namespace copmap::query::runtime
