// Leaf-side operators that bind a node per input row: label and full scans,
// index seeks and ranges, and the node filter.
#include <algorithm>

#include "query/executor/entities.h"
#include "query/executor/evaluator.h"
#include "query/executor/node_label_check.h"
#include "query/executor/operator.h"

namespace copmap::query {

namespace {

class NodeScan final : public Operator {
 public:
  using Operator::Operator;

 protected:
  Result<bool> NextRow(Row& row) override {
    while (true) {
      if (iter_ && iter_->Valid()) {
        row = input_row_;
        row[logical_.to_slot] = Value(static_cast<int64_t>(iter_->id()));
        iter_->Next();
        COPMAP_RETURN_IF_ERROR(ctx_.CheckInterrupt());
        return true;
      }
      if (iter_) COPMAP_RETURN_IF_ERROR(iter_->status());
      iter_.reset();
      COPMAP_ASSIGN_OR_RETURN(bool more, input().Next(input_row_));
      if (!more) return false;
      COPMAP_RETURN_IF_ERROR(Open());
    }
  }

 private:
  Status Open() {
    const LogicalOperator& op = logical_;
    if (op.kind == LogicalOpKind::kNodeScan) {
      if (op.label.empty()) {
        iter_ = ctx_.txn->ScanAllNodes();
      } else if (auto lid = ctx_.Label(op.label)) {
        iter_ = ctx_.txn->ScanLabel(*lid);
      }
      return Status::OK();
    }
    auto lid = ctx_.Label(op.label);
    auto pid = ctx_.PropKey(op.property);
    if (!lid || !pid) return Status::OK();
    if (op.kind == LogicalOpKind::kIndexSeek) {
      COPMAP_ASSIGN_OR_RETURN(Value key, Evaluate(*op.expressions[0], input_row_, ctx_));
      if (key.is_null()) return Status::OK();
      COPMAP_ASSIGN_OR_RETURN(iter_, ctx_.txn->IndexSeek(*lid, *pid, key));
      return Status::OK();
    }
    std::optional<storage::Bound> lower, upper;
    if (op.has_lower) {
      COPMAP_ASSIGN_OR_RETURN(Value v, Evaluate(*op.expressions[0], input_row_, ctx_));
      if (v.is_null()) return Status::OK();
      lower = storage::Bound{v, op.lower_inclusive};
    }
    if (op.has_upper) {
      COPMAP_ASSIGN_OR_RETURN(Value v, Evaluate(*op.expressions[1], input_row_, ctx_));
      if (v.is_null()) return Status::OK();
      upper = storage::Bound{v, op.upper_inclusive};
    }
    COPMAP_ASSIGN_OR_RETURN(iter_, ctx_.txn->IndexRange(*lid, *pid, lower, upper));
    return Status::OK();
  }

  Row input_row_;
  std::unique_ptr<storage::NodeIterator> iter_;
};

// Binds nothing new: drops rows whose node lacks the pattern node's labels
// (node_label_check.h) or properties.
class NodeFilter final : public Operator {
 public:
  NodeFilter(const LogicalOperator& op, ExecContext& ctx)
      : Operator(op, ctx),
        labels_(op.node->labels,
                op.rel ? ArrivalOver(ctx, *op.rel, op.from_left) : std::nullopt) {}

 protected:
  Result<bool> NextRow(Row& row) override {
    while (true) {
      COPMAP_ASSIGN_OR_RETURN(bool more, input().Next(row));
      if (!more) return false;
      const Value& id = row[logical_.to_slot];
      if (id.is_null()) continue;
      const auto node = static_cast<storage::NodeId>(id.as_int());
      COPMAP_ASSIGN_OR_RETURN(bool ok, labels_.Has(ctx_, node));
      if (!ok) continue;
      COPMAP_ASSIGN_OR_RETURN(ok, NodePropertiesMatch(ctx_, node, *logical_.node, row));
      if (ok) return true;
    }
  }

 private:
  NodeLabelCheck labels_;
};

}  // namespace

OperatorPtr MakeScanOperator(const LogicalOperator& op, ExecContext& ctx) {
  if (op.kind == LogicalOpKind::kNodeFilter) return std::make_unique<NodeFilter>(op, ctx);
  return std::make_unique<NodeScan>(op, ctx);
}

}  // namespace copmap::query
