// cop.participation({from, to}): per community, active members and their
// contributions in the period, against the previous period of equal length.
#include <algorithm>
#include <map>
#include <set>

#include "query/analytics/procedures_internal.h"

namespace copmap::analytics {

namespace {

const char kName[] = "cop.participation";
using storage::Direction;
using storage::NodeId;

struct Period {
  int64_t from, to;  // inclusive days
  bool Contains(std::optional<int64_t> day) const { return day && *day >= from && *day <= to; }
};

struct Activity {
  int64_t active = 0, authored = 0, applied = 0, events = 0, attendance = 0;
  int64_t contributions() const { return authored + applied + attendance; }
};

// Dates of a person's AUTHORED and APPLIED relationships (the relationship's
// `date`, else the practice's `created`), read once per person.
class ContributionDates {
 public:
  explicit ContributionDates(CopGraph& graph) : graph_(graph) {}
  Result<const std::pair<std::vector<int64_t>, std::vector<int64_t>>*> Of(NodeId person) {
    auto it = cache_.find(person);
    if (it != cache_.end()) return &it->second;
    std::pair<std::vector<int64_t>, std::vector<int64_t>> dates;
    COPMAP_RETURN_IF_ERROR(Read(person, "AUTHORED", dates.first));
    COPMAP_RETURN_IF_ERROR(Read(person, "APPLIED", dates.second));
    return &cache_.emplace(person, std::move(dates)).first->second;
  }

 private:
  Status Read(NodeId person, const std::string& type, std::vector<int64_t>& out) {
    COPMAP_ASSIGN_OR_RETURN(auto rels, graph_.Adjacent(person, Direction::kOut, type));
    for (const auto& r : rels) {
      COPMAP_ASSIGN_OR_RETURN(Value date, graph_.RelProp(r.rel, "date"));
      std::optional<int64_t> day = ValueToDay(date);
      if (!day) {
        COPMAP_ASSIGN_OR_RETURN(Value created, graph_.Prop(r.neighbor, "created"));
        day = ValueToDay(created);
      }
      if (day) out.push_back(*day);
    }
    return Status::OK();
  }

  CopGraph& graph_;
  std::map<NodeId, std::pair<std::vector<int64_t>, std::vector<int64_t>>> cache_;
};

Result<Activity> Measure(CopGraph& graph, ContributionDates& dates, NodeId community,
                         const Period& period) {
  Activity a;
  COPMAP_ASSIGN_OR_RETURN(auto memberships, graph.Adjacent(community, Direction::kIn, "MEMBER_OF"));
  std::set<NodeId> active;
  for (const auto& m : memberships) {
    COPMAP_ASSIGN_OR_RETURN(Value since, graph.RelProp(m.rel, "since"));
    COPMAP_ASSIGN_OR_RETURN(Value until, graph.RelProp(m.rel, "until"));
    std::optional<int64_t> s = ValueToDay(since), u = ValueToDay(until);
    if ((!s || *s <= period.to) && (!u || *u >= period.from)) active.insert(m.neighbor);
  }
  a.active = static_cast<int64_t>(active.size());
  for (NodeId p : active) {
    COPMAP_ASSIGN_OR_RETURN(auto* d, dates.Of(p));
    for (int64_t day : d->first) a.authored += period.Contains(day);
    for (int64_t day : d->second) a.applied += period.Contains(day);
  }
  COPMAP_ASSIGN_OR_RETURN(auto events, graph.Neighbors(community, Direction::kOut, "HOSTED"));
  for (NodeId e : events) {
    COPMAP_ASSIGN_OR_RETURN(Value date, graph.Prop(e, "date"));
    if (!period.Contains(ValueToDay(date))) continue;
    ++a.events;
    COPMAP_ASSIGN_OR_RETURN(auto attendees, graph.Neighbors(e, Direction::kIn, "ATTENDED"));
    a.attendance += static_cast<int64_t>(attendees.size());
  }
  return a;
}

std::string Trend(const Activity& now, const Activity& before) {
  if (now.active == 0) return "inactive";
  if (before.active == 0) return "new";
  int64_t x = now.contributions() + now.events, y = before.contributions() + before.events;
  if (x > y) return "growing";
  return x < y ? "declining" : "stable";
}

Status Run(storage::Transaction& txn, const std::vector<Value>& args, const RowCallback& emit) {
  CopGraph graph(txn);
  COPMAP_ASSIGN_OR_RETURN(ProcedureOptions options,
                          ProcedureOptions::Parse(kName, args[0], {"from", "to"}));
  COPMAP_ASSIGN_OR_RETURN(std::optional<int64_t> to, options.Day("to"));
  COPMAP_ASSIGN_OR_RETURN(std::optional<int64_t> from, options.Day("from"));
  Period now{0, to.value_or(Today())};
  now.from = from.value_or(now.to - 364);
  if (now.from > now.to) {
    return Status::InvalidArgument(std::string(kName) + ": from " + FormatDate(Date{now.from}) +
                                   " is after to " + FormatDate(Date{now.to}));
  }
  int64_t length = now.to - now.from + 1;
  Period before{now.from - length, now.from - 1};
  ContributionDates dates(graph);
  COPMAP_ASSIGN_OR_RETURN(auto communities, graph.Nodes("Community"));
  std::vector<std::vector<Value>> rows;
  for (NodeId c : communities) {
    COPMAP_ASSIGN_OR_RETURN(Activity a, Measure(graph, dates, c, now));
    COPMAP_ASSIGN_OR_RETURN(Activity b, Measure(graph, dates, c, before));
    COPMAP_ASSIGN_OR_RETURN(Value node, graph.NodeValueOf(c));
    COPMAP_ASSIGN_OR_RETURN(std::string name, graph.DisplayName(c));
    rows.push_back({node, Value(name), a.active, a.authored, a.applied, a.events, a.attendance,
                    a.contributions(), b.active, b.contributions(),
                    a.contributions() - b.contributions(), Value(Trend(a, b))});
  }
  return EmitSortedByName(std::move(rows), 1, emit);
}

}  // namespace

ProcedureDef ParticipationProcedure() {
  return {kName,
          "Per community: members active in [from, to] (default: the last 365 days), practices "
          "they authored and applied, events hosted and attendance; against the previous period "
          "of the same length.",
          {{"options", "MAP", true, "{from: date, to: date}"}},
          {{"community", "NODE"},
           {"name", "STRING"},
           {"activeMembers", "INTEGER"},
           {"authored", "INTEGER"},
           {"applied", "INTEGER"},
           {"events", "INTEGER"},
           {"attendance", "INTEGER"},
           {"contributions", "INTEGER"},
           {"previousActiveMembers", "INTEGER"},
           {"previousContributions", "INTEGER"},
           {"change", "INTEGER"},
           {"trend", "STRING"}},
          Run};
}

}  // namespace copmap::analytics
