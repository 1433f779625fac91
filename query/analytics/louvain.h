// Louvain community detection (Blondel et al. 2008): greedy modularity
// optimisation by local moves, then aggregation of communities into nodes,
// repeated while modularity improves by more than `threshold`.
//
// Deterministic for a seed: each pass visits nodes in an order shuffled by
// the seeded Rng, a node moves only for a strictly larger gain, and ties
// between candidate communities go to the first met in sorted adjacency.
// A directed projection is treated as undirected (an arc's weight joins the
// edge between its ends), as modularity-based grouping of ties usually is.
#pragma once

#include <cstdint>
#include <vector>

#include "query/analytics/projection.h"
#include "storage/status.h"

namespace copmap::analytics {

struct LouvainOptions {
  uint64_t seed = 42;
  double resolution = 1.0;
  // Stop when a whole level improves modularity by no more than this
  // (networkx's default is 1e-7).
  double threshold = 1e-7;
  uint32_t max_levels = 32;
};

struct Partition {
  // Community of each node, numbered 0.. in order of smallest member.
  std::vector<uint32_t> community;
  uint32_t count = 0;
  double modularity = 0;  // of `community` on the (undirected) graph
  uint32_t levels = 0;    // aggregation levels that improved modularity
  uint32_t iterations = 0;  // label-propagation rounds (0 for Louvain)
};

Result<Partition> Louvain(const Projection& g, const LouvainOptions& options = {});

}  // namespace copmap::analytics
