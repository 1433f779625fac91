// The most trusted paths from one person over KNOWS, searched lazily in the
// store.
//
// A personal query touches a small neighbourhood, so instead of projecting
// the whole KNOWS graph (seconds at 100k people) it runs Dijkstra directly,
// expanding each settled person's KNOWS ties in both directions once (a tie
// carries trust both ways; of two reciprocal ties the stronger counts).
// Costs are TrustCost(strength) = -ln(strength) (see dijkstra.h), so a
// path's trust is the product of its strengths; a tie without a numeric
// strength counts as kDefaultStrength.
#pragma once

#include <functional>
#include <vector>

#include "query/analytics/cop_graph.h"

namespace copmap::analytics {

inline constexpr double kDefaultStrength = 0.5;

struct TrustPath {
  double trust = 0;                      // product of strengths, in (0, 1]
  std::vector<storage::NodeId> people;  // from first, target last
};

struct TrustSearchLimits {
  int max_hops = 6;         // paths are not extended beyond this many ties
  double min_trust = 1e-4;  // nor below this trust
};

// Settles people in order of decreasing trust, starting with `from` (trust
// 1, a path of one person), and calls visit(person, path) for each; the
// search stops when visit returns true, an error, or the limits are reached.
// Every person settled later has a trust no higher than the last one visited.
Status SearchTrust(CopGraph& graph, storage::NodeId from, const TrustSearchLimits& limits,
                   const std::function<Result<bool>(storage::NodeId, const TrustPath&)>& visit);

}  // namespace copmap::analytics
