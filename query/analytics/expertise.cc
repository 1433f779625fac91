#include "query/analytics/expertise.h"

#include <map>

namespace copmap::analytics {

namespace {

constexpr double kPerLevel = 2, kAuthored = 3, kApplied = 1, kMentoring = 2, kLeads = 3;

double RolePoints(const std::string& role) {
  if (role == "core") return 2;
  if (role == "active") return 1;
  if (role == "peripheral") return 0.5;
  return 0;
}

}  // namespace

std::string Evidence::Explain() const {
  std::string out;
  auto add = [&out](const std::string& part) { out += (out.empty() ? "" : "; ") + part; };
  if (level > 0) add("level " + std::to_string(level));
  if (authored > 0) add("authored " + std::to_string(authored) + " practice(s)");
  if (applied > 0) add("applied " + std::to_string(applied) + " practice(s)");
  if (mentoring > 0) add("mentors " + std::to_string(mentoring) + " in it");
  for (const std::string& c : leads) add("leads " + c);
  for (const std::string& r : roles) add(r);
  return out;
}

Result<std::vector<Evidence>> CollectExpertise(CopGraph& graph, storage::NodeId domain,
                                               int64_t as_of) {
  using storage::Direction;
  std::map<storage::NodeId, Evidence> by_person;
  auto at = [&by_person](storage::NodeId p) -> Evidence& {
    Evidence& e = by_person[p];
    e.person = p;
    return e;
  };
  COPMAP_ASSIGN_OR_RETURN(auto experts, graph.Adjacent(domain, Direction::kIn, "EXPERT_IN"));
  for (const auto& e : experts) {
    COPMAP_ASSIGN_OR_RETURN(Value level, graph.RelProp(e.rel, "level"));
    Evidence& ev = at(e.neighbor);
    if (level.is_int()) ev.level = std::max(ev.level, level.as_int());
  }
  COPMAP_ASSIGN_OR_RETURN(auto practices, graph.Neighbors(domain, Direction::kIn, "ABOUT"));
  for (storage::NodeId practice : practices) {
    COPMAP_ASSIGN_OR_RETURN(auto authors, graph.Neighbors(practice, Direction::kIn, "AUTHORED"));
    for (storage::NodeId p : authors) ++at(p).authored;
    COPMAP_ASSIGN_OR_RETURN(auto appliers, graph.Neighbors(practice, Direction::kIn, "APPLIED"));
    for (storage::NodeId p : appliers) ++at(p).applied;
  }
  COPMAP_ASSIGN_OR_RETURN(auto communities, graph.Neighbors(domain, Direction::kIn, "FOCUSES_ON"));
  for (storage::NodeId community : communities) {
    COPMAP_ASSIGN_OR_RETURN(std::string name, graph.DisplayName(community));
    COPMAP_ASSIGN_OR_RETURN(auto leaders, graph.Neighbors(community, Direction::kIn, "LEADS"));
    for (storage::NodeId p : leaders) at(p).leads.push_back(name);
    COPMAP_ASSIGN_OR_RETURN(auto members, graph.Adjacent(community, Direction::kIn, "MEMBER_OF"));
    for (const auto& m : members) {
      COPMAP_ASSIGN_OR_RETURN(Value role, graph.RelProp(m.rel, "role"));
      if (role.is_string() && RolePoints(role.as_string()) > 0) {
        at(m.neighbor).roles.push_back(role.as_string() + " in " + name);
      }
    }
  }
  COPMAP_ASSIGN_OR_RETURN(Value domain_name, graph.Prop(domain, "name"));
  std::vector<Evidence> result;
  for (auto& [person, ev] : by_person) {
    COPMAP_ASSIGN_OR_RETURN(bool gone, graph.IsGone(person, as_of));
    if (gone) continue;
    COPMAP_ASSIGN_OR_RETURN(auto mentoring, graph.Adjacent(person, Direction::kOut, "MENTORS"));
    for (const auto& m : mentoring) {
      COPMAP_ASSIGN_OR_RETURN(Value d, graph.RelProp(m.rel, "domain"));
      if (!domain_name.is_null() && d == domain_name) ++ev.mentoring;
    }
    ev.score = kPerLevel * static_cast<double>(ev.level) + kAuthored * ev.authored +
               kApplied * ev.applied + kMentoring * ev.mentoring +
               kLeads * static_cast<double>(ev.leads.size());
    for (const std::string& r : ev.roles) ev.score += RolePoints(r.substr(0, r.find(' ')));
    if (ev.score > 0) result.push_back(std::move(ev));
  }
  return result;
}

}  // namespace copmap::analytics
