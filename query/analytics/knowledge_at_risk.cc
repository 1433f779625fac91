// cop.knowledgeAtRisk({minExperts, asOf}): domains held by too few staying
// experts, and practices nobody who stays has authored or applied.
#include <algorithm>
#include <set>

#include "query/analytics/procedures_internal.h"

namespace copmap::analytics {

namespace {

const char kName[] = "cop.knowledgeAtRisk";
constexpr int64_t kExpertLevel = 4;

enum class Presence { kStays, kLeaving, kGone };

Result<Presence> PresenceOf(CopGraph& graph, storage::NodeId person, int64_t as_of) {
  COPMAP_ASSIGN_OR_RETURN(std::optional<int64_t> day, graph.Departure(person));
  if (!day) return Presence::kStays;
  return *day <= as_of ? Presence::kGone : Presence::kLeaving;
}

Result<std::vector<Value>> DomainRow(CopGraph& graph, storage::NodeId domain, int64_t min_experts,
                                     int64_t as_of) {
  COPMAP_ASSIGN_OR_RETURN(auto ties, graph.Adjacent(domain, storage::Direction::kIn, "EXPERT_IN"));
  std::set<storage::NodeId> experts;
  for (const auto& t : ties) {
    COPMAP_ASSIGN_OR_RETURN(Value level, graph.RelProp(t.rel, "level"));
    if (level.is_int() && level.as_int() >= kExpertLevel) experts.insert(t.neighbor);
  }
  int64_t staying = 0, leaving = 0, gone = 0;
  std::optional<int64_t> first_departure;
  for (storage::NodeId p : experts) {
    COPMAP_ASSIGN_OR_RETURN(Presence presence, PresenceOf(graph, p, as_of));
    if (presence == Presence::kStays) ++staying;
    if (presence == Presence::kGone) ++gone;
    if (presence == Presence::kLeaving) {
      ++leaving;
      COPMAP_ASSIGN_OR_RETURN(std::optional<int64_t> day, graph.Departure(p));
      first_departure = std::min(first_departure.value_or(*day), *day);
    }
  }
  if (staying >= min_experts) return std::vector<Value>();
  std::string reason = std::to_string(staying) + " staying expert(s) at level >= 4, fewer than " +
                       std::to_string(min_experts);
  if (gone > 0) reason += "; " + std::to_string(gone) + " expert(s) left";
  if (leaving > 0) {
    reason += "; " + std::to_string(leaving) + " expert(s) leaving from " +
              FormatDate(Date{*first_departure});
  }
  COPMAP_ASSIGN_OR_RETURN(std::string name, graph.DisplayName(domain));
  COPMAP_ASSIGN_OR_RETURN(Value node, graph.NodeValueOf(domain));
  double risk = static_cast<double>(min_experts - staying) / static_cast<double>(min_experts);
  return std::vector<Value>{Value("domain"), Value(name), node, risk, staying, Value(reason)};
}

Result<std::vector<Value>> PracticeRow(CopGraph& graph, storage::NodeId practice, int64_t as_of) {
  using storage::Direction;
  COPMAP_ASSIGN_OR_RETURN(auto authors, graph.Neighbors(practice, Direction::kIn, "AUTHORED"));
  COPMAP_ASSIGN_OR_RETURN(auto appliers, graph.Neighbors(practice, Direction::kIn, "APPLIED"));
  std::vector<std::string> gone_authors;
  for (storage::NodeId p : authors) {
    COPMAP_ASSIGN_OR_RETURN(Presence presence, PresenceOf(graph, p, as_of));
    if (presence == Presence::kStays) return std::vector<Value>();
    COPMAP_ASSIGN_OR_RETURN(std::string n, graph.DisplayName(p));
    gone_authors.push_back(n + (presence == Presence::kGone ? " (left)" : " (leaving)"));
  }
  for (storage::NodeId p : appliers) {
    COPMAP_ASSIGN_OR_RETURN(Presence presence, PresenceOf(graph, p, as_of));
    if (presence == Presence::kStays) return std::vector<Value>();
  }
  std::string reason;
  if (authors.empty()) {
    reason = "no author recorded";
  } else {
    reason = "authors gone or leaving: ";
    for (size_t i = 0; i < gone_authors.size(); ++i) reason += (i ? ", " : "") + gone_authors[i];
  }
  reason += appliers.empty() ? "; never applied" : "; applied only by people who left";
  double risk = appliers.empty() ? 1.0 : 0.8;
  COPMAP_ASSIGN_OR_RETURN(std::string title, graph.DisplayName(practice));
  COPMAP_ASSIGN_OR_RETURN(Value node, graph.NodeValueOf(practice));
  return std::vector<Value>{Value("practice"), Value(title), node, risk, int64_t{0}, Value(reason)};
}

Status Run(storage::Transaction& txn, const std::vector<Value>& args, const RowCallback& emit) {
  CopGraph graph(txn);
  COPMAP_ASSIGN_OR_RETURN(ProcedureOptions options,
                          ProcedureOptions::Parse(kName, args[0], {"minExperts", "asOf"}));
  COPMAP_ASSIGN_OR_RETURN(int64_t min_experts, options.Int("minExperts", 2, 1, 1'000'000));
  COPMAP_ASSIGN_OR_RETURN(int64_t as_of, AsOf(options));
  std::vector<std::vector<Value>> rows;
  COPMAP_ASSIGN_OR_RETURN(auto domains, graph.Nodes("Domain"));
  for (storage::NodeId d : domains) {
    COPMAP_ASSIGN_OR_RETURN(auto row, DomainRow(graph, d, min_experts, as_of));
    if (!row.empty()) rows.push_back(std::move(row));
  }
  COPMAP_ASSIGN_OR_RETURN(auto practices, graph.Nodes("Practice"));
  for (storage::NodeId p : practices) {
    COPMAP_ASSIGN_OR_RETURN(auto row, PracticeRow(graph, p, as_of));
    if (!row.empty()) rows.push_back(std::move(row));
  }
  // Highest risk first, then domains before practices, then by name.
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    if (a[3].as_float() != b[3].as_float()) return a[3].as_float() > b[3].as_float();
    if (a[0].as_string() != b[0].as_string()) return a[0].as_string() < b[0].as_string();
    return a[1].as_string() < b[1].as_string();
  });
  return EmitAll(std::move(rows), emit);
}

}  // namespace

ProcedureDef KnowledgeAtRiskProcedure() {
  return {kName,
          "Domains held by fewer than minExperts staying experts (level >= 4), counting experts "
          "who left or are leaving (MEMBER_OF.until), and orphaned practices.",
          {{"options", "MAP", true, "{minExperts: 2, asOf: date}"}},
          {{"kind", "STRING"},
           {"name", "STRING"},
           {"node", "NODE"},
           {"risk", "FLOAT"},
           {"experts", "INTEGER"},
           {"reason", "STRING"}},
          Run};
}

}  // namespace copmap::analytics
