// PlanCache: plans by query text, so that a statement run again with other
// parameters is not parsed, bound and planned again (parameters are bound
// per execution; a plan never holds their values).
//
// A cached plan stays valid while what the planner read to make it still
// holds: the set of indexes (an index seek needs its index) and, roughly,
// the size of the graph (start points are chosen by label counts; a plan made
// for an empty store is made again once the store has grown). Plans are
// immutable once cached and shared by concurrent executions.
//
// Thread safety: every method may be called from many threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "query/planner/logical_plan.h"
#include "storage/graph_store.h"

namespace copmap::query {

// What a plan depended on when it was made.
struct PlanBasis {
  std::vector<std::string> indexes;  // "name/kind/label/property", in catalog order
  uint64_t node_count = 0;

  static PlanBasis Of(storage::Transaction& txn);
  // Whether a plan made on `this` is still right (and still a good choice) on `now`.
  bool StillHolds(const PlanBasis& now) const;
};

// A plan and what it was made on.
struct CachedPlan {
  LogicalPlan plan;
  PlanBasis basis;
};

class PlanCache {
 public:
  static constexpr size_t kMaxPlans = 512;

  // The plan cached for `text`, or null. The caller checks its basis
  // against its own transaction (CachedPlan::basis.StillHolds).
  std::shared_ptr<const CachedPlan> Find(std::string_view text);
  void Put(std::string_view text, std::shared_ptr<const CachedPlan> plan);

 private:
  std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const CachedPlan>> plans_;
};

}  // namespace copmap::query
