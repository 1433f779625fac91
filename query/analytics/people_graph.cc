#include "query/analytics/people_graph.h"

#include <algorithm>

namespace copmap::analytics {

Result<PeopleGraph> LoadPeopleGraph(CopGraph& graph, std::optional<storage::NodeId> scope) {
  PeopleGraph pg;
  ProjectionSpec spec;
  spec.node_labels = {"Person"};
  spec.rel_types = {"KNOWS"};
  spec.directed = false;
  COPMAP_ASSIGN_OR_RETURN(pg.knows, Projection::FromStore(graph.txn(), spec));
  if (scope) {
    COPMAP_ASSIGN_OR_RETURN(auto members,
                            graph.Neighbors(*scope, storage::Direction::kIn, "MEMBER_OF"));
    std::vector<LocalId> keep;
    for (storage::NodeId m : members) {
      LocalId v = pg.knows.Local(m);
      if (v != kNoLocal) keep.push_back(v);
    }
    COPMAP_ASSIGN_OR_RETURN(pg.knows, InducedSubgraph(pg.knows, std::move(keep)));
  }
  COPMAP_ASSIGN_OR_RETURN(pg.communities, graph.Nodes("Community"));
  pg.member_of.resize(pg.knows.num_nodes());
  for (uint32_t c = 0; c < pg.communities.size(); ++c) {
    COPMAP_ASSIGN_OR_RETURN(std::string name, graph.DisplayName(pg.communities[c]));
    pg.community_names.push_back(name);
    COPMAP_ASSIGN_OR_RETURN(auto members,
                            graph.Neighbors(pg.communities[c], storage::Direction::kIn, "MEMBER_OF"));
    std::vector<LocalId> locals;
    for (storage::NodeId m : members) {
      LocalId v = pg.knows.Local(m);
      if (v == kNoLocal) continue;
      locals.push_back(v);
      pg.member_of[v].push_back(c);
    }
    std::sort(locals.begin(), locals.end());
    pg.members.push_back(std::move(locals));
  }
  return pg;
}

}  // namespace copmap::analytics
