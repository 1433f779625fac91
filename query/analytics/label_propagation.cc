#include "query/analytics/label_propagation.h"

#include <vector>

#include "query/analytics/modularity.h"
#include "query/analytics/random.h"

namespace copmap::analytics {

Result<Partition> LabelPropagation(const Projection& g, const LabelPropagationOptions& options) {
  const uint32_t n = g.num_nodes();
  Partition result;
  std::vector<uint32_t>& label = result.community;
  label.resize(n);
  for (uint32_t v = 0; v < n; ++v) label[v] = v;
  Rng rng(options.seed);
  std::vector<uint32_t> order(n);
  for (uint32_t v = 0; v < n; ++v) order[v] = v;
  std::vector<double> weight(n, 0);
  std::vector<uint32_t> seen, best;
  auto tally = [&](std::span<const LocalId> nbrs, std::span<const double> ws) {
    for (size_t i = 0; i < nbrs.size(); ++i) {
      uint32_t l = label[nbrs[i]];
      if (weight[l] == 0) seen.push_back(l);
      weight[l] += ws[i];
    }
  };
  bool changed = true;
  while (changed && result.iterations < options.max_iterations) {
    changed = false;
    ++result.iterations;
    rng.Shuffle(order);
    for (uint32_t v : order) {
      seen.clear();
      tally(g.Out(v), g.OutWeights(v));
      if (g.directed()) tally(g.In(v), g.InWeights(v));
      if (seen.empty()) continue;
      double top = 0;
      for (uint32_t l : seen) top = std::max(top, weight[l]);
      best.clear();
      for (uint32_t l : seen) {
        if (weight[l] == top) best.push_back(l);
      }
      for (uint32_t l : seen) weight[l] = 0;
      bool keep = false;
      for (uint32_t l : best) keep |= (l == label[v]);
      if (keep) continue;
      label[v] = best[best.size() == 1 ? 0 : rng.Uniform(best.size())];
      changed = true;
    }
  }
  result.count = CanonicalizePartition(label);
  COPMAP_ASSIGN_OR_RETURN(result.modularity, Modularity(g, label));
  return result;
}

}  // namespace copmap::analytics
