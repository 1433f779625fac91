#include "query/analytics/dijkstra.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>
#include <string>
#include <utility>

namespace copmap::analytics {

double TrustCost(double strength) {
  if (!(strength > 0)) return kInfinity;  // also catches NaN
  if (strength >= 1) return 0;
  return -std::log(strength);
}

Result<ShortestPathTree> Dijkstra(const Projection& g, LocalId source, LocalId stop_at,
                                  double max_cost) {
  const uint32_t n = g.num_nodes();
  ShortestPathTree tree{std::vector<double>(n, kInfinity), std::vector<LocalId>(n, kNoLocal)};
  std::vector<bool> settled(n, false);
  using Item = std::pair<double, LocalId>;  // (cost, node): ties by lower id
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
  tree.dist[source] = 0;
  heap.push({0, source});
  while (!heap.empty()) {
    auto [d, v] = heap.top();
    heap.pop();
    if (settled[v] || d > tree.dist[v]) continue;
    settled[v] = true;
    if (v == stop_at) break;
    auto targets = g.Out(v);
    auto weights = g.OutWeights(v);
    for (size_t i = 0; i < targets.size(); ++i) {
      double w = weights[i];
      if (!(w >= 0)) {
        return Status::InvalidArgument("dijkstra: arc " + std::to_string(g.Global(v)) + " -> " +
                                       std::to_string(g.Global(targets[i])) +
                                       " has cost " + std::to_string(w) +
                                       "; costs must be non-negative numbers");
      }
      LocalId u = targets[i];
      double nd = d + w;
      if (nd == kInfinity || nd > max_cost || settled[u]) continue;
      if (nd < tree.dist[u] || (nd == tree.dist[u] && v < tree.parent[u])) {
        tree.dist[u] = nd;
        tree.parent[u] = v;
        heap.push({nd, u});
      }
    }
  }
  return tree;
}

Result<std::optional<WeightedPath>> ShortestWeightedPath(const Projection& g, LocalId source,
                                                         LocalId target) {
  COPMAP_ASSIGN_OR_RETURN(ShortestPathTree tree, Dijkstra(g, source, target));
  if (tree.dist[target] == kInfinity) return std::optional<WeightedPath>();
  WeightedPath path;
  path.cost = tree.dist[target];
  for (LocalId v = target; v != kNoLocal; v = tree.parent[v]) path.nodes.push_back(v);
  std::reverse(path.nodes.begin(), path.nodes.end());
  return std::optional<WeightedPath>(std::move(path));
}

}  // namespace copmap::analytics
