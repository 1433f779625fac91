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

}  // namespace copmap::query::runtime
