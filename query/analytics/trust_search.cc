#include "query/analytics/trust_search.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>
#include <unordered_map>
#include <utility>

#include "query/analytics/dijkstra.h"

namespace copmap::analytics {

namespace {

struct State {
  double cost = kInfinity;
  storage::NodeId parent = 0;
  int hops = 0;
  bool settled = false;
};

}  // namespace

Result<std::map<storage::NodeId, TrustPath>> FindTrustPaths(
    CopGraph& graph, storage::NodeId from, const std::vector<storage::NodeId>& targets,
    const TrustSearchLimits& limits,
    const std::function<bool(double bound, const std::map<storage::NodeId, TrustPath>&)>& stop) {
  std::map<storage::NodeId, TrustPath> found;
  std::vector<storage::NodeId> wanted = targets;
  std::sort(wanted.begin(), wanted.end());
  size_t remaining = wanted.size();
  const double max_cost = -std::log(limits.min_trust);

  std::unordered_map<storage::NodeId, State> state;
  using Item = std::pair<double, storage::NodeId>;
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
  state[from].cost = 0;
  heap.push({0, from});
  while (!heap.empty() && remaining > 0) {
    auto [cost, v] = heap.top();
    heap.pop();
    State& sv = state[v];
    if (sv.settled || cost > sv.cost) continue;
    sv.settled = true;
    if (stop && stop(std::exp(-cost), found)) break;
    if (std::binary_search(wanted.begin(), wanted.end(), v)) {
      TrustPath path;
      path.trust = std::exp(-cost);
      for (storage::NodeId u = v;; u = state[u].parent) {
        path.people.push_back(u);
        if (u == from) break;
      }
      std::reverse(path.people.begin(), path.people.end());
      found.emplace(v, std::move(path));
      --remaining;
    }
    if (sv.hops >= limits.max_hops) continue;
    int hops = sv.hops + 1;
    for (storage::Direction dir : {storage::Direction::kOut, storage::Direction::kIn}) {
      COPMAP_ASSIGN_OR_RETURN(auto ties, graph.Adjacent(v, dir, "KNOWS"));
      for (const auto& tie : ties) {
        if (tie.neighbor == v) continue;
        State& su = state[tie.neighbor];
        if (su.settled) continue;
        COPMAP_ASSIGN_OR_RETURN(Value strength, graph.RelProp(tie.rel, "strength"));
        double w = TrustCost(strength.is_number() ? strength.as_number() : kDefaultStrength);
        double nd = cost + w;
        if (nd > max_cost) continue;
        if (nd < su.cost || (nd == su.cost && v < su.parent)) {
          su.cost = nd;
          su.parent = v;
          su.hops = hops;
          heap.push({nd, tie.neighbor});
        }
      }
    }
  }
  return found;
}

}  // namespace copmap::analytics
