// cop.overlap(): each community measured as nested (members from one
// organization) or overlapping (crossing organizations), against its
// declared kind.
#include <algorithm>
#include <map>

#include "query/analytics/procedures_internal.h"

namespace copmap::analytics {

namespace {

const char kName[] = "cop.overlap";
using storage::Direction;
using storage::NodeId;

// A person's organizations: WORKS_AT targets by name, else the `org` property.
Result<std::vector<std::string>> OrganizationsOf(CopGraph& graph, NodeId person) {
  std::vector<std::string> names;
  COPMAP_ASSIGN_OR_RETURN(auto orgs, graph.Neighbors(person, Direction::kOut, "WORKS_AT"));
  for (NodeId o : orgs) {
    COPMAP_ASSIGN_OR_RETURN(std::string n, graph.DisplayName(o));
    names.push_back(n);
  }
  if (names.empty()) {
    COPMAP_ASSIGN_OR_RETURN(Value org, graph.Prop(person, "org"));
    if (org.is_string()) names.push_back(org.as_string());
  }
  return names;
}

Status Run(storage::Transaction& txn, const std::vector<Value>& args, const RowCallback& emit) {
  CopGraph graph(txn);
  COPMAP_ASSIGN_OR_RETURN(ProcedureOptions options, ProcedureOptions::Parse(kName, args[0], {}));
  (void)options;
  COPMAP_ASSIGN_OR_RETURN(auto communities, graph.Nodes("Community"));
  std::vector<std::vector<Value>> rows;
  for (NodeId c : communities) {
    COPMAP_ASSIGN_OR_RETURN(auto members, graph.Neighbors(c, Direction::kIn, "MEMBER_OF"));
    std::map<std::string, int64_t> per_org;
    for (NodeId m : members) {
      COPMAP_ASSIGN_OR_RETURN(auto orgs, OrganizationsOf(graph, m));
      for (const std::string& o : orgs) ++per_org[o];
    }
    std::string main_org;
    int64_t main_count = 0;
    for (const auto& [org, count] : per_org) {
      if (count > main_count) {
        main_org = org;
        main_count = count;
      }
    }
    std::string measured = per_org.size() <= 1 ? "nested" : "overlapping";
    COPMAP_ASSIGN_OR_RETURN(Value declared, graph.Prop(c, "kind"));
    Value agrees = declared.is_string() ? Value(declared.as_string() == measured) : Value();
    Value share = members.empty() ? Value()
                                  : Value(static_cast<double>(main_count) /
                                          static_cast<double>(members.size()));
    COPMAP_ASSIGN_OR_RETURN(Value node, graph.NodeValueOf(c));
    COPMAP_ASSIGN_OR_RETURN(std::string name, graph.DisplayName(c));
    rows.push_back({node, Value(name), static_cast<int64_t>(members.size()),
                    static_cast<int64_t>(per_org.size()),
                    main_org.empty() ? Value() : Value(main_org), share, Value(measured), declared,
                    agrees});
  }
  return EmitSortedByName(std::move(rows), 1, emit);
}

}  // namespace

ProcedureDef OverlapProcedure() {
  return {kName,
          "Per community: the organizations its members work at (WORKS_AT, else Person.org), "
          "the largest one's share, nested (one organization) or overlapping, and whether that "
          "agrees with the declared kind.",
          {{"options", "MAP", true, "{} (reserved)"}},
          {{"community", "NODE"},
           {"name", "STRING"},
           {"members", "INTEGER"},
           {"organizations", "INTEGER"},
           {"mainOrganization", "STRING"},
           {"mainShare", "FLOAT"},
           {"measured", "STRING"},
           {"declared", "STRING"},
           {"agrees", "BOOLEAN"}},
          Run};
}

}  // namespace copmap::analytics
