#include "query/analytics/trust_search.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>
#include <unordered_map>
#include <utility>

#include "query/analytics/dijkstra.h"
#include "query/analytics/trust_projection.h"

namespace copmap::analytics {

namespace {

struct State {
  double cost = kInfinity;
  storage::NodeId parent = 0;
  int hops = 0;
  bool settled = false;
};

// The path to `v`, following parents back to `source`.
template <typename Id, typename Parent, typename Global>
TrustPath WalkBack(double trust, Id v, Id source, Parent parent, Global global) {
  TrustPath p{trust, {}};
  for (Id u = v;; u = parent(u)) {
    p.people.push_back(global(u));
    if (u == source) break;
  }
  std::reverse(p.people.begin(), p.people.end());
  return p;
}

// The same search over the shared in-memory projection (local ids are in
// NodeId order, so ties break exactly as in the store search below).
Status SearchProjection(const Projection& g, storage::NodeId from, const TrustSearchLimits& limits,
                        const TrustVisit& visit) {
  const double max_cost = -std::log(limits.min_trust);
  LocalId source = g.Local(from);
  if (source == kNoLocal) {  // no ties at all: only `from` itself
    COPMAP_ASSIGN_OR_RETURN(bool stop, visit(from, 1.0, [from] { return TrustPath{1.0, {from}}; }));
    (void)stop;
    return Status::OK();
  }
  struct LocalState {
    double cost = kInfinity;
    LocalId parent = kNoLocal;
    int hops = 0;
    bool settled = false;
  };
  std::vector<LocalState> state(g.num_nodes());
  using Item = std::pair<double, LocalId>;
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
  state[source].cost = 0;
  heap.push({0, source});
  while (!heap.empty()) {
    auto [cost, v] = heap.top();
    heap.pop();
    if (state[v].settled || cost > state[v].cost) continue;
    state[v].settled = true;
    const double trust = std::exp(-cost);
    auto path = [&, v = v] {
      return WalkBack(trust, v, source, [&](LocalId u) { return state[u].parent; },
                      [&](LocalId u) { return g.Global(u); });
    };
    COPMAP_ASSIGN_OR_RETURN(bool stop, visit(g.Global(v), trust, path));
    if (stop) break;
    int hops = state[v].hops + 1;
    if (hops > limits.max_hops) continue;
    auto targets = g.Out(v);
    auto costs = g.OutWeights(v);
    for (size_t i = 0; i < targets.size(); ++i) {
      LocalId w = targets[i];
      if (state[w].settled) continue;
      double nd = cost + costs[i];
      if (nd > max_cost) continue;
      LocalState& sw = state[w];
      if (nd < sw.cost || (nd == sw.cost && v < sw.parent)) {
        sw.cost = nd;
        sw.parent = v;
        sw.hops = hops;
        heap.push({nd, w});
      }
    }
  }
  return Status::OK();
}

}  // namespace

Status SearchTrust(CopGraph& graph, storage::NodeId from, const TrustSearchLimits& limits,
                   const TrustVisit& visit) {
  COPMAP_ASSIGN_OR_RETURN(std::shared_ptr<const Projection> shared,
                          CachedTrustProjection(graph.txn()));
  if (shared) return SearchProjection(*shared, from, limits, visit);
  // A transaction with its own writes: read the store lazily.
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
    const double trust = std::exp(-cost);
    auto path = [&, v = v] {
      return WalkBack(trust, v, from, [&](storage::NodeId u) { return state[u].parent; },
                      [](storage::NodeId u) { return u; });
    };
    COPMAP_ASSIGN_OR_RETURN(bool stop, visit(v, trust, path));
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
