#include "query/analytics/bfs.h"

#include <algorithm>

namespace copmap::analytics {

std::vector<int32_t> BfsDistances(const Projection& g, LocalId source, int32_t max_hops) {
  std::vector<int32_t> dist(g.num_nodes(), kUnreached);
  std::vector<LocalId> queue;
  queue.reserve(g.num_nodes());
  dist[source] = 0;
  queue.push_back(source);
  for (size_t head = 0; head < queue.size(); ++head) {
    LocalId v = queue[head];
    if (dist[v] >= max_hops) continue;
    for (LocalId u : g.Out(v)) {
      if (dist[u] != kUnreached) continue;
      dist[u] = dist[v] + 1;
      queue.push_back(u);
    }
  }
  return dist;
}

namespace {

// One side of the bidirectional search.
struct Side {
  std::vector<LocalId> parent;  // kNoLocal: not visited
  std::vector<LocalId> frontier;
  int32_t depth = 0;
};

}  // namespace

std::optional<std::vector<LocalId>> ShortestPathBfs(const Projection& g, LocalId source,
                                                    LocalId target, int32_t max_hops) {
  if (source == target) return std::vector<LocalId>{source};
  const uint32_t n = g.num_nodes();
  Side fwd{std::vector<LocalId>(n, kNoLocal), {source}, 0};
  Side bwd{std::vector<LocalId>(n, kNoLocal), {target}, 0};
  fwd.parent[source] = source;
  bwd.parent[target] = target;
  // Hop distance of every visited node on each side, for comparing meetings.
  std::vector<int32_t> dist_f(n, kUnreached), dist_b(n, kUnreached);
  dist_f[source] = 0;
  dist_b[target] = 0;

  // The best meeting arc (from, to) with from on the forward side.
  LocalId meet_from = kNoLocal, meet_to = kNoLocal;
  int32_t best = INT32_MAX;
  while (!fwd.frontier.empty() && !bwd.frontier.empty() && fwd.depth + bwd.depth < max_hops) {
    // Grow the side whose frontier has fewer arcs to scan.
    uint64_t work_f = 0, work_b = 0;
    for (LocalId v : fwd.frontier) work_f += g.Out(v).size();
    for (LocalId v : bwd.frontier) work_b += g.In(v).size();
    bool forward = work_f <= work_b;
    Side& side = forward ? fwd : bwd;
    std::vector<int32_t>& mine = forward ? dist_f : dist_b;
    const std::vector<int32_t>& other = forward ? dist_b : dist_f;
    std::vector<LocalId> next;
    for (LocalId v : side.frontier) {
      for (LocalId u : forward ? g.Out(v) : g.In(v)) {
        if (other[u] != kUnreached) {
          int32_t total = side.depth + 1 + other[u];
          if (total < best) {
            best = total;
            meet_from = forward ? v : u;
            meet_to = forward ? u : v;
          }
        }
        if (mine[u] != kUnreached) continue;
        mine[u] = side.depth + 1;
        side.parent[u] = v;
        next.push_back(u);
      }
    }
    side.frontier = std::move(next);
    ++side.depth;
    if (best != INT32_MAX) break;
  }
  if (best == INT32_MAX || best > max_hops) return std::nullopt;

  std::vector<LocalId> path;
  for (LocalId v = meet_from;; v = fwd.parent[v]) {
    path.push_back(v);
    if (v == source) break;
  }
  std::reverse(path.begin(), path.end());
  for (LocalId v = meet_to;; v = bwd.parent[v]) {
    path.push_back(v);
    if (v == target) break;
  }
  return path;
}

}  // namespace copmap::analytics
