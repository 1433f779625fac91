// Label propagation community detection (Raghavan, Albert & Kumara 2007).
//
// Every node starts with its own label; in each round nodes, visited in an
// order shuffled by the seeded Rng, adopt the label carrying the largest
// total tie weight among their neighbours. A node keeps its label when that
// label is among the best; otherwise ties are broken by the Rng. Rounds stop
// when no label changes or after max_iterations. Directed projections are
// read as undirected (In and Out neighbours both count).
#pragma once

#include <cstdint>

#include "query/analytics/louvain.h"
#include "query/analytics/projection.h"
#include "storage/status.h"

namespace copmap::analytics {

struct LabelPropagationOptions {
  uint64_t seed = 42;
  uint32_t max_iterations = 100;
};

// The partition's modularity is computed as by Modularity() on the graph.
Result<Partition> LabelPropagation(const Projection& g,
                                   const LabelPropagationOptions& options = {});

}  // namespace copmap::analytics
