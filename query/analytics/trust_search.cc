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

// 16 bytes with a local id: the projection search keeps one per node of the
// graph and reads a neighbour's on every arc, so its size decides the cache misses.
template <typename Id>
struct SearchState {
  double cost = kInfinity;
  Id parent{};
  uint8_t hops = 0;  // Settle() caps max_hops at 255
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

// Dijkstra from `source` over trust costs: people are settled in order of
// trust and handed to `visit`, which may stop the search. One loop for both
// graph views: `state[id]` is the SearchState of a node of the view,
// `for_each_tie(v, relax)` calls relax(w, cost) for each tie of v, and
// `global` turns a node of the view into a store id.
template <typename Id, typename StateMap, typename ForEachTie, typename Global>
Status Settle(Id source, StateMap& state, ForEachTie for_each_tie, Global global,
              const TrustSearchLimits& limits, const TrustVisit& visit) {
  const double max_cost = -std::log(limits.min_trust);
  const int max_hops = std::min(limits.max_hops, 255);  // fits SearchState::hops
  using Item = std::pair<double, Id>;
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
      return WalkBack(trust, v, source, [&](Id u) { return state[u].parent; }, global);
    };
    COPMAP_ASSIGN_OR_RETURN(bool stop, visit(global(v), trust, path));
    if (stop) break;
    const int hops = state[v].hops + 1;
    if (hops > max_hops) continue;
    // Ties break towards the smaller parent id, so both views give one answer.
    auto relax = [&, cost = cost, v = v](Id w, double edge_cost) {
      const double nd = cost + edge_cost;
      if (nd > max_cost) return;
      auto& sw = state[w];
      if (nd < sw.cost || (nd == sw.cost && v < sw.parent)) {
        sw.cost = nd;
        sw.parent = v;
        sw.hops = static_cast<uint8_t>(hops);
        heap.push({nd, w});
      }
    };
    COPMAP_RETURN_IF_ERROR(for_each_tie(v, relax));
  }
  return Status::OK();
}

// Over the shared in-memory projection (local ids are in NodeId order, so
// ties break exactly as in the store search).
Status SearchProjection(const Projection& g, storage::NodeId from, const TrustSearchLimits& limits,
                        const TrustVisit& visit) {
  LocalId source = g.Local(from);
  if (source == kNoLocal) {  // no ties at all: only `from` itself
    COPMAP_ASSIGN_OR_RETURN(bool stop, visit(from, 1.0, [from] { return TrustPath{1.0, {from}}; }));
    (void)stop;
    return Status::OK();
  }
  std::vector<SearchState<LocalId>> state(g.num_nodes());
  auto ties = [&](LocalId v, const auto& relax) {
    auto targets = g.Out(v);
    auto costs = g.OutWeights(v);
    for (size_t i = 0; i < targets.size(); ++i) {
      if (!state[targets[i]].settled) relax(targets[i], costs[i]);
    }
    return Status::OK();
  };
  return Settle(source, state, ties, [&](LocalId u) { return g.Global(u); }, limits, visit);
}

}  // namespace

Status SearchTrust(CopGraph& graph, storage::NodeId from, const TrustSearchLimits& limits,
                   const TrustVisit& visit) {
  COPMAP_ASSIGN_OR_RETURN(std::shared_ptr<const Projection> shared,
                          CachedTrustProjection(graph.txn()));
  if (shared) return SearchProjection(*shared, from, limits, visit);
  // A transaction with its own writes: read the store lazily.
  std::unordered_map<storage::NodeId, SearchState<storage::NodeId>> state;
  auto ties = [&](storage::NodeId v, const auto& relax) -> Status {
    for (storage::Direction dir : {storage::Direction::kOut, storage::Direction::kIn}) {
      COPMAP_ASSIGN_OR_RETURN(auto adjacent, graph.Adjacent(v, dir, "KNOWS"));
      for (const auto& tie : adjacent) {
        // Settled people need no strength read.
        if (tie.neighbor == v || state[tie.neighbor].settled) continue;
        COPMAP_ASSIGN_OR_RETURN(Value strength, graph.RelProp(tie.rel, "strength"));
        relax(tie.neighbor,
              TrustCost(strength.is_number() ? strength.as_number() : kDefaultStrength));
      }
    }
    return Status::OK();
  };
  return Settle(from, state, ties, [](storage::NodeId u) { return u; }, limits, visit);
}

}  // namespace copmap::analytics
