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

Status SearchTrust(CopGraph& graph, storage::NodeId from, const TrustSearchLimits& limits,
                   const std::function<Result<bool>(storage::NodeId, const TrustPath&)>& visit) {
  const double max_cost = -std::log(limits.min_trust);
  std::unordered_map<storage::NodeId, State> state;
  using Item = std::pair<double, storage::NodeId>;
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
  state[from].cost = 0;
  heap.push({0, from});
  while (!heap.empty()) {
    auto [cost, v] = heap.top();
    heap.pop();
    if (state[v].settled || cost > state[v].cost) continue;
    state[v].settled = true;
    TrustPath path;
    path.trust = std::exp(-cost);
    for (storage::NodeId u = v;; u = state[u].parent) {
      path.people.push_back(u);
      if (u == from) break;
    }
    std::reverse(path.people.begin(), path.people.end());
    COPMAP_ASSIGN_OR_RETURN(bool stop, visit(v, path));
    if (stop) break;
    int hops = state[v].hops + 1;
    if (hops > limits.max_hops) continue;
    for (storage::Direction dir : {storage::Direction::kOut, storage::Direction::kIn}) {
      COPMAP_ASSIGN_OR_RETURN(auto ties, graph.Adjacent(v, dir, "KNOWS"));
      for (const auto& tie : ties) {
        if (tie.neighbor == v || state[tie.neighbor].settled) continue;
        COPMAP_ASSIGN_OR_RETURN(Value strength, graph.RelProp(tie.rel, "strength"));
        double nd = cost + TrustCost(strength.is_number() ? strength.as_number() : kDefaultStrength);
        if (nd > max_cost) continue;
        State& su = state[tie.neighbor];
        if (nd < su.cost || (nd == su.cost && v < su.parent)) {
          su.cost = nd;
          su.parent = v;
          su.hops = hops;
          heap.push({nd, tie.neighbor});
        }
      }
    }
  }
  return Status::OK();
}

}  // namespace copmap::analytics
