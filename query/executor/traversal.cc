#include "query/executor/traversal.h"

namespace copmap::query {

Traversal Traversal::For(ExecContext& ctx, const BoundRel& rel, bool forward) {
  Traversal t;
  const bool out = forward ? rel.right : rel.left;
  const bool in = forward ? rel.left : rel.right;
  std::vector<storage::Direction> dirs;
  if (out || !in) dirs.push_back(storage::Direction::kOut);
  if (in || !out) dirs.push_back(storage::Direction::kIn);
  t.undirected = dirs.size() == 2;
  std::vector<std::optional<storage::RelTypeId>> types;
  if (rel.types.empty()) types.push_back(std::nullopt);
  for (const std::string& name : rel.types) {
    if (auto id = ctx.RelType(name)) types.push_back(*id);
  }
  t.empty = types.empty();
  for (storage::Direction d : dirs) {
    for (const auto& type : types) t.steps.push_back(Step{d, type});
  }
  return t;
}

void ExpandFrom(ExecContext& ctx, storage::NodeId node, const Traversal::Step& step,
                std::unique_ptr<storage::AdjIterator>* iter) {
  if (*iter && ctx.txn->read_only() && (*iter)->Reseek(node, step.direction, step.type)) return;
  *iter = ctx.txn->Expand(node, step.direction, step.type);
}

Traversal Traversal::Reversed() const {
  Traversal t = *this;
  for (Step& s : t.steps) {
    s.direction = s.direction == storage::Direction::kOut ? storage::Direction::kIn
                                                          : storage::Direction::kOut;
  }
  return t;
}

Result<uint64_t> Traversal::Degree(ExecContext& ctx, storage::NodeId node) const {
  uint64_t total = 0;
  for (const Step& s : steps) {
    COPMAP_ASSIGN_OR_RETURN(uint64_t d, ctx.txn->Degree(node, s.direction, s.type));
    total += d;
  }
  return total;
}

}  // namespace copmap::query
