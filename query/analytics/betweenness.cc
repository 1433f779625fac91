#include "query/analytics/betweenness.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>
#include <string>
#include <thread>
#include <utility>

#include "query/analytics/random.h"

namespace copmap::analytics {

namespace {

// Per-thread scratch space, reused across sources.
struct Scratch {
  explicit Scratch(uint32_t n)
      : sigma(n, 0), delta(n, 0), hops(n, -1), cost(n, 0), order(), score(n, 0) {
    order.reserve(n);
  }
  std::vector<double> sigma;  // number of shortest paths from the source
  std::vector<double> delta;  // dependency of the source on each node
  std::vector<int32_t> hops;  // unweighted distance, -1 unreached (also "seen" when weighted)
  std::vector<double> cost;   // weighted distance
  std::vector<LocalId> order; // nodes in non-decreasing distance
  std::vector<double> score;  // accumulated dependencies
};

// Fills order/sigma/hops by BFS from s.
void SearchHops(const Projection& g, LocalId s, Scratch& sc) {
  sc.order.clear();
  sc.hops[s] = 0;
  sc.sigma[s] = 1;
  sc.order.push_back(s);
  for (size_t head = 0; head < sc.order.size(); ++head) {
    LocalId v = sc.order[head];
    int32_t next = sc.hops[v] + 1;
    double sv = sc.sigma[v];
    for (LocalId w : g.Out(v)) {
      if (sc.hops[w] < 0) {
        sc.hops[w] = next;
        sc.order.push_back(w);
      }
      if (sc.hops[w] == next) sc.sigma[w] += sv;
    }
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

// Accumulates the dependencies of source s (after a search) into score and
// resets the scratch entries the search touched.
void Accumulate(const Projection& g, LocalId s, bool weighted, Scratch& sc) {
  for (size_t i = sc.order.size(); i-- > 0;) {
    LocalId w = sc.order[i];
    double coeff = (1 + sc.delta[w]) / sc.sigma[w];
    auto preds = g.In(w);
    auto weights = g.InWeights(w);
    for (size_t j = 0; j < preds.size(); ++j) {
      LocalId v = preds[j];
      bool on_path = weighted ? (sc.hops[v] == 1 && sc.cost[v] + weights[j] == sc.cost[w] && v != w)
                              : (sc.hops[v] >= 0 && sc.hops[v] + 1 == sc.hops[w]);
      if (on_path) sc.delta[v] += sc.sigma[v] * coeff;
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
  for (uint32_t t = 0; t < threads; ++t) scratch.emplace_back(n);
  std::vector<Status> errors(threads);
  auto work = [&](uint32_t t) {
    size_t begin = sources.size() * t / threads, end = sources.size() * (t + 1) / threads;
    for (size_t i = begin; i < end; ++i) {
      if (options.weighted) {
        errors[t] = SearchCosts(g, sources[i], scratch[t]);
        if (!errors[t].ok()) return;
      } else {
        SearchHops(g, sources[i], scratch[t]);
      }
      Accumulate(g, sources[i], options.weighted, scratch[t]);
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
