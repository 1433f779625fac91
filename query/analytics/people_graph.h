// PeopleGraph: the projection most CoP analyses share: people, their KNOWS
// ties (undirected, unweighted: a tie in either direction links two people)
// and their declared community memberships.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "query/analytics/cop_graph.h"
#include "query/analytics/projection.h"

namespace copmap::analytics {

struct PeopleGraph {
  Projection knows;                            // Person nodes, KNOWS ties
  std::vector<storage::NodeId> communities;    // Community nodes, ascending
  std::vector<std::string> community_names;    // by community index
  std::vector<std::vector<LocalId>> members;   // by community index, ascending local ids
  std::vector<std::vector<uint32_t>> member_of;  // by person, community indexes ascending
};

// With `scope` (a community), only its members and the ties among them.
Result<PeopleGraph> LoadPeopleGraph(CopGraph& graph,
                                    std::optional<storage::NodeId> scope = std::nullopt);

}  // namespace copmap::analytics
