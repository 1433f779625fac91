// PRIVATE to visualize/: the state BuildMap works on, shared by its steps
// (clustering.cc groups nodes, map_builder.cc styles and assembles).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "visualize/graph_data.h"
#include "visualize/map_builder.h"
#include "visualize/theme.h"

namespace copmap::visualize {

// What the result says about one person.
struct PersonFacts {
  std::vector<std::pair<uint64_t, Role>> memberships;  // community id, role
  std::vector<std::pair<uint64_t, std::string>> leads;  // community id, style
  std::vector<std::pair<uint64_t, int>> expertise;     // domain id, level
  int organizations = 0;                                // WORKS_AT targets
  // Strongest role overall, or towards the focus when there is one.
  Role RoleTowards(std::optional<uint64_t> focus) const;
  int LevelIn(std::optional<uint64_t> focus) const;
};

struct BuildContext {
  BuildContext(const GraphData& d, const MapSpec& s) : data(d), spec(s) {}
  const GraphData& data;
  const MapSpec& spec;
  std::optional<uint64_t> focus;
  std::map<uint64_t, PersonFacts> people;
  std::vector<MapCluster> clusters;
  std::map<uint64_t, int> cluster_of;  // node id -> index into clusters
  std::set<uint64_t> hidden_rels;      // shown by containment instead of a line
  std::set<uint64_t> bridge_rels;      // memberships reaching outside the home cluster
  std::set<uint64_t> spanners;         // people in several communities or organizations
};

// "people" for Person, "communities" for Community, else label + "s".
std::string PluralOf(const std::string& label);

// Fills `people` from the relationships whose both ends are in the data.
void GatherPersonFacts(BuildContext* ctx);
// Fills clusters, cluster_of, hidden_rels, bridge_rels and spanners as
// spec.cluster_by asks; with any grouping, the nodes left over are grouped
// by kind (all but the focus). REQUIRES: GatherPersonFacts ran.
void AssignClusters(BuildContext* ctx);

}  // namespace copmap::visualize
