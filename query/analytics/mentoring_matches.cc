// cop.mentoringMatches({domain, limit, maxMentees, asOf}): people interested
// in a domain paired with experts who have capacity, preferring domains at
// risk and pairs across communities.
#include <algorithm>
#include <map>
#include <set>

#include "query/analytics/procedures_internal.h"

namespace copmap::analytics {

namespace {

const char kName[] = "cop.mentoringMatches";
using storage::Direction;
using storage::NodeId;

struct Candidate {
  NodeId person;
  int64_t level;
};

struct DomainNeeds {
  NodeId domain;
  std::string name;
  double risk;  // 1 - min(staying experts, 3) / 3
  std::vector<Candidate> mentors;
  std::vector<NodeId> mentees;
};

Result<DomainNeeds> ReadDomain(CopGraph& graph, NodeId domain, int64_t as_of) {
  DomainNeeds needs{domain, "", 0, {}, {}};
  COPMAP_ASSIGN_OR_RETURN(needs.name, graph.DisplayName(domain));
  COPMAP_ASSIGN_OR_RETURN(auto expert_ties, graph.Adjacent(domain, Direction::kIn, "EXPERT_IN"));
  std::map<NodeId, int64_t> level;
  for (const auto& t : expert_ties) {
    COPMAP_ASSIGN_OR_RETURN(Value l, graph.RelProp(t.rel, "level"));
    if (l.is_int()) level[t.neighbor] = std::max(level[t.neighbor], l.as_int());
  }
  for (const auto& [p, l] : level) {
    if (l < 4) continue;
    COPMAP_ASSIGN_OR_RETURN(std::optional<int64_t> departure, graph.Departure(p));
    if (departure) continue;  // gone or leaving: not a mentor to start with now
    needs.mentors.push_back({p, l});
  }
  needs.risk = 1.0 - static_cast<double>(std::min<size_t>(needs.mentors.size(), 3)) / 3.0;
  COPMAP_ASSIGN_OR_RETURN(auto interested, graph.Neighbors(domain, Direction::kIn, "INTERESTED_IN"));
  for (NodeId p : interested) {
    auto it = level.find(p);
    if (it != level.end() && it->second >= 3) continue;  // already knows enough
    COPMAP_ASSIGN_OR_RETURN(bool gone, graph.IsGone(p, as_of));
    if (gone) continue;
    // Already mentored in this domain?
    COPMAP_ASSIGN_OR_RETURN(auto mentored_by, graph.Adjacent(p, Direction::kIn, "MENTORS"));
    bool has_mentor = false;
    for (const auto& m : mentored_by) {
      COPMAP_ASSIGN_OR_RETURN(Value d, graph.RelProp(m.rel, "domain"));
      has_mentor |= d.is_string() && d.as_string() == needs.name;
    }
    if (!has_mentor) needs.mentees.push_back(p);
  }
  return needs;
}

Status Run(storage::Transaction& txn, const std::vector<Value>& args, const RowCallback& emit) {
  CopGraph graph(txn);
  COPMAP_ASSIGN_OR_RETURN(ProcedureOptions options,
                          ProcedureOptions::Parse(kName, args[0], {"domain", "limit", "maxMentees", "asOf"}));
  COPMAP_ASSIGN_OR_RETURN(int64_t limit, options.Int("limit", 100, 1, INT64_MAX));
  COPMAP_ASSIGN_OR_RETURN(int64_t max_mentees, options.Int("maxMentees", 3, 1, 1000));
  COPMAP_ASSIGN_OR_RETURN(int64_t as_of, AsOf(options));
  std::vector<NodeId> domains;
  if (!options.Get("domain").is_null()) {
    COPMAP_ASSIGN_OR_RETURN(NodeId d, graph.FindByKey(kName, "Domain", "name", options.Get("domain")));
    domains.push_back(d);
  } else {
    COPMAP_ASSIGN_OR_RETURN(domains, graph.Nodes("Domain"));
  }
  std::vector<DomainNeeds> needs;
  for (NodeId d : domains) {
    COPMAP_ASSIGN_OR_RETURN(DomainNeeds n, ReadDomain(graph, d, as_of));
    if (!n.mentors.empty() && !n.mentees.empty()) needs.push_back(std::move(n));
  }
  // Domains at risk get the scarce mentoring capacity first.
  std::stable_sort(needs.begin(), needs.end(),
                   [](const DomainNeeds& a, const DomainNeeds& b) { return a.risk > b.risk; });

  std::map<NodeId, int64_t> capacity;
  std::map<NodeId, std::vector<NodeId>> communities;
  auto communities_of = [&](NodeId p) -> Result<const std::vector<NodeId>*> {
    auto it = communities.find(p);
    if (it == communities.end()) {
      COPMAP_ASSIGN_OR_RETURN(auto c, graph.Neighbors(p, Direction::kOut, "MEMBER_OF"));
      it = communities.emplace(p, std::move(c)).first;
    }
    return &it->second;
  };
  std::vector<std::vector<Value>> rows;
  for (const DomainNeeds& n : needs) {
    for (NodeId mentee : n.mentees) {
      COPMAP_ASSIGN_OR_RETURN(const std::vector<NodeId>* mine, communities_of(mentee));
      const Candidate* best = nullptr;
      double best_score = -1;
      bool best_across = false;
      for (const Candidate& m : n.mentors) {
        if (m.person == mentee) continue;
        if (!capacity.count(m.person)) {
          COPMAP_ASSIGN_OR_RETURN(auto mentoring, graph.Adjacent(m.person, Direction::kOut, "MENTORS"));
          capacity[m.person] = max_mentees - static_cast<int64_t>(mentoring.size());
        }
        if (capacity[m.person] <= 0) continue;
        COPMAP_ASSIGN_OR_RETURN(const std::vector<NodeId>* theirs, communities_of(m.person));
        std::vector<NodeId> shared;
        std::set_intersection(mine->begin(), mine->end(), theirs->begin(), theirs->end(),
                              std::back_inserter(shared));
        bool across = shared.empty();
        double score = 1.0 + n.risk + (across ? 0.5 : 0.0) + 0.1 * static_cast<double>(m.level - 4) +
                       0.1 * static_cast<double>(capacity[m.person]) / static_cast<double>(max_mentees);
        if (score > best_score) {
          best_score = score;
          best = &m;
          best_across = across;
        }
      }
      if (!best) continue;
      --capacity[best->person];
      std::string reason = "level " + std::to_string(best->level) + " expert";
      if (n.risk > 0) reason += "; domain at risk (" + std::to_string(n.mentors.size()) + " expert(s))";
      reason += best_across ? "; across communities" : "; same community";
      COPMAP_ASSIGN_OR_RETURN(Value mentee_node, graph.NodeValueOf(mentee));
      COPMAP_ASSIGN_OR_RETURN(Value mentor_node, graph.NodeValueOf(best->person));
      COPMAP_ASSIGN_OR_RETURN(std::string mentee_name, graph.DisplayName(mentee));
      COPMAP_ASSIGN_OR_RETURN(std::string mentor_name, graph.DisplayName(best->person));
      rows.push_back({mentee_node, Value(mentee_name), mentor_node, Value(mentor_name),
                      Value(n.name), best_score, Value(reason)});
    }
  }
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    if (a[5].as_float() != b[5].as_float()) return a[5].as_float() > b[5].as_float();
    if (a[4].as_string() != b[4].as_string()) return a[4].as_string() < b[4].as_string();
    return a[1].as_string() < b[1].as_string();
  });
  if (rows.size() > static_cast<size_t>(limit)) rows.resize(limit);
  return EmitAll(std::move(rows), emit);
}

}  // namespace

ProcedureDef MentoringMatchesProcedure() {
  return {kName,
          "Pairs people interested in a domain (below level 3, without a mentor in it) with "
          "staying experts (level >= 4) who have capacity; domains with fewer experts first, "
          "pairs across communities preferred.",
          {{"options", "MAP", true, "{domain: name, limit: 100, maxMentees: 3, asOf: date}"}},
          {{"mentee", "NODE"},
           {"menteeName", "STRING"},
           {"mentor", "NODE"},
           {"mentorName", "STRING"},
           {"domain", "STRING"},
           {"score", "FLOAT"},
           {"reason", "STRING"}},
          Run};
}

}  // namespace copmap::analytics
