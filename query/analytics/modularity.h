// Newman's modularity of a partition of a Projection's nodes.
//
// Undirected (weights w, total edge weight m):
//   Q = sum over communities c of [ L_c / m - gamma * (D_c / 2m)^2 ]
// with L_c the weight of edges inside c and D_c the summed weighted degree.
// Directed (Leicht & Newman):
//   Q = sum over c of [ L_c / m - gamma * Dout_c * Din_c / m^2 ].
// These are networkx's community.modularity formulas. A kept self loop is
// stored once, so it adds its weight once to L_c and to D_c.
#pragma once

#include <cstdint>
#include <vector>

#include "query/analytics/projection.h"
#include "storage/status.h"

namespace copmap::analytics {

// `community[v]` is v's community (any uint32 labels). InvalidArgument when
// the sizes differ. 0 for a graph without edges.
Result<double> Modularity(const Projection& g, const std::vector<uint32_t>& community,
                          double resolution = 1.0);

// Renumbers labels 0.. in order of first appearance by local id (so that two
// equal partitions get equal vectors); returns the number of communities.
uint32_t CanonicalizePartition(std::vector<uint32_t>& community);

}  // namespace copmap::analytics
