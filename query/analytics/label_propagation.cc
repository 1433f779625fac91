#include "query/analytics/label_propagation.h"

#include <algorithm>
#include <cmath>
#include <span>
#include <vector>

#include "query/analytics/modularity.h"
#include "query/analytics/random.h"

namespace copmap::analytics {

namespace {

// Weighted degree of v in the undirected view of g, self loops left out (they
// join v's own label whatever it is, so they never change a choice).
double UndirectedDegree(const Projection& g, LocalId v) {
  double k = 0;
  auto add = [&](std::span<const LocalId> nbrs, std::span<const double> ws) {
    for (size_t i = 0; i < nbrs.size(); ++i) {
      if (nbrs[i] != v) k += ws[i];
    }
  };
  add(g.Out(v), g.OutWeights(v));
  if (g.directed()) add(g.In(v), g.InWeights(v));
  return k;
}

}  // namespace

Result<Partition> LabelPropagation(const Projection& g, const LabelPropagationOptions& options) {
  const uint32_t n = g.num_nodes();
  Partition result;
  std::vector<uint32_t>& label = result.community;
  label.resize(n);
  std::vector<double> degree(n);
  double two_m = 0;
  for (uint32_t v = 0; v < n; ++v) {
    label[v] = v;
    degree[v] = UndirectedDegree(g, v);
    two_m += degree[v];
  }
  std::vector<double> label_degree = degree;  // K_l: degree sum of l's holders
  Rng rng(options.seed);
  std::vector<uint32_t> order(n);
  for (uint32_t v = 0; v < n; ++v) order[v] = v;
  std::vector<double> link(n, 0);  // tie weight from the visited node to each label
  std::vector<uint32_t> seen, best;
  auto tally = [&](LocalId v, std::span<const LocalId> nbrs, std::span<const double> ws) {
    for (size_t i = 0; i < nbrs.size(); ++i) {
      if (nbrs[i] == v) continue;
      uint32_t l = label[nbrs[i]];
      if (link[l] == 0) seen.push_back(l);
      link[l] += ws[i];
    }
  };
  // A node is visited again only once a neighbour's label changed: late
  // rounds change a few labels, and revisiting every node cost most of the
  // time (53 rounds at 100k people). Only the K_l terms of an unvisited node
  // drift meanwhile, by the degree of the nodes that moved.
  std::vector<char> active(n, 1);
  auto wake = [&](std::span<const LocalId> nbrs) {
    for (LocalId u : nbrs) active[u] = 1;
  };
  bool changed = two_m > 0;
  while (changed && result.iterations < options.max_iterations) {
    changed = false;
    ++result.iterations;
    rng.Shuffle(order);
    for (uint32_t v : order) {
      if (!active[v]) continue;
      active[v] = 0;
      seen.clear();
      tally(v, g.Out(v), g.OutWeights(v));
      if (g.directed()) tally(v, g.In(v), g.InWeights(v));
      const uint32_t own = label[v];
      const double k = degree[v];
      label_degree[own] -= k;  // v's own label is scored as if v had left it
      auto score = [&](uint32_t l) { return link[l] - k * label_degree[l] / two_m; };
      const double own_score = score(own);
      double top = own_score;
      for (uint32_t l : seen) top = std::max(top, score(l));
      // Scores are sums of doubles: a change needs a margin beyond rounding,
      // or two labels scoring the same could swap forever.
      const double margin = 1e-12 * std::max(1.0, std::abs(top));
      uint32_t next = own;
      if (top > own_score + margin) {
        best.clear();
        for (uint32_t l : seen) {
          if (score(l) >= top - margin) best.push_back(l);
        }
        // A zero-weight tie can list a label twice in `seen`.
        std::sort(best.begin(), best.end());
        best.erase(std::unique(best.begin(), best.end()), best.end());
        next = best[best.size() == 1 ? 0 : rng.Uniform(best.size())];
      }
      for (uint32_t l : seen) link[l] = 0;
      label_degree[next] += k;
      if (next != own) {
        label[v] = next;
        changed = true;
        wake(g.Out(v));
        if (g.directed()) wake(g.In(v));
      }
    }
  }
  result.count = CanonicalizePartition(label);
  COPMAP_ASSIGN_OR_RETURN(result.modularity, Modularity(g, label));
  return result;
}

}  // namespace copmap::analytics
