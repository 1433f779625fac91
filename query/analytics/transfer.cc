// cop.transfer(): how far each practice travelled from its authors'
// communities (knowledge "stickiness").
#include <algorithm>
#include <set>

#include "query/analytics/procedures_internal.h"

namespace copmap::analytics {

namespace {

const char kName[] = "cop.transfer";
using storage::Direction;
using storage::NodeId;

Status Run(storage::Transaction& txn, const std::vector<Value>& args, const RowCallback& emit) {
  CopGraph graph(txn);
  COPMAP_ASSIGN_OR_RETURN(ProcedureOptions options, ProcedureOptions::Parse(kName, args[0], {}));
  (void)options;
  COPMAP_ASSIGN_OR_RETURN(auto practices, graph.Nodes("Practice"));
  std::vector<std::vector<Value>> rows;
  for (NodeId practice : practices) {
    COPMAP_ASSIGN_OR_RETURN(auto authors, graph.Neighbors(practice, Direction::kIn, "AUTHORED"));
    COPMAP_ASSIGN_OR_RETURN(auto appliers, graph.Neighbors(practice, Direction::kIn, "APPLIED"));
    std::set<NodeId> home;  // the authors' communities
    std::vector<std::string> author_names;
    for (NodeId a : authors) {
      COPMAP_ASSIGN_OR_RETURN(auto cs, graph.Neighbors(a, Direction::kOut, "MEMBER_OF"));
      home.insert(cs.begin(), cs.end());
      COPMAP_ASSIGN_OR_RETURN(std::string n, graph.DisplayName(a));
      author_names.push_back(n);
    }
    int64_t inside = 0, beyond = 0;
    std::set<NodeId> reached;  // communities beyond home that applied it
    for (NodeId p : appliers) {
      if (std::binary_search(authors.begin(), authors.end(), p)) continue;
      COPMAP_ASSIGN_OR_RETURN(auto cs, graph.Neighbors(p, Direction::kOut, "MEMBER_OF"));
      bool at_home = std::any_of(cs.begin(), cs.end(), [&home](NodeId c) { return home.count(c); });
      at_home ? ++inside : ++beyond;
      for (NodeId c : cs) {
        if (!home.count(c)) reached.insert(c);
      }
    }
    std::string travelled = inside + beyond == 0 ? "unused" : (beyond == 0 ? "inside" : "beyond");
    Value stickiness = inside + beyond == 0
                           ? Value()
                           : Value(static_cast<double>(inside) / static_cast<double>(inside + beyond));
    COPMAP_ASSIGN_OR_RETURN(Value node, graph.NodeValueOf(practice));
    COPMAP_ASSIGN_OR_RETURN(std::string title, graph.DisplayName(practice));
    rows.push_back({node, Value(title), StringList(author_names), inside + beyond, inside, beyond,
                    static_cast<int64_t>(reached.size()), stickiness, Value(travelled)});
  }
  return EmitSortedByName(std::move(rows), 1, emit);
}

}  // namespace

ProcedureDef TransferProcedure() {
  return {kName,
          "For each practice: people other than its authors who applied it, inside the authors' "
          "communities or beyond them, the communities it reached, and its stickiness "
          "(share applied at home).",
          {{"options", "MAP", true, "{} (reserved)"}},
          {{"practice", "NODE"},
           {"title", "STRING"},
           {"authors", "LIST"},
           {"applied", "INTEGER"},
           {"inside", "INTEGER"},
           {"beyond", "INTEGER"},
           {"communitiesReached", "INTEGER"},
           {"stickiness", "FLOAT"},
           {"travelled", "STRING"}},
          Run};
}

}  // namespace copmap::analytics
