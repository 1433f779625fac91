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
#include <map>
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

// Settles people in order of decreasing trust. Stops when every target is
// settled, the limits are reached, or stop(bound, found) returns true, where
// bound is the trust no target settled later can exceed. Returns the found
// targets' paths.
Result<std::map<storage::NodeId, TrustPath>> FindTrustPaths(
    CopGraph& graph, storage::NodeId from, const std::vector<storage::NodeId>& targets,
    const TrustSearchLimits& limits,
    const std::function<bool(double bound, const std::map<storage::NodeId, TrustPath>&)>& stop);

}  // namespace copmap::analytics
