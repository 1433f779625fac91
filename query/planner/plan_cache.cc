#include "query/planner/plan_cache.h"

namespace copmap::query {

PlanBasis PlanBasis::Of(storage::Transaction& txn) {
  PlanBasis b;
  for (const storage::IndexInfo& i : txn.Indexes()) {
    b.indexes.push_back(i.name + "/" + std::to_string(static_cast<int>(i.kind)) + "/" +
                        std::to_string(i.label) + "/" + std::to_string(i.property));
  }
  auto count = txn.CountNodes(std::nullopt);
  b.node_count = count.ok() ? *count : 0;
  return b;
}

bool PlanBasis::StillHolds(const PlanBasis& now) const {
  // Label counts steer the choice of start; a plan is made again when the
  // graph has doubled or halved since (always correct either way).
  const bool same_scale = now.node_count <= 2 * node_count + 64 && 2 * now.node_count + 64 >= node_count;
  return same_scale && indexes == now.indexes;
}

std::shared_ptr<const CachedPlan> PlanCache::Find(std::string_view text) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = plans_.find(std::string(text));
  return it == plans_.end() ? nullptr : it->second;
}

void PlanCache::Put(std::string_view text, std::shared_ptr<const CachedPlan> plan) {
  std::lock_guard<std::mutex> lock(mu_);
  if (plans_.size() >= kMaxPlans) plans_.clear();
  plans_[std::string(text)] = std::move(plan);
}

}  // namespace copmap::query
