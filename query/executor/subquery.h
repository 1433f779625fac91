// Expression subqueries at run time: EXISTS { MATCH ... } and pattern
// comprehensions. Each evaluation builds the subquery's operators
// (LogicalPlan::subqueries) afresh and runs them from a copy of the current
// row: EXISTS stops at the first row, a comprehension collects every row's
// one column into a list.
#pragma once

#include "query/binder/bound_expression.h"
#include "query/executor/exec_context.h"

namespace copmap::query {

// REQUIRES: e.kind is kExistsSubquery or kPatternComprehension, of ctx.query.
Result<Value> EvaluateSubquery(const BoundExpression& e, const Row& row, ExecContext& ctx);

}  // namespace copmap::query
