// Leaf-side operators that bind a node per input row: label and full scans,
// index seeks and ranges, and the node filter.
#include <algorithm>

#include "query/executor/entities.h"
#include "query/executor/evaluator.h"
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

// Checks labels one node record at a time, until so many nodes were checked
// that reading the labels' member lists once is cheaper (more checks than a
// sixteenth of the label's size): from then on a label check is a binary
// search in memory. Same snapshot, so the same answer.
class NodeFilter final : public Operator {
 public:
  using Operator::Operator;

 protected:
  Result<bool> NextRow(Row& row) override {
    while (true) {
      COPMAP_ASSIGN_OR_RETURN(bool more, input().Next(row));
      if (!more) return false;
      const Value& id = row[logical_.to_slot];
      if (id.is_null()) continue;
      const auto node = static_cast<storage::NodeId>(id.as_int());
      COPMAP_ASSIGN_OR_RETURN(bool ok, HasLabels(node));
      if (!ok) continue;
      COPMAP_ASSIGN_OR_RETURN(ok, NodePropertiesMatch(ctx_, node, *logical_.node, row));
      if (ok) return true;
    }
  }

 private:
  Result<bool> HasLabels(storage::NodeId node) {
    const std::vector<std::string>& labels = logical_.node->labels;
    if (labels.empty()) return true;
    if (members_.empty()) {
      ++checks_;
      if (checks_ >= 1024 && !smallest_label_) {
        COPMAP_ASSIGN_OR_RETURN(smallest_label_, SmallestLabel());
      }
      if (checks_ < 1024 || checks_ < *smallest_label_ / 16) {
        storage::NodeRecord scratch;
        COPMAP_ASSIGN_OR_RETURN(const storage::NodeRecord* rec, ctx_.NodeRecordOf(node, &scratch));
        for (const std::string& label : labels) {
          std::optional<storage::LabelId> lid = ctx_.Label(label);
          if (!lid || !std::binary_search(rec->labels.begin(), rec->labels.end(), *lid)) return false;
        }
        return true;
      }
      COPMAP_RETURN_IF_ERROR(LoadMembers());
    }
    for (const std::vector<storage::NodeId>& ids : members_) {
      if (!std::binary_search(ids.begin(), ids.end(), node)) return false;
    }
    return true;
  }

  Result<uint64_t> SmallestLabel() {
    uint64_t smallest = UINT64_MAX;
    for (const std::string& label : logical_.node->labels) {
      uint64_t count = 0;
      if (auto lid = ctx_.Label(label)) {
        COPMAP_ASSIGN_OR_RETURN(count, ctx_.txn->CountNodes(*lid));
      }
      smallest = std::min(smallest, count);
    }
    return smallest;
  }

  // Reads the member list of each label (ordered by id).
  Status LoadMembers() {
    for (const std::string& label : logical_.node->labels) {
      std::vector<storage::NodeId> ids;
      if (auto lid = ctx_.Label(label)) {
        auto it = ctx_.txn->ScanLabel(*lid);
        for (; it->Valid(); it->Next()) ids.push_back(it->id());
        COPMAP_RETURN_IF_ERROR(it->status());
      }
      std::sort(ids.begin(), ids.end());
      members_.push_back(std::move(ids));
    }
    return Status::OK();
  }

  uint64_t checks_ = 0;
  std::optional<uint64_t> smallest_label_;
  std::vector<std::vector<storage::NodeId>> members_;
};

}  // namespace

OperatorPtr MakeScanOperator(const LogicalOperator& op, ExecContext& ctx) {
  if (op.kind == LogicalOpKind::kNodeFilter) return std::make_unique<NodeFilter>(op, ctx);
  return std::make_unique<NodeScan>(op, ctx);
}

}  // namespace copmap::query
