#include "query/analytics/betweenness.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>
#include <span>
#include <string>
#include <thread>
#include <utility>

#include "query/analytics/random.h"

namespace copmap::analytics {

namespace {

// Per-thread scratch space, reused across sources (nothing is allocated
// per source).
struct Scratch {
  explicit Scratch(uint32_t n)
      : sigma(n, 0), delta(n, 0), hops(n, -1), cost(n, 0), order(), score(n, 0) {
    order.reserve(n);
  }
  std::vector<double> sigma;  // number of shortest paths from the source
  std::vector<double> delta;  // dependency of the source on each node
  std::vector<int32_t> hops;  // hop distance (unweighted), "seen" marks (weighted); -1 unreached
  std::vector<double> cost;   // weighted distance
  std::vector<LocalId> order; // nodes in non-decreasing distance
  std::vector<double> score;  // accumulated dependencies
  // The unweighted search only: the successors of order[i] on shortest
  // paths are succ[succ_end[i-1] .. succ_end[i]) (succ_end[-1] = 0); every
  // arc is a successor arc at most once, so `arcs` entries suffice.
  std::vector<LocalId> succ;
  std::vector<uint64_t> succ_end;
  void ReserveSuccessors(uint32_t n, uint64_t arcs) {
    succ.resize(arcs + 1);  // +1: the branch-free append writes one past
    succ_end.resize(n);
  }
};

// The out-arcs of g renumbered in BFS order, so that nodes searched together
// sit together in memory (on social graphs this roughly halves cache misses).
struct HopGraph {
  std::vector<uint64_t> offsets;
  std::vector<LocalId> targets;
  std::vector<LocalId> new_of;  // g's local id -> position here
  std::span<const LocalId> Out(LocalId v) const {
    return {targets.data() + offsets[v], targets.data() + offsets[v + 1]};
  }
};

HopGraph RelabelByBfs(const Projection& g) {
  const uint32_t n = g.num_nodes();
  HopGraph h;
  h.new_of.assign(n, kNoLocal);
  std::vector<LocalId> old_of;
  old_of.reserve(n);
  for (LocalId root = 0; root < n; ++root) {
    if (h.new_of[root] != kNoLocal) continue;
    h.new_of[root] = static_cast<LocalId>(old_of.size());
    old_of.push_back(root);
    for (size_t head = old_of.size() - 1; head < old_of.size(); ++head) {
      for (LocalId u : g.Out(old_of[head])) {
        if (h.new_of[u] != kNoLocal) continue;
        h.new_of[u] = static_cast<LocalId>(old_of.size());
        old_of.push_back(u);
      }
    }
  }
  h.offsets.assign(static_cast<size_t>(n) + 1, 0);
  h.targets.reserve(g.num_arcs());
  for (LocalId v = 0; v < n; ++v) {
    for (LocalId u : g.Out(old_of[v])) h.targets.push_back(h.new_of[u]);
    std::sort(h.targets.begin() + static_cast<ptrdiff_t>(h.offsets[v]), h.targets.end());
    h.offsets[v + 1] = h.targets.size();
  }
  return h;
}

// One source of the unweighted case: BFS counting shortest paths, then the
// dependencies pulled from each node's successors in reverse BFS order
// (delta(v) = sigma(v) * sum over successors w of (1 + delta(w)) / sigma(w)).
// The BFS writes each node's successors to a list (branch-free: the hop test
// is unpredictable), so that path counts and dependencies read only the arcs
// of the shortest-path DAG, not every arc twice. Once a node's dependency is
// final its sigma entry holds (1 + delta) / sigma, what its predecessors pull.
void SourceHops(const HopGraph& g, LocalId s, Scratch& sc) {
  int32_t* hops = sc.hops.data();
  double* sigma = sc.sigma.data();
  LocalId* succ = sc.succ.data();
  uint64_t* succ_end = sc.succ_end.data();
  auto& order = sc.order;
  order.clear();
  hops[s] = 0;
  sigma[s] = 1;
  order.push_back(s);
  uint64_t k = 0;
  for (size_t head = 0; head < order.size(); ++head) {
    const LocalId v = order[head];
    const int32_t next = hops[v] + 1;
    const uint64_t first = k;
    for (LocalId w : g.Out(v)) {
      if (hops[w] < 0) {
        hops[w] = next;
        order.push_back(w);
      }
      succ[k] = w;
      k += hops[w] == next;
    }
    succ_end[head] = k;
    // Every predecessor of v came before it in BFS order: sigma[v] is final.
    const double sv = sigma[v];
    for (uint64_t j = first; j < k; ++j) sigma[succ[j]] += sv;
  }
  for (size_t i = order.size(); i-- > 0;) {
    const LocalId v = order[i];
    const uint64_t first = i == 0 ? 0 : succ_end[i - 1];
    double pulled = 0;
    for (uint64_t j = first; j < succ_end[i]; ++j) pulled += sigma[succ[j]];
    const double delta = sigma[v] * pulled;
    sigma[v] = (1 + delta) / sigma[v];
    if (v != s) sc.score[v] += delta;
  }
  for (LocalId v : order) {
    hops[v] = -1;
    sigma[v] = 0;
  }
}

// Fills order/sigma/cost by Dijkstra from s (hops marks "reached").
Status SearchCosts(const Projection& g, LocalId s, Scratch& sc) {
  sc.order.clear();
  using Item = std::pair<double, LocalId>;
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
  std::vector<LocalId> touched;
  sc.cost[s] = 0;
  sc.sigma[s] = 1;
  sc.hops[s] = 0;
  heap.push({0, s});
  while (!heap.empty()) {
    auto [d, v] = heap.top();
    heap.pop();
    if (d > sc.cost[v] || sc.hops[v] == 1) continue;  // stale or settled
    sc.hops[v] = 1;                                    // settled
    sc.order.push_back(v);
    auto targets = g.Out(v);
    auto weights = g.OutWeights(v);
    for (size_t i = 0; i < targets.size(); ++i) {
      if (!(weights[i] >= 0)) {
        return Status::InvalidArgument("betweenness: arc " + std::to_string(g.Global(v)) +
                                       " -> " + std::to_string(g.Global(targets[i])) +
                                       " has weight " + std::to_string(weights[i]) +
                                       "; weights must be non-negative");
      }
      LocalId w = targets[i];
      double nd = d + weights[i];
      if (sc.hops[w] == 1) continue;
      if (sc.hops[w] < 0 || nd < sc.cost[w]) {
        sc.hops[w] = 0;  // reached, not settled
        sc.cost[w] = nd;
        sc.sigma[w] = sc.sigma[v];
        heap.push({nd, w});
      } else if (nd == sc.cost[w]) {
        sc.sigma[w] += sc.sigma[v];
      }
    }
  }
  return Status::OK();
}

// Accumulates the dependencies of source s (after a weighted search) into
// score and resets the scratch entries the search touched.
void AccumulateCosts(const Projection& g, LocalId s, Scratch& sc) {
  for (size_t i = sc.order.size(); i-- > 0;) {
    LocalId w = sc.order[i];
    double coeff = (1 + sc.delta[w]) / sc.sigma[w];
    auto preds = g.In(w);
    auto weights = g.InWeights(w);
    for (size_t j = 0; j < preds.size(); ++j) {
      LocalId v = preds[j];
      if (sc.hops[v] == 1 && v != w && sc.cost[v] + weights[j] == sc.cost[w]) sc.delta[v] += sc.sigma[v] * coeff;
    }
    if (w != s) sc.score[w] += sc.delta[w];
  }
  for (LocalId v : sc.order) {
    sc.sigma[v] = 0;
    sc.delta[v] = 0;
    sc.hops[v] = -1;
    sc.cost[v] = 0;
  }
}

}  // namespace

Result<BetweennessResult> Betweenness(const Projection& g, const BetweennessOptions& options) {
  if (!(options.confidence > 0 && options.confidence < 1)) {
    return Status::InvalidArgument("betweenness: confidence must lie in (0, 1), got " +
                                   std::to_string(options.confidence));
  }
  const uint32_t n = g.num_nodes();
  BetweennessResult result;
  std::vector<LocalId> sources(n);
  for (uint32_t v = 0; v < n; ++v) sources[v] = v;
  if (options.samples > 0 && options.samples < n) {
    Rng rng(options.seed);
    // Partial Fisher-Yates: the first k entries become a uniform sample.
    for (uint32_t i = 0; i < options.samples; ++i) {
      std::swap(sources[i], sources[i + rng.Uniform(n - i)]);
    }
    sources.resize(options.samples);
    std::sort(sources.begin(), sources.end());
    result.exact = false;
  }
  result.pivots = static_cast<uint32_t>(sources.size());

  uint32_t threads = std::max<uint32_t>(1, std::min<uint32_t>(options.threads, result.pivots));
  std::vector<Scratch> scratch;
  scratch.reserve(threads);
  for (uint32_t t = 0; t < threads; ++t) {
    scratch.emplace_back(n);
    if (!options.weighted) scratch.back().ReserveSuccessors(n, g.num_arcs());
  }
  std::vector<Status> errors(threads);
  HopGraph hop_graph;
  if (!options.weighted) hop_graph = RelabelByBfs(g);
  auto work = [&](uint32_t t) {
    size_t begin = sources.size() * t / threads, end = sources.size() * (t + 1) / threads;
    for (size_t i = begin; i < end; ++i) {
      if (!options.weighted) {
        SourceHops(hop_graph, hop_graph.new_of[sources[i]], scratch[t]);
        continue;
      }
      errors[t] = SearchCosts(g, sources[i], scratch[t]);
      if (!errors[t].ok()) return;
      AccumulateCosts(g, sources[i], scratch[t]);
    }
  };
  if (threads == 1) {
    work(0);
  } else {
    std::vector<std::thread> pool;
    for (uint32_t t = 0; t < threads; ++t) pool.emplace_back(work, t);
    for (std::thread& th : pool) th.join();
  }
  for (const Status& s : errors) COPMAP_RETURN_IF_ERROR(s);

  result.score = std::move(scratch[0].score);
  for (uint32_t t = 1; t < threads; ++t) {
    for (uint32_t v = 0; v < n; ++v) result.score[v] += scratch[t].score[v];
  }
  if (!options.weighted) {  // back from BFS order to g's local ids
    std::vector<double> by_local(n);
    for (LocalId v = 0; v < n; ++v) by_local[v] = result.score[hop_graph.new_of[v]];
    result.score = std::move(by_local);
  }

  double scale = 1;
  double pair_norm = n > 2 ? 1.0 / ((static_cast<double>(n) - 1) * (n - 2)) : 1.0;
  if (options.normalized) {
    scale = pair_norm;
  } else if (!g.directed()) {
    scale = 0.5;
  }
  if (!result.exact) scale *= static_cast<double>(n) / result.pivots;
  for (double& x : result.score) x *= scale;

  if (!result.exact && n > 2) {
    double range = static_cast<double>(n) / (n - 1);  // normalized units
    double eps = range * std::sqrt(std::log(2 / (1 - options.confidence)) / (2.0 * result.pivots));
    result.error_bound = options.normalized ? eps : eps / pair_norm * (g.directed() ? 1 : 0.5);
  }
  return result;
}

}  // namespace copmap::analytics
