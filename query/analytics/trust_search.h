// The most trusted paths from one person over KNOWS.
//
// Dijkstra over the shared in-memory KNOWS projection of the data the
// transaction reads (trust_projection.h: built once per store version); in
// a transaction that has written, directly in the store instead, expanding
// each settled person's KNOWS ties in both directions once (a tie carries
// trust both ways; of two reciprocal ties the stronger counts).
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

// visit(person, trust, path): path() builds the person's most trusted path
// (only call it for the people you keep: most settled people are not).
using TrustVisit = std::function<Result<bool>(storage::NodeId person, double trust,
                                              const std::function<TrustPath()>& path)>;

// Settles people in order of decreasing trust, starting with `from` (trust
// 1, a path of one person), and calls visit for each; the search stops when
// visit returns true, an error, or the limits are reached. Every person
// settled later has a trust no higher than the last one visited.
Status SearchTrust(CopGraph& graph, storage::NodeId from, const TrustSearchLimits& limits,
                   const TrustVisit& visit);

}  // namespace copmap::analytics
