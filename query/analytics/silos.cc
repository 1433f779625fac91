// cop.silos(): ties within and between declared communities, each
// community's E-I index, and its boundary spanners.
#include <algorithm>
#include <cmath>

#include "query/analytics/group_ties.h"
#include "query/analytics/people_graph.h"
#include "query/analytics/procedures_internal.h"

namespace copmap::analytics {

namespace {

const char kName[] = "cop.silos";

// Members of community c with a tie to someone who belongs to another
// community and not to c.
int64_t CountSpanners(const PeopleGraph& pg, uint32_t c) {
  int64_t spanners = 0;
  for (LocalId v : pg.members[c]) {
    for (LocalId u : pg.knows.Out(v)) {
      const auto& of = pg.member_of[u];
      bool outside_c = !std::binary_search(of.begin(), of.end(), c);
      if (outside_c && !of.empty()) {
        ++spanners;
        break;
      }
    }
  }
  return spanners;
}

Status Run(storage::Transaction& txn, const std::vector<Value>& args, const RowCallback& emit) {
  CopGraph graph(txn);
  COPMAP_ASSIGN_OR_RETURN(ProcedureOptions options, ProcedureOptions::Parse(kName, args[0], {}));
  (void)options;
  COPMAP_ASSIGN_OR_RETURN(PeopleGraph pg, LoadPeopleGraph(graph));
  std::vector<GroupTies> ties = CountGroupTies(pg.knows, pg.members);
  auto matrix = TieMatrix(pg.knows, pg.members);
  std::vector<std::vector<Value>> rows;
  for (uint32_t c = 0; c < pg.communities.size(); ++c) {
    ValueMap ties_to;
    for (uint32_t d = 0; d < pg.communities.size(); ++d) {
      if (d != c && matrix[c][d] > 0) {
        ties_to.emplace_back(pg.community_names[d], static_cast<int64_t>(matrix[c][d]));
      }
    }
    double ei = ties[c].ei_index();
    int64_t spanners = CountSpanners(pg, c);
    COPMAP_ASSIGN_OR_RETURN(Value node, graph.NodeValueOf(pg.communities[c]));
    rows.push_back({node, Value(pg.community_names[c]),
                    static_cast<int64_t>(pg.members[c].size()),
                    static_cast<int64_t>(ties[c].internal), static_cast<int64_t>(ties[c].external),
                    std::isnan(ei) ? Value() : Value(ei), spanners, Value(std::move(ties_to)),
                    spanners == 0});
  }
  // Most inward-looking first (lowest E-I; no ties at all last), then by name.
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    double x = a[5].is_null() ? 2.0 : a[5].as_float(), y = b[5].is_null() ? 2.0 : b[5].as_float();
    if (x != y) return x < y;
    return a[1].as_string() < b[1].as_string();
  });
  return EmitAll(std::move(rows), emit);
}

}  // namespace

ProcedureDef SilosProcedure() {
  return {kName,
          "Per community: KNOWS ties inside and leading out, the E-I index (-1 closed, +1 open), "
          "ties to each other community, boundary spanners; silo = no spanner.",
          {{"options", "MAP", true, "{} (reserved)"}},
          {{"community", "NODE"},
           {"name", "STRING"},
           {"members", "INTEGER"},
           {"internal", "INTEGER"},
           {"external", "INTEGER"},
           {"eiIndex", "FLOAT"},
           {"spanners", "INTEGER"},
           {"tiesTo", "MAP"},
           {"silo", "BOOLEAN"}},
          Run};
}

}  // namespace copmap::analytics
