// cop.whatIfLeaves(person, {asOf}): what the person's departure costs each
// domain they know (experts at level >= 4) and each community they belong to
// (reach: people outside it tied by KNOWS to one of its members).
#include <algorithm>
#include <map>
#include <set>

#include "query/analytics/procedures_internal.h"

namespace copmap::analytics {

namespace {

const char kName[] = "cop.whatIfLeaves";
using storage::Direction;
using storage::NodeId;

double Loss(int64_t before, int64_t after) {
  return before == 0 ? 0.0 : static_cast<double>(before - after) / static_cast<double>(before);
}

Status DomainRows(CopGraph& graph, NodeId person, int64_t as_of,
                  std::vector<std::vector<Value>>& rows) {
  COPMAP_ASSIGN_OR_RETURN(auto expertise, graph.Adjacent(person, Direction::kOut, "EXPERT_IN"));
  for (const auto& e : expertise) {
    COPMAP_ASSIGN_OR_RETURN(Value level, graph.RelProp(e.rel, "level"));
    int64_t own = level.is_int() ? level.as_int() : 0;
    COPMAP_ASSIGN_OR_RETURN(auto ties, graph.Adjacent(e.neighbor, Direction::kIn, "EXPERT_IN"));
    std::set<NodeId> experts;
    for (const auto& t : ties) {
      COPMAP_ASSIGN_OR_RETURN(Value l, graph.RelProp(t.rel, "level"));
      COPMAP_ASSIGN_OR_RETURN(bool gone, graph.IsGone(t.neighbor, as_of));
      if (!gone && l.is_int() && l.as_int() >= 4) experts.insert(t.neighbor);
    }
    int64_t before = static_cast<int64_t>(experts.size());
    int64_t after = before - static_cast<int64_t>(experts.count(person));
    std::string detail = "level " + std::to_string(own) + "; experts at level >= 4: " +
                         std::to_string(before) + " -> " + std::to_string(after);
    if (before > 0 && after == 0) detail += "; no expert left";
    COPMAP_ASSIGN_OR_RETURN(std::string name, graph.DisplayName(e.neighbor));
    COPMAP_ASSIGN_OR_RETURN(Value node, graph.NodeValueOf(e.neighbor));
    rows.push_back({Value("domain"), Value(name), node, before, after, Loss(before, after),
                    Value(detail)});
  }
  return Status::OK();
}

Status CommunityRows(CopGraph& graph, NodeId person, int64_t as_of,
                     std::vector<std::vector<Value>>& rows) {
  COPMAP_ASSIGN_OR_RETURN(auto member_of, graph.Neighbors(person, Direction::kOut, "MEMBER_OF"));
  COPMAP_ASSIGN_OR_RETURN(auto leads, graph.Neighbors(person, Direction::kOut, "LEADS"));
  std::set<NodeId> communities(member_of.begin(), member_of.end());
  communities.insert(leads.begin(), leads.end());
  for (NodeId c : communities) {
    COPMAP_ASSIGN_OR_RETURN(auto all_members, graph.Neighbors(c, Direction::kIn, "MEMBER_OF"));
    std::vector<NodeId> members;
    for (NodeId m : all_members) {
      COPMAP_ASSIGN_OR_RETURN(bool gone, graph.IsGone(m, as_of));
      if (!gone) members.push_back(m);
    }
    // For each outsider, how many ties from members other than the person reach them.
    std::map<NodeId, int> outside;
    for (NodeId m : members) {
      for (Direction dir : {Direction::kOut, Direction::kIn}) {
        COPMAP_ASSIGN_OR_RETURN(auto ties, graph.Neighbors(m, dir, "KNOWS"));
        for (NodeId u : ties) {
          if (std::binary_search(members.begin(), members.end(), u)) continue;
          outside[u] += (m == person ? 0 : 1);
        }
      }
    }
    int64_t before = static_cast<int64_t>(outside.size()), after = 0;
    for (const auto& [u, others] : outside) {
      if (u != person && others > 0) ++after;  // a leader may be an outsider too
    }
    int64_t size = static_cast<int64_t>(members.size());
    bool member = std::binary_search(members.begin(), members.end(), person);
    std::string detail = "members " + std::to_string(size) + " -> " +
                         std::to_string(size - (member ? 1 : 0)) + "; reach " +
                         std::to_string(before) + " -> " + std::to_string(after) + " outsiders";
    if (std::binary_search(leads.begin(), leads.end(), c)) {
      COPMAP_ASSIGN_OR_RETURN(auto leaders, graph.Neighbors(c, Direction::kIn, "LEADS"));
      detail += leaders.size() == 1 ? "; loses its only leader" : "; loses a leader";
    }
    COPMAP_ASSIGN_OR_RETURN(std::string name, graph.DisplayName(c));
    COPMAP_ASSIGN_OR_RETURN(Value node, graph.NodeValueOf(c));
    rows.push_back({Value("community"), Value(name), node, before, after, Loss(before, after),
                    Value(detail)});
  }
  return Status::OK();
}

Status Run(storage::Transaction& txn, const std::vector<Value>& args, const RowCallback& emit) {
  CopGraph graph(txn);
  COPMAP_ASSIGN_OR_RETURN(NodeId person, graph.ResolvePerson(kName, args[0]));
  COPMAP_ASSIGN_OR_RETURN(ProcedureOptions options, ProcedureOptions::Parse(kName, args[1], {"asOf"}));
  COPMAP_ASSIGN_OR_RETURN(int64_t as_of, AsOf(options));
  std::vector<std::vector<Value>> rows;
  COPMAP_RETURN_IF_ERROR(DomainRows(graph, person, as_of, rows));
  COPMAP_RETURN_IF_ERROR(CommunityRows(graph, person, as_of, rows));
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    if (a[5].as_float() != b[5].as_float()) return a[5].as_float() > b[5].as_float();
    if (a[0].as_string() != b[0].as_string()) return a[0].as_string() < b[0].as_string();
    return a[1].as_string() < b[1].as_string();
  });
  return EmitAll(std::move(rows), emit);
}

}  // namespace

ProcedureDef WhatIfLeavesProcedure() {
  return {kName,
          "The domains and communities that lose coverage or reach if the person leaves.",
          {{"person", "ANY", false, "email, node id or node"},
           {"options", "MAP", true, "{asOf: date}"}},
          {{"kind", "STRING"},
           {"name", "STRING"},
           {"node", "NODE"},
           {"before", "INTEGER"},
           {"after", "INTEGER"},
           {"loss", "FLOAT"},
           {"detail", "STRING"}},
          Run};
}

}  // namespace copmap::analytics
