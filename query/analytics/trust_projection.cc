#include "query/analytics/trust_projection.h"

#include <mutex>
#include <vector>

#include "query/analytics/dijkstra.h"
#include "query/analytics/trust_search.h"

namespace copmap::analytics {

namespace {

struct CacheEntry {
  storage::DataVersion version;
  std::shared_ptr<const Projection> projection;
};

Result<std::shared_ptr<const Projection>> Build(storage::Transaction& txn) {
  ProjectionSpec spec;
  spec.rel_types = {"KNOWS"};
  spec.directed = false;
  spec.weight_property = "strength";
  spec.default_weight = kDefaultStrength;
  spec.parallel = ParallelEdges::kMergeMax;  // strongest tie = cheapest arc
  COPMAP_ASSIGN_OR_RETURN(Projection g, Projection::FromStore(txn, spec));
  g.TransformWeights(TrustCost);
  return std::make_shared<const Projection>(std::move(g));
}

}  // namespace

Result<std::shared_ptr<const Projection>> CachedTrustProjection(storage::Transaction& txn) {
  std::optional<storage::DataVersion> version = txn.data_version();
  if (!version) return std::shared_ptr<const Projection>();
  // Held while building, so that concurrent first queries build once.
  static std::mutex mu;
  static std::vector<CacheEntry> cache;  // one entry per store
  std::lock_guard lock(mu);
  for (CacheEntry& e : cache) {
    if (e.version == *version) return e.projection;
  }
  COPMAP_ASSIGN_OR_RETURN(std::shared_ptr<const Projection> built, Build(txn));
  for (CacheEntry& e : cache) {
    if (e.version.store == version->store) {
      e = {*version, built};
      return built;
    }
  }
  // Stores closed long ago leave entries behind; keep the list short.
  if (cache.size() >= 4) cache.erase(cache.begin());
  cache.push_back({*version, built});
  return built;
}

}  // namespace copmap::analytics
