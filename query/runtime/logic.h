// Three-valued boolean logic (true, false, null = unknown) of openCypher.
//
//   AND: false wins over null, null over true.   OR: true wins over null.
//   XOR: null when either side is null.          NOT null is null.
// Operands must be booleans or null; anything else is a TypeError
// "InvalidArgumentType: AND expects booleans, got INTEGER 1". Callers that
// short-circuit may skip the right operand when the left decides (false AND,
// true OR): the result is the same.
#pragma once

#include "storage/status.h"
#include "storage/value.h"

namespace copmap::query::runtime {

Result<Value> And(const Value& a, const Value& b);
Result<Value> Or(const Value& a, const Value& b);
Result<Value> Xor(const Value& a, const Value& b);
Result<Value> Not(const Value& a);

// A predicate's value where a row is kept or dropped (WHERE, quantifier
// bodies): true keeps it; false and null drop it; other kinds are a
// TypeError "InvalidArgumentType: a predicate must be a boolean, got ...".
Result<bool> PredicateHolds(const Value& v);

// all(x IN list WHERE p), any(...), none(...), single(...) with openCypher's
// null rules: feed the predicate's value for each element in order; stop
// early once Decided(). Results:
//   all:    false if some p is false, else null if some p is null, else true
//   any:    true if some p is true, else null if some p is null, else false
//   none:   false if some p is true, else null if some p is null, else true
//   single: false if two or more p are true; else null if some p is null;
//           else whether exactly one p is true
class QuantifierFold {
 public:
  enum class Kind { kAll, kAny, kNone, kSingle };
  explicit QuantifierFold(Kind kind) : kind_(kind) {}
  // TypeError when `p` is neither boolean nor null.
  Status Add(const Value& p);
  bool Decided() const;
  Value Finish() const;

 private:
  Kind kind_;
  int64_t trues_ = 0;
  bool any_false_ = false;
  bool any_null_ = false;
};

}  // namespace copmap::query::runtime
