#include "query/executor/subquery.h"

#include "query/executor/operator.h"

namespace copmap::query {

namespace {

// ctx.query names the query part whose operators are running; the
// subquery's own operators change it, so it is put back however they end.
class RestoreQuery {
 public:
  explicit RestoreQuery(ExecContext& ctx) : ctx_(ctx), saved_(ctx.query) {}
  ~RestoreQuery() { ctx_.query = saved_; }

 private:
  ExecContext& ctx_;
  const BoundSingleQuery* saved_;
};

}  // namespace

Result<Value> EvaluateSubquery(const BoundExpression& e, const Row& row, ExecContext& ctx) {
  const BoundSingleQuery* sub = &ctx.query->subqueries[e.pattern_index];
  const LogicalOperator* plan = ctx.plan != nullptr ? ctx.plan->SubqueryPlan(sub) : nullptr;
  if (plan == nullptr) return Status::Internal("a subquery without a plan");
  RestoreQuery restore(ctx);
  COPMAP_ASSIGN_OR_RETURN(OperatorPtr root, BuildOperators(*plan, ctx, ctx.plan->num_slots));
  Operator* argument = FindArgument(*root);
  if (argument == nullptr) return Status::Internal("a subquery plan without an argument");
  SetArgumentRow(*argument, row);
  Row out;
  if (e.kind == ExprKind::kExistsSubquery) {
    COPMAP_ASSIGN_OR_RETURN(bool any, root->Next(out));
    return Value(any);
  }
  ValueList values;
  while (true) {
    COPMAP_ASSIGN_OR_RETURN(bool more, root->Next(out));
    if (!more) break;
    values.push_back(std::move(out[0]));
  }
  return Value(std::move(values));
}

}  // namespace copmap::query
