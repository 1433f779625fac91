#include "query/analytics/louvain.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>

#include "query/analytics/modularity.h"
#include "query/analytics/random.h"

namespace copmap::analytics {

namespace {

// A weighted undirected graph with explicit self-loop weights: the level
// graph Louvain works on. adj holds both directions of every non-loop edge.
struct LevelGraph {
  std::vector<uint64_t> offsets{0};
  std::vector<std::pair<uint32_t, double>> adj;
  std::vector<double> self;    // loop weight, counted once
  std::vector<double> degree;  // sum of adj weights + 2 * self
  double two_m = 0;
  uint32_t size() const { return static_cast<uint32_t>(self.size()); }
};

LevelGraph FromProjection(const Projection& g) {
  const uint32_t n = g.num_nodes();
  LevelGraph lg;
  lg.self.assign(n, 0);
  std::vector<std::vector<std::pair<uint32_t, double>>> lists(n);
  for (LocalId v = 0; v < n; ++v) {
    auto targets = g.Out(v);
    auto weights = g.OutWeights(v);
    for (size_t i = 0; i < targets.size(); ++i) {
      LocalId u = targets[i];
      if (u == v) {
        lg.self[v] += weights[i];
      } else if (g.directed()) {
        lists[v].push_back({u, weights[i]});
        lists[u].push_back({v, weights[i]});
      } else {
        lists[v].push_back({u, weights[i]});
      }
    }
  }
  for (uint32_t v = 0; v < n; ++v) {
    auto& l = lists[v];
    std::sort(l.begin(), l.end());
    // Merge the two arcs of a reciprocated directed tie into one edge.
    size_t out = 0;
    for (size_t i = 0; i < l.size(); ++i) {
      if (out > 0 && l[out - 1].first == l[i].first) {
        l[out - 1].second += l[i].second;
      } else {
        l[out++] = l[i];
      }
    }
    l.resize(out);
    lg.adj.insert(lg.adj.end(), l.begin(), l.end());
    lg.offsets.push_back(lg.adj.size());
  }
  lg.degree.assign(n, 0);
  for (uint32_t v = 0; v < n; ++v) {
    double d = 2 * lg.self[v];
    for (uint64_t i = lg.offsets[v]; i < lg.offsets[v + 1]; ++i) d += lg.adj[i].second;
    lg.degree[v] = d;
    lg.two_m += d;
  }
  return lg;
}

double LevelModularity(const LevelGraph& lg, const std::vector<uint32_t>& comm,
                       double resolution) {
  if (lg.two_m == 0) return 0;
  std::unordered_map<uint32_t, std::pair<double, double>> per;  // inside (x2), degree
  for (uint32_t v = 0; v < lg.size(); ++v) {
    auto& [in, tot] = per[comm[v]];
    tot += lg.degree[v];
    in += 2 * lg.self[v];
    for (uint64_t i = lg.offsets[v]; i < lg.offsets[v + 1]; ++i) {
      if (comm[lg.adj[i].first] == comm[v]) in += lg.adj[i].second;
    }
  }
  double q = 0;
  for (const auto& [c, p] : per) {
    double d = p.second / lg.two_m;
    q += p.first / lg.two_m - resolution * d * d;
  }
  return q;
}

// One round of local moves until no node moves. Returns whether any moved.
bool MoveNodes(const LevelGraph& lg, double resolution, Rng& rng, std::vector<uint32_t>& comm) {
  const uint32_t n = lg.size();
  std::vector<double> total(n, 0);  // community degree sums
  for (uint32_t v = 0; v < n; ++v) total[comm[v]] += lg.degree[v];
  std::vector<uint32_t> order(n);
  for (uint32_t v = 0; v < n; ++v) order[v] = v;
  rng.Shuffle(order);
  std::vector<double> link(n, 0);  // weight from the node to each community
  std::vector<uint32_t> seen;      // communities with a link entry
  bool any = false;
  bool moved = true;
  while (moved) {
    moved = false;
    for (uint32_t v : order) {
      uint32_t own = comm[v];
      double k = lg.degree[v];
      seen.clear();
      for (uint64_t i = lg.offsets[v]; i < lg.offsets[v + 1]; ++i) {
        uint32_t c = comm[lg.adj[i].first];
        if (link[c] == 0) seen.push_back(c);
        link[c] += lg.adj[i].second;
      }
      total[own] -= k;
      // Gain of joining c (up to a constant factor): link - res * tot_c * k / 2m.
      uint32_t best = own;
      double best_gain = link[own] - resolution * total[own] * k / lg.two_m;
      for (uint32_t c : seen) {
        double gain = link[c] - resolution * total[c] * k / lg.two_m;
        if (gain > best_gain) {
          best_gain = gain;
          best = c;
        }
      }
      total[best] += k;
      for (uint32_t c : seen) link[c] = 0;
      if (best != own) {
        comm[v] = best;
        moved = true;
        any = true;
      }
    }
  }
  return any;
}

// Collapses each community of lg into one node.
LevelGraph Aggregate(const LevelGraph& lg, const std::vector<uint32_t>& comm, uint32_t k) {
  LevelGraph next;
  next.self.assign(k, 0);
  std::vector<std::vector<uint32_t>> members(k);
  for (uint32_t v = 0; v < lg.size(); ++v) members[comm[v]].push_back(v);
  std::vector<double> link(k, 0);
  std::vector<uint32_t> seen;
  for (uint32_t c = 0; c < k; ++c) {
    seen.clear();
    double inside = 0;  // non-loop edges inside c, seen from both ends
    for (uint32_t v : members[c]) {
      next.self[c] += lg.self[v];
      for (uint64_t i = lg.offsets[v]; i < lg.offsets[v + 1]; ++i) {
        uint32_t d = comm[lg.adj[i].first];
        if (d == c) {
          inside += lg.adj[i].second;
          continue;
        }
        if (link[d] == 0) seen.push_back(d);
        link[d] += lg.adj[i].second;
      }
    }
    next.self[c] += inside / 2;
    std::sort(seen.begin(), seen.end());
    for (uint32_t d : seen) {
      next.adj.push_back({d, link[d]});
      link[d] = 0;
    }
    next.offsets.push_back(next.adj.size());
  }
  next.degree.assign(k, 0);
  for (uint32_t v = 0; v < lg.size(); ++v) next.degree[comm[v]] += lg.degree[v];
  next.two_m = lg.two_m;
  return next;
}

}  // namespace

Result<Partition> Louvain(const Projection& g, const LouvainOptions& options) {
  if (!(options.resolution > 0)) {
    return Status::InvalidArgument("louvain: resolution must be positive, got " +
                                   std::to_string(options.resolution));
  }
  const uint32_t n = g.num_nodes();
  Partition result;
  result.community.resize(n);
  for (uint32_t v = 0; v < n; ++v) result.community[v] = v;
  LevelGraph lg = FromProjection(g);
  Rng rng(options.seed);
  double q = LevelModularity(lg, std::vector<uint32_t>(result.community), options.resolution);
  for (uint32_t level = 0; level < options.max_levels && lg.two_m > 0; ++level) {
    std::vector<uint32_t> comm(lg.size());
    for (uint32_t v = 0; v < lg.size(); ++v) comm[v] = v;
    if (!MoveNodes(lg, options.resolution, rng, comm)) break;
    double new_q = LevelModularity(lg, comm, options.resolution);
    if (new_q - q <= options.threshold) break;
    q = new_q;
    // Renumber the level's communities by first appearance so that the
    // aggregated graph is built in a fixed order.
    uint32_t k = CanonicalizePartition(comm);
    for (uint32_t& c : result.community) c = comm[c];
    lg = Aggregate(lg, comm, k);
    ++result.levels;
  }
  result.count = CanonicalizePartition(result.community);
  COPMAP_ASSIGN_OR_RETURN(result.modularity, Modularity(g, result.community, options.resolution));
  if (g.directed()) result.modularity = q;  // the undirected view Louvain optimised
  return result;
}

}  // namespace copmap::analytics
