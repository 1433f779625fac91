#include "query/executor/node_label_check.h"

#include <algorithm>

namespace copmap::query {

std::optional<Arrival> ArrivalOver(ExecContext& ctx, const BoundRel& rel, bool forward) {
  if (rel.types.size() != 1 || rel.left == rel.right) return std::nullopt;
  if (rel.var_length && rel.min_hops == 0) return std::nullopt;  // may stay at the start node
  std::optional<storage::RelTypeId> type = ctx.RelType(rel.types[0]);
  if (!type) return std::nullopt;
  // Left to right along "->" arrives at the relationship's end node.
  const bool at_end = forward == rel.right;
  return Arrival{*type, at_end ? RelEnd::kEnd : RelEnd::kStart};
}

Result<bool> NodeLabelCheck::AllImplied(ExecContext& ctx, bool compute) {
  if (labels_.empty() || implied_) return true;
  if (!arrival_ || (facts_asked_ && !compute) || facts_computed_) return false;
  facts_asked_ = true;
  facts_computed_ = compute;
  for (const std::string& label : labels_) {
    std::optional<storage::LabelId> lid = ctx.Label(label);
    if (!lid) return false;
    COPMAP_ASSIGN_OR_RETURN(std::optional<bool> holds,
                            LabelImplied(*ctx.txn, arrival_->type, arrival_->end, *lid, compute));
    if (!holds || !*holds) return false;
  }
  implied_ = true;
  return true;
}

Result<bool> NodeLabelCheck::Has(ExecContext& ctx, storage::NodeId node) {
  if (labels_.empty()) return true;
  if (!members_.empty()) {
    for (const std::vector<storage::NodeId>& ids : members_) {
      if (!std::binary_search(ids.begin(), ids.end(), node)) return false;
    }
    return true;
  }
  COPMAP_ASSIGN_OR_RETURN(bool implied, AllImplied(ctx, /*compute=*/false));
  if (implied) return true;
  ++checks_;
  if (checks_ >= 1024 && !smallest_label_) {
    COPMAP_ASSIGN_OR_RETURN(smallest_label_, SmallestLabel(ctx));
  }
  if (checks_ < 1024 || checks_ < *smallest_label_ / 16) return ByRecord(ctx, node);
  COPMAP_ASSIGN_OR_RETURN(implied, AllImplied(ctx, /*compute=*/true));
  if (implied) return true;
  COPMAP_RETURN_IF_ERROR(LoadMembers(ctx));
  return Has(ctx, node);
}

Result<bool> NodeLabelCheck::ByRecord(ExecContext& ctx, storage::NodeId node) {
  storage::NodeRecord scratch;
  COPMAP_ASSIGN_OR_RETURN(const storage::NodeRecord* rec, ctx.NodeRecordOf(node, &scratch));
  for (const std::string& label : labels_) {
    std::optional<storage::LabelId> lid = ctx.Label(label);
    if (!lid || !std::binary_search(rec->labels.begin(), rec->labels.end(), *lid)) return false;
  }
  return true;
}

Result<uint64_t> NodeLabelCheck::SmallestLabel(ExecContext& ctx) {
  uint64_t smallest = UINT64_MAX;
  for (const std::string& label : labels_) {
    uint64_t count = 0;
    if (auto lid = ctx.Label(label)) {
      COPMAP_ASSIGN_OR_RETURN(count, ctx.txn->CountNodes(*lid));
    }
    smallest = std::min(smallest, count);
  }
  return smallest;
}

// Reads the member list of each label (ordered by id).
Status NodeLabelCheck::LoadMembers(ExecContext& ctx) {
  for (const std::string& label : labels_) {
    std::vector<storage::NodeId> ids;
    if (auto lid = ctx.Label(label)) {
      auto it = ctx.txn->ScanLabel(*lid);
      for (; it->Valid(); it->Next()) ids.push_back(it->id());
      COPMAP_RETURN_IF_ERROR(it->status());
    }
    std::sort(ids.begin(), ids.end());
    members_.push_back(std::move(ids));
  }
  return Status::OK();
}

}  // namespace copmap::query
