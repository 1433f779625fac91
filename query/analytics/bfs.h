// Breadth-first search on a Projection: hop distances and shortest paths.
//
// Searches follow Out() arcs (every edge when the projection is undirected).
// Neighbours are visited in ascending local id, so the path returned among
// several shortest ones is always the same.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "query/analytics/projection.h"

namespace copmap::analytics {

inline constexpr int32_t kUnreached = -1;

// Hop distance from `source` to every node (kUnreached when not reachable or
// farther than max_hops). REQUIRES: source < g.num_nodes().
std::vector<int32_t> BfsDistances(const Projection& g, LocalId source,
                                  int32_t max_hops = INT32_MAX);

// A shortest path from source to target as the list of nodes (source first,
// target last; {source} when they are equal), or nullopt when the target is
// unreachable within max_hops. Bidirectional: it grows the smaller frontier
// (forward along Out, backward along In) one whole level at a time, so it
// touches far fewer nodes than a one-sided search on social graphs.
// REQUIRES: source, target < g.num_nodes().
std::optional<std::vector<LocalId>> ShortestPathBfs(const Projection& g, LocalId source,
                                                    LocalId target,
                                                    int32_t max_hops = INT32_MAX);

}  // namespace copmap::analytics
