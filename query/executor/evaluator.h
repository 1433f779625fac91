// Evaluate: computes a bound expression for one row. The value semantics
// come from query/runtime; what touches the graph (properties of pattern
// variables, id, labels, type, startNode, ...) is here.
#pragma once

#include "query/binder/bound_expression.h"
#include "query/executor/exec_context.h"

namespace copmap::query {

// `row` is mutable only for the variables of list comprehensions and
// quantifiers, which are restored before returning.
Result<Value> Evaluate(const BoundExpression& e, Row& row, ExecContext& ctx);

// True when `e` evaluates to true (null and false are not).
Result<bool> EvaluatePredicate(const BoundExpression& e, Row& row, ExecContext& ctx);

}  // namespace copmap::query
