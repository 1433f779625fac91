#include "query/analytics/modularity.h"

#include <string>
#include <unordered_map>

namespace copmap::analytics {

uint32_t CanonicalizePartition(std::vector<uint32_t>& community) {
  std::unordered_map<uint32_t, uint32_t> renumber;
  for (uint32_t& c : community) {
    auto [it, inserted] = renumber.try_emplace(c, static_cast<uint32_t>(renumber.size()));
    c = it->second;
  }
  return static_cast<uint32_t>(renumber.size());
}

Result<double> Modularity(const Projection& g, const std::vector<uint32_t>& community,
                          double resolution) {
  const uint32_t n = g.num_nodes();
  if (community.size() != n) {
    return Status::InvalidArgument("modularity: partition has " +
                                   std::to_string(community.size()) + " entries for " +
                                   std::to_string(n) + " nodes");
  }
  std::vector<uint32_t> labels = community;
  uint32_t k = CanonicalizePartition(labels);
  std::vector<double> inside(k, 0), out_deg(k, 0), in_deg(k, 0);
  double total = 0;  // sum of stored arc weights
  for (LocalId v = 0; v < n; ++v) {
    auto targets = g.Out(v);
    auto weights = g.OutWeights(v);
    for (size_t i = 0; i < targets.size(); ++i) {
      double w = weights[i];
      total += w;
      out_deg[labels[v]] += w;
      in_deg[labels[targets[i]]] += w;
      if (labels[targets[i]] == labels[v]) inside[labels[v]] += w;
    }
  }
  if (total == 0) return 0.0;
  double q = 0;
  if (g.directed()) {
    for (uint32_t c = 0; c < k; ++c) {
      q += inside[c] / total - resolution * out_deg[c] * in_deg[c] / (total * total);
    }
  } else {
    // Every edge is stored as two arcs: total = 2m and inside[c] = 2 L_c.
    for (uint32_t c = 0; c < k; ++c) {
      double d = out_deg[c] / total;
      q += inside[c] / total - resolution * d * d;
    }
  }
  return q;
}

}  // namespace copmap::analytics
