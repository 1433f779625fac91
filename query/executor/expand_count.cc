// ExpandCount: per input row, how many neighbours the group node has along
// one relationship pattern (see planner/plan_count.cc). When no predicate
// reads the relationship and the neighbour's labels are implied by the
// relationship type (label_facts.h), that is the node's degree count, read
// without expanding; otherwise the adjacency is walked and each neighbour
// checked.
#include "query/executor/evaluator.h"
#include "query/executor/node_label_check.h"
#include "query/executor/operator.h"
#include "query/executor/traversal.h"

namespace copmap::query {

namespace {

class ExpandCount final : public Operator {
 public:
  ExpandCount(const LogicalOperator& op, ExecContext& ctx)
      : Operator(op, ctx),
        traversal_(Traversal::For(ctx, *op.rel, op.from_left)),
        neighbours_(op.node->labels, ArrivalOver(ctx, *op.rel, op.from_left)) {}

 protected:
  Result<bool> NextRow(Row& row) override {
    const int rel_slot = logical_.rel->slot;
    while (true) {
      COPMAP_ASSIGN_OR_RETURN(bool more, input().Next(row));
      if (!more) return false;
      const Value& from = row[logical_.from_slot];
      if (from.is_null() || traversal_.empty) continue;
      const auto anchor = static_cast<storage::NodeId>(from.as_int());
      bool by_degree = false;
      if (logical_.predicates.empty()) {
        COPMAP_ASSIGN_OR_RETURN(by_degree, neighbours_.AllImplied(ctx_, /*compute=*/false));
      }
      uint64_t n = 0;
      if (by_degree) {
        COPMAP_ASSIGN_OR_RETURN(n, traversal_.Degree(ctx_, anchor));
      } else {
        COPMAP_ASSIGN_OR_RETURN(n, Walk(anchor, row));
      }
      if (n == 0) continue;
      row[logical_.to_slot] = Value();
      row[rel_slot] = Value(static_cast<int64_t>(n));
      return true;
    }
  }

 private:
  Result<uint64_t> Walk(storage::NodeId anchor, Row& row) {
    uint64_t n = 0;
    for (const Traversal::Step& s : traversal_.steps) {
      ExpandFrom(ctx_, anchor, s, &iter_);
      for (storage::AdjIterator* it = iter_.get(); it->Valid(); it->Next()) {
        COPMAP_RETURN_IF_ERROR(ctx_.CheckInterrupt());
        const storage::AdjEntry& e = it->entry();
        row[logical_.to_slot] = Value(static_cast<int64_t>(e.neighbor));
        row[logical_.rel->slot] = Value(static_cast<int64_t>(e.rel));
        // The predicates read only the relationship (plan_count.cc), which
        // is already at hand; the neighbour's labels may cost a record read.
        bool ok = true;
        for (const BoundExpression* p : logical_.predicates) {
          COPMAP_ASSIGN_OR_RETURN(ok, EvaluatePredicate(*p, row, ctx_));
          if (!ok) break;
        }
        if (!ok) continue;
        COPMAP_ASSIGN_OR_RETURN(ok, neighbours_.Has(ctx_, e.neighbor));
        if (ok) ++n;
      }
      COPMAP_RETURN_IF_ERROR(iter_->status());
    }
    return n;
  }

  Traversal traversal_;
  NodeLabelCheck neighbours_;
  std::unique_ptr<storage::AdjIterator> iter_;
};

}  // namespace

OperatorPtr MakeExpandCountOperator(const LogicalOperator& op, ExecContext& ctx) {
  return std::make_unique<ExpandCount>(op, ctx);
}

}  // namespace copmap::query
