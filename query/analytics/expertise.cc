#include "query/analytics/expertise.h"

#include <algorithm>

namespace copmap::analytics {

namespace {

constexpr double kPerLevel = 2, kAuthored = 3, kApplied = 1, kMentoring = 2, kLeads = 3;
constexpr int kMaxMentoringCounted = 3;
constexpr double kBestRole = 2;

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

Result<ExpertiseIndex> ExpertiseIndex::Build(CopGraph& graph, storage::NodeId domain) {
  using storage::Direction;
  ExpertiseIndex index;
  COPMAP_ASSIGN_OR_RETURN(index.domain_name_, graph.Prop(domain, "name"));
  COPMAP_ASSIGN_OR_RETURN(auto experts, graph.Adjacent(domain, Direction::kIn, "EXPERT_IN"));
  for (const auto& e : experts) index.links_[e.neighbor].expert_rels.push_back(e.rel);
  COPMAP_ASSIGN_OR_RETURN(auto practices, graph.Neighbors(domain, Direction::kIn, "ABOUT"));
  for (storage::NodeId practice : practices) {
    COPMAP_ASSIGN_OR_RETURN(auto authors, graph.Neighbors(practice, Direction::kIn, "AUTHORED"));
    for (storage::NodeId p : authors) ++index.links_[p].authored;
    COPMAP_ASSIGN_OR_RETURN(auto appliers, graph.Neighbors(practice, Direction::kIn, "APPLIED"));
    for (storage::NodeId p : appliers) ++index.links_[p].applied;
  }
  COPMAP_ASSIGN_OR_RETURN(auto communities, graph.Neighbors(domain, Direction::kIn, "FOCUSES_ON"));
  for (storage::NodeId community : communities) {
    COPMAP_ASSIGN_OR_RETURN(std::string name, graph.DisplayName(community));
    COPMAP_ASSIGN_OR_RETURN(auto leaders, graph.Neighbors(community, Direction::kIn, "LEADS"));
    for (storage::NodeId p : leaders) index.links_[p].leads.push_back(name);
    COPMAP_ASSIGN_OR_RETURN(auto members, graph.Adjacent(community, Direction::kIn, "MEMBER_OF"));
    for (const auto& m : members) index.links_[m.neighbor].memberships.emplace_back(m.rel, name);
  }
  std::optional<storage::RelTypeId> mentors = graph.RelType("MENTORS");
  for (auto& [person, links] : index.links_) {
    for (storage::RelId rel : links.expert_rels) {
      COPMAP_ASSIGN_OR_RETURN(Value level, graph.RelProp(rel, "level"));
      if (level.is_int()) links.level = std::max(links.level, level.as_int());
    }
    if (mentors && !index.domain_name_.is_null()) {
      COPMAP_ASSIGN_OR_RETURN(links.mentors_out,
                              graph.txn().Degree(person, Direction::kOut, *mentors));
    }
  }
  for (const auto& [person, links] : index.links_) {
    index.candidates_.push_back(person);
    const double mentoring = static_cast<double>(
        std::min<uint64_t>(links.mentors_out, static_cast<uint64_t>(kMaxMentoringCounted)));
    double bound = kPerLevel * static_cast<double>(links.level) + kAuthored * links.authored +
                   kApplied * links.applied + kMentoring * mentoring +
                   kLeads * static_cast<double>(links.leads.size()) +
                   kBestRole * static_cast<double>(links.memberships.size());
    index.bounds_.push_back(bound);
    index.upper_bound_ = std::max(index.upper_bound_, bound);
  }
  return index;
}

Result<std::optional<Evidence>> ExpertiseIndex::Evaluate(CopGraph& graph, storage::NodeId person,
                                                         int64_t as_of) const {
  auto it = links_.find(person);
  if (it == links_.end()) return std::optional<Evidence>();
  const Links& links = it->second;
  COPMAP_ASSIGN_OR_RETURN(bool gone, graph.IsGone(person, as_of));
  if (gone) return std::optional<Evidence>();
  Evidence ev;
  ev.person = person;
  ev.level = links.level;
  ev.authored = links.authored;
  ev.applied = links.applied;
  ev.leads = links.leads;
  double role_points = 0;
  for (const auto& [rel, community] : links.memberships) {
    COPMAP_ASSIGN_OR_RETURN(Value role, graph.RelProp(rel, "role"));
    if (!role.is_string() || RolePoints(role.as_string()) == 0) continue;
    ev.roles.push_back(role.as_string() + " in " + community);
    role_points += RolePoints(role.as_string());
  }
  if (links.mentors_out > 0) {
    COPMAP_ASSIGN_OR_RETURN(auto mentoring,
                            graph.Adjacent(person, storage::Direction::kOut, "MENTORS"));
    for (const auto& m : mentoring) {
      COPMAP_ASSIGN_OR_RETURN(Value d, graph.RelProp(m.rel, "domain"));
      if (d == domain_name_) ++ev.mentoring;
    }
  }
  ev.score = kPerLevel * static_cast<double>(ev.level) + kAuthored * ev.authored +
             kApplied * ev.applied + kMentoring * std::min(ev.mentoring, kMaxMentoringCounted) +
             kLeads * static_cast<double>(ev.leads.size()) + role_points;
  if (ev.score <= 0) return std::optional<Evidence>();
  return std::optional<Evidence>(std::move(ev));
}

}  // namespace copmap::analytics
