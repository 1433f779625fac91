// Evidence of expertise in one domain, gathered around the domain's node.
//
// Points (documented in docs/ANALYTICS.md): declared EXPERT_IN level x2;
// each practice AUTHORED about the domain 3, each APPLIED 1; each MENTORS
// relationship with `domain` = the domain's name 2; LEADS a community that
// FOCUSES_ON the domain 3; MEMBER_OF such a community as core 2, active 1,
// peripheral 0.5. People gone by `as_of` (see CopGraph::Departure) are left out.
#pragma once

#include <string>
#include <vector>

#include "query/analytics/cop_graph.h"

namespace copmap::analytics {

struct Evidence {
  storage::NodeId person = 0;
  int64_t level = 0;  // declared, 0 when none
  int authored = 0;
  int applied = 0;
  int mentoring = 0;
  std::vector<std::string> leads;   // community names
  std::vector<std::string> roles;   // "core in X", ...
  double score = 0;
  std::string Explain() const;
};

// Everyone with evidence, ordered by person id.
Result<std::vector<Evidence>> CollectExpertise(CopGraph& graph, storage::NodeId domain,
                                               int64_t as_of);

}  // namespace copmap::analytics
