// Turns a logical plan into physical operators.
#include "query/executor/operator.h"

namespace copmap::query {

OperatorPtr MakeSortOperator(const LogicalOperator& op, ExecContext& ctx,
                             const BoundExpression* skip, const BoundExpression* limit);
OperatorPtr MakeOptionalOperator(const LogicalOperator& op, ExecContext& ctx, Operator* argument);

Operator* FindArgument(Operator& op) {
  if (op.logical().kind == LogicalOpKind::kArgument) return &op;
  for (auto& c : op.children()) {
    if (Operator* found = FindArgument(*c)) return found;
  }
  return nullptr;
}

namespace {

Result<OperatorPtr> Build(const LogicalOperator& op, ExecContext& ctx, int num_slots,
                          const LogicalOperator* parent, const LogicalOperator* grandparent) {
  std::vector<OperatorPtr> children;
  for (const auto& c : op.children) {
    COPMAP_ASSIGN_OR_RETURN(OperatorPtr child, Build(*c, ctx, num_slots, &op, parent));
    children.push_back(std::move(child));
  }
  OperatorPtr out;
  switch (op.kind) {
    case LogicalOpKind::kNodeScan:
    case LogicalOpKind::kIndexSeek:
    case LogicalOpKind::kIndexRange:
    case LogicalOpKind::kNodeFilter: out = MakeScanOperator(op, ctx); break;
    case LogicalOpKind::kExpand:
    case LogicalOpKind::kExpandInto:
    case LogicalOpKind::kVarExpand:
    case LogicalOpKind::kBuildPath: out = MakeExpandOperator(op, ctx); break;
    case LogicalOpKind::kExpandCount: out = MakeExpandCountOperator(op, ctx); break;
    case LogicalOpKind::kShortestPath: out = MakeShortestPathOperator(op, ctx); break;
    case LogicalOpKind::kAggregate: out = MakeAggregateOperator(op, ctx, num_slots); break;
    case LogicalOpKind::kCreate:
    case LogicalOpKind::kMerge:
    case LogicalOpKind::kSet:
    case LogicalOpKind::kRemove:
    case LogicalOpKind::kDelete: out = MakeWriteOperator(op, ctx); break;
    case LogicalOpKind::kSort: {
      // Under [SKIP] LIMIT the sort keeps only the rows it can return.
      const BoundExpression* skip = nullptr;
      const BoundExpression* limit = nullptr;
      if (parent && parent->kind == LogicalOpKind::kLimit) {
        limit = parent->expressions[0];
      } else if (parent && parent->kind == LogicalOpKind::kSkip && grandparent &&
                 grandparent->kind == LogicalOpKind::kLimit) {
        skip = parent->expressions[0];
        limit = grandparent->expressions[0];
      }
      out = MakeSortOperator(op, ctx, skip, limit);
      break;
    }
    case LogicalOpKind::kOptional: {
      Operator* argument = FindArgument(*children[1]);
      if (!argument) return Status::Internal("OPTIONAL MATCH plan without an argument");
      out = MakeOptionalOperator(op, ctx, argument);
      break;
    }
    default: out = MakeRowOperator(op, ctx, num_slots); break;
  }
  if (!out) return Status::Internal("no physical operator for " + op.Describe());
  for (auto& c : children) out->children().push_back(std::move(c));
  return out;
}

}  // namespace

Result<OperatorPtr> BuildOperators(const LogicalOperator& op, ExecContext& ctx, int num_slots) {
  return Build(op, ctx, num_slots, nullptr, nullptr);
}

}  // namespace copmap::query
