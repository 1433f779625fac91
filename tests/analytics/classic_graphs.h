// Loads the classic networks in tests/analytics/data as Projections.
#pragma once

#include <string>
#include <vector>

#include "query/analytics/projection.h"

namespace copmap::analytics::testing {

// Zachary's karate club: nodes 0..33 (networkx numbering), undirected; with
// `weighted` the edge weights of networkx >= 2.7, else 1. With `directed`,
// each edge becomes one arc source -> target (source < target).
Projection KarateClub(bool weighted = false, bool directed = false);

// Padgett's Florentine families, undirected, nodes in alphabetical order of
// family name (the names are returned through `names` when given).
Projection FlorentineFamilies(std::vector<std::string>* names = nullptr);

}  // namespace copmap::analytics::testing
