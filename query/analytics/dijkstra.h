// Dijkstra's shortest paths on a weighted Projection (weights are costs).
//
// Trust distance: a KNOWS strength s in (0, 1] becomes the cost TrustCost(s)
// = -ln(s). The cost of a path is then -ln of the product of its strengths,
// so the cheapest path is the one along which trust, read as the chance that
// each hop vouches for the next, survives best: two hops of 0.9 (0.81) beat
// one hop of 0.5, and a chain of weak ties is never preferred to a strong
// one of the same length. 1/s would also rank strong ties first but adds
// costs, which overrates long chains of medium ties; -ln(s) multiplies.
#pragma once

#include <limits>
#include <optional>
#include <vector>

#include "query/analytics/projection.h"
#include "storage/status.h"

namespace copmap::analytics {

inline constexpr double kInfinity = std::numeric_limits<double>::infinity();

// -ln(strength) for a strength in (0, 1]; infinity (no usable tie) for a
// strength <= 0 or NaN; a strength above 1 is clamped to 1 (cost 0).
double TrustCost(double strength);

struct ShortestPathTree {
  std::vector<double> dist;     // kInfinity when unreached
  std::vector<LocalId> parent;  // kNoLocal for the source and unreached nodes
};

// Costs from `source` along Out arcs. Stops early once `stop_at` (when not
// kNoLocal) is settled, or at nodes costing more than max_cost. Ties go to
// the lower local id, so the tree is deterministic. InvalidArgument when an
// arc with a negative or NaN cost is met (naming it).
Result<ShortestPathTree> Dijkstra(const Projection& g, LocalId source,
                                  LocalId stop_at = kNoLocal, double max_cost = kInfinity);

struct WeightedPath {
  std::vector<LocalId> nodes;  // source first
  double cost = 0;
};

// The cheapest path, or nullopt when the target is unreachable.
Result<std::optional<WeightedPath>> ShortestWeightedPath(const Projection& g, LocalId source,
                                                         LocalId target);

}  // namespace copmap::analytics
