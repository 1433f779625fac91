// The scalar function library of the copmap query language.
//
// Functions are found by name, case-insensitively (toUpper, TOUPPER and
// toupper are one function). Each entry states its arity; the binder checks
// it once (CheckArity) and the executor calls Invoke per row.
//
// Contract of every function here:
//  - Unless the entry says `propagates_null = false` (coalesce), a null
//    argument makes the result null without calling the implementation.
//  - A wrong argument kind is a TypeError "InvalidArgumentType: <name>()
//    expects ..., got <KIND> <literal>"; a right kind with a bad value
//    (substring with a negative length) is InvalidArgument
//    "NumberOutOfRange: ..." or "InvalidArgumentValue: ...".
//  - Strings are UTF-8 and counted in code points (size('é') is 1).
//
// Graph functions that need the store (id, labels, type, startNode, endNode,
// nodes, relationships, length, exists) belong to the executor; keys() and
// properties() here work on maps and on materialized nodes/relationships.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "storage/status.h"
#include "storage/value.h"

namespace copmap::query::runtime {

using ScalarFunctionImpl = Result<Value> (*)(std::span<const Value> args);

struct ScalarFunction {
  std::string_view name;         // canonical spelling, e.g. "toInteger"
  int min_args = 0;
  int max_args = 0;              // -1: no upper bound (coalesce)
  bool propagates_null = true;   // any null argument -> null result
  bool deterministic = true;     // false for rand(), date(), datetime() with no argument
  ScalarFunctionImpl impl = nullptr;
  std::string_view signature;    // for messages and docs, e.g. "substring(s, start[, length])"
};

// `name` with ASCII letters lower-cased: the key of the case-insensitive
// lookups of functions and aggregates.
std::string FoldName(std::string_view name);

// The function named `name` (any case), or nullptr.
const ScalarFunction* FindScalarFunction(std::string_view name);

// Every function, sorted by canonical name (for docs and `SHOW FUNCTIONS`).
std::span<const ScalarFunction> AllScalarFunctions();

// SyntaxError "InvalidNumberOfArguments: substring() takes 2 or 3 arguments,
// got 1" when the count does not fit the entry.
Status CheckArity(const ScalarFunction& function, size_t arg_count);

// Applies null propagation and calls the implementation.
// REQUIRES: CheckArity(function, args.size()).ok().
Result<Value> Invoke(const ScalarFunction& function, std::span<const Value> args);

// Lookup, arity check and call in one step. Unknown names are SyntaxError
// "UnknownFunction: unknown function 'foo'".
Result<Value> CallScalarFunction(std::string_view name, std::span<const Value> args);

}  // namespace copmap::query::runtime
