// Hand-built maps for the renderer tests and benchmarks.
#pragma once

#include <string>

#include "visualize/map_model.h"

namespace copmap::visualize::testing {

// `communities` clusters with `people_per_cluster` people each, a domain per
// cluster, edges from every person to their cluster's domain and a ring of
// ties between clusters. Deterministic.
Map ClusteredMap(int communities, int people_per_cluster);

// Every node linked to every other: a layout that takes long for neato.
Map DenseMap(int nodes);

}  // namespace copmap::visualize::testing
