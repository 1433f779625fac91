// Evidence of expertise in one domain, gathered around the domain's node.
//
// Points (documented in docs/ANALYTICS.md): declared EXPERT_IN level x2;
// each practice AUTHORED about the domain 3, each APPLIED 1; each MENTORS
// relationship with `domain` = the domain's name 2 (at most 3 counted); LEADS
// a community that FOCUSES_ON the domain 3; MEMBER_OF such a community as core
// 2, active 1, peripheral 0.5. People gone by `as_of` (see
// CopGraph::Departure) are left out.
//
// ExpertiseIndex splits the work so that a personal search (cop.experts with
// `from`) pays only for the people it reaches: Build() scans adjacency around
// the domain to know who the candidates are and bounds each candidate's
// score (reading the declared levels and the MENTORS degree, so that the
// bounds are tight and the search can stop early); Evaluate() does the rest
// of the per-person reads.
#pragma once

#include <map>
#include <optional>
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

class ExpertiseIndex {
 public:
  static Result<ExpertiseIndex> Build(CopGraph& graph, storage::NodeId domain);

  // Everyone with some relationship that may count, ascending.
  const std::vector<storage::NodeId>& candidates() const { return candidates_; }
  bool IsCandidate(storage::NodeId person) const { return links_.count(person) > 0; }
  // No candidate's score exceeds this.
  double UpperBound() const { return upper_bound_; }
  // candidates()[i]'s score is at most candidate_bounds()[i].
  const std::vector<double>& candidate_bounds() const { return bounds_; }

  // The person's evidence; nullopt when gone by `as_of` or scoring 0.
  Result<std::optional<Evidence>> Evaluate(CopGraph& graph, storage::NodeId person,
                                           int64_t as_of) const;

 private:
  struct Links {
    std::vector<storage::RelId> expert_rels;
    int64_t level = 0;        // the highest declared level among expert_rels
    uint64_t mentors_out = 0; // MENTORS relationships the person starts (any domain)
    int authored = 0;
    int applied = 0;
    std::vector<std::string> leads;
    std::vector<std::pair<storage::RelId, std::string>> memberships;  // rel, community
  };
  Value domain_name_;
  std::map<storage::NodeId, Links> links_;
  std::vector<storage::NodeId> candidates_;
  std::vector<double> bounds_;
  double upper_bound_ = 0;
};

}  // namespace copmap::analytics
