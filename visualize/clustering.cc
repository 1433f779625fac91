// Grouping for maps: communities as clusters, or a focus community's members
// by role, or a focus domain's experts by level.
#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstdint>
#include <tuple>

#include "visualize/map_builder_internal.h"

namespace copmap::visualize {
namespace {

bool BothEndsPresent(const GraphData& data, const RelationshipValue& rel) {
  return data.nodes.count(rel.start) && data.nodes.count(rel.end);
}

int LevelOf(const RelationshipValue& rel) {
  const Value* level = FindProperty(rel.properties, "level");
  if (level == nullptr || !level->is_number()) return 0;
  return static_cast<int>(std::clamp(std::lround(level->as_number()), 0L, 5L));
}

// Each community a cluster (ordered by name, then id), holding the
// community node. A person goes to the community of their strongest
// membership (ties: the first by cluster order); their other memberships
// become bridges, and they are marked as boundary spanners.
void ClusterByCommunity(BuildContext* ctx) {
  std::vector<std::pair<std::string, uint64_t>> communities;
  for (const auto& [id, node] : ctx->data.nodes) {
    if (HasLabel(node, "Community")) communities.emplace_back(DisplayName(node), id);
  }
  std::sort(communities.begin(), communities.end());
  std::map<uint64_t, int> index;
  for (const auto& [name, id] : communities) {
    const NodeValue& node = ctx->data.nodes.at(id);
    MapCluster cluster;
    cluster.title = name;
    const bool overlapping = PropertyText(node.properties, "kind") == "overlapping";
    cluster.style = CommunityClusterStyle(overlapping);
    index[id] = static_cast<int>(ctx->clusters.size());
    ctx->cluster_of[id] = index[id];
    ctx->clusters.push_back(std::move(cluster));
  }
  std::vector<int> members(ctx->clusters.size(), 0);
  for (const auto& [person, facts] : ctx->people) {
    if (facts.memberships.empty()) continue;
    // Strongest role first; among equals, the first cluster.
    auto home = std::min_element(
        facts.memberships.begin(), facts.memberships.end(), [&](const auto& a, const auto& b) {
          if (a.second != b.second) return a.second > b.second;
          return index.at(a.first) < index.at(b.first);
        });
    ctx->cluster_of[person] = index.at(home->first);
    if (facts.memberships.size() > 1 || facts.organizations > 1) ctx->spanners.insert(person);
    for (const auto& [community, role] : facts.memberships) ++members[index.at(community)];
  }
  for (const auto& [id, rel] : ctx->data.relationships) {
    if (rel.type != "MEMBER_OF" || !BothEndsPresent(ctx->data, rel)) continue;
    auto it = ctx->cluster_of.find(rel.start);
    if (it == ctx->cluster_of.end() || !index.count(rel.end)) continue;
    if (it->second == index.at(rel.end)) {
      ctx->hidden_rels.insert(id);
    } else {
      ctx->bridge_rels.insert(id);
    }
  }
  for (const auto& [name, id] : communities) {
    const NodeValue& node = ctx->data.nodes.at(id);
    MapCluster& cluster = ctx->clusters[index.at(id)];
    const int n = members[index.at(id)];
    std::string detail = std::to_string(n) + (n == 1 ? " member" : " members");
    const std::string kind = PropertyText(node.properties, "kind");
    if (!kind.empty()) detail = kind + " community, " + detail;
    cluster.details.push_back(detail);
  }
}

// Groups the people linked to the focus by `rel_type` into one cluster per
// key (`key_of` gives a sortable key and a caption), strongest first; those
// relationships are then shown by containment.
template <typename KeyOf>
void ClusterAroundFocus(BuildContext* ctx, const char* rel_type, KeyOf key_of) {
  std::map<int, std::vector<uint64_t>, std::greater<int>> groups;  // key -> people
  std::map<int, std::string> captions;
  std::map<uint64_t, int> best;  // person -> strongest key
  for (const auto& [id, rel] : ctx->data.relationships) {
    if (rel.type != rel_type || rel.end != *ctx->focus || !BothEndsPresent(ctx->data, rel)) continue;
    const auto [key, caption] = key_of(rel);
    captions[key] = caption;
    auto [it, fresh] = best.try_emplace(rel.start, key);
    if (!fresh) it->second = std::max(it->second, key);
    ctx->hidden_rels.insert(id);
  }
  for (const auto& [person, key] : best) groups[key].push_back(person);
  for (const auto& [key, people] : groups) {
    MapCluster cluster;
    cluster.title = captions[key];
    cluster.details.push_back(std::to_string(people.size()) +
                              (people.size() == 1 ? " person" : " people"));
    cluster.style = GroupClusterStyle();
    for (uint64_t person : people) ctx->cluster_of[person] = static_cast<int>(ctx->clusters.size());
    ctx->clusters.push_back(std::move(cluster));
  }
}

// Risk map: each domain a cluster, the highest risk first (as
// cop.knowledgeAtRisk ranks them; domains it did not list last), holding its
// experts and the people interested in it. A person linked to several
// domains sits with the one they know best (expertise before interest, then
// the first cluster); the other links stay lines between clusters.
void ClusterByDomain(BuildContext* ctx) {
  std::vector<std::tuple<double, std::string, uint64_t>> domains;
  for (const auto& [id, node] : ctx->data.nodes) {
    if (!HasLabel(node, "Domain")) continue;
    auto fact = ctx->spec.risk.find(id);
    domains.emplace_back(fact == ctx->spec.risk.end() ? 1.0 : -fact->second.risk,
                         DisplayName(node), id);
  }
  std::sort(domains.begin(), domains.end());
  for (const auto& [order, name, id] : domains) {
    MapCluster cluster;
    cluster.title = name;
    auto fact = ctx->spec.risk.find(id);
    if (fact != ctx->spec.risk.end()) {
      const int64_t n = fact->second.staying_experts;
      cluster.details.push_back(n == 0 ? "no staying expert"
                                       : std::to_string(n) + (n == 1 ? " staying expert"
                                                                     : " staying experts"));
    }
    cluster.style = GroupClusterStyle();
    ctx->cluster_of[id] = static_cast<int>(ctx->clusters.size());
    ctx->clusters.push_back(std::move(cluster));
  }
  std::map<uint64_t, std::pair<int, int>> home;  // person -> (-strength, cluster)
  for (const auto& [id, rel] : ctx->data.relationships) {
    if (!BothEndsPresent(ctx->data, rel) || !ctx->cluster_of.count(rel.end)) continue;
    if (rel.type != "EXPERT_IN" && rel.type != "INTERESTED_IN") continue;
    const std::pair<int, int> candidate(rel.type == "EXPERT_IN" ? -1 - LevelOf(rel) : 0,
                                        ctx->cluster_of.at(rel.end));
    auto [it, fresh] = home.try_emplace(rel.start, candidate);
    if (!fresh) it->second = std::min(it->second, candidate);
  }
  for (const auto& [person, where] : home) ctx->cluster_of[person] = where.second;
}

// Nodes no grouping claimed (domains, practices, linked communities, ...)
// get one cluster per kind, so that a grid layout keeps like with like.
// The focus stays on its own, ahead of every cluster.
void GroupRestByKind(BuildContext* ctx) {
  std::map<std::string, std::vector<uint64_t>> by_kind;
  for (const auto& [id, node] : ctx->data.nodes) {
    if (ctx->cluster_of.count(id) || (ctx->focus && id == *ctx->focus)) continue;
    by_kind[PrimaryLabel(node)].push_back(id);
  }
  std::vector<std::string> kinds = KnownLabels();
  for (const auto& [kind, ids] : by_kind) {
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kinds.push_back(kind);
  }
  for (const std::string& kind : kinds) {
    auto it = by_kind.find(kind);
    if (it == by_kind.end()) continue;
    MapCluster cluster;
    cluster.title = PluralOf(kind);
    cluster.title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(cluster.title[0])));
    cluster.details.push_back(std::to_string(it->second.size()) + " in this map");
    cluster.style = GroupClusterStyle();
    for (uint64_t id : it->second) ctx->cluster_of[id] = static_cast<int>(ctx->clusters.size());
    ctx->clusters.push_back(std::move(cluster));
  }
}

}  // namespace

std::string PluralOf(const std::string& label) {
  if (label == "Person") return "people";
  if (!label.empty() && label.back() == 'y') return label.substr(0, label.size() - 1) + "ies";
  return label + "s";
}

Role PersonFacts::RoleTowards(std::optional<uint64_t> focus) const {
  Role best = Role::kNone;
  for (const auto& [community, role] : memberships) {
    if (!focus || community == *focus) best = std::max(best, role);
  }
  return best;
}

int PersonFacts::LevelIn(std::optional<uint64_t> focus) const {
  int best = 0;
  for (const auto& [domain, level] : expertise) {
    if (!focus || domain == *focus) best = std::max(best, level);
  }
  return best;
}

void GatherPersonFacts(BuildContext* ctx) {
  const GraphData& data = ctx->data;
  for (const auto& [id, rel] : data.relationships) {
    if (!BothEndsPresent(data, rel) || !HasLabel(data.nodes.at(rel.start), "Person")) continue;
    const NodeValue& end = data.nodes.at(rel.end);
    PersonFacts& facts = ctx->people[rel.start];
    if (rel.type == "MEMBER_OF" && HasLabel(end, "Community")) {
      const Value* role = FindProperty(rel.properties, "role");
      facts.memberships.emplace_back(rel.end, role ? RoleFromValue(*role) : Role::kNone);
    } else if (rel.type == "LEADS" && HasLabel(end, "Community")) {
      facts.leads.emplace_back(rel.end, PropertyText(rel.properties, "style"));
    } else if (rel.type == "EXPERT_IN" && HasLabel(end, "Domain")) {
      facts.expertise.emplace_back(rel.end, LevelOf(rel));
    } else if (rel.type == "WORKS_AT" && HasLabel(end, "Organization")) {
      ++facts.organizations;
    }
  }
}

void AssignClusters(BuildContext* ctx) {
  switch (ctx->spec.cluster_by) {
    case ClusterBy::kNone:
      break;
    case ClusterBy::kCommunity:
      ClusterByCommunity(ctx);
      break;
    case ClusterBy::kRole:
      ClusterAroundFocus(ctx, "MEMBER_OF", [](const RelationshipValue& rel) {
        const Value* v = FindProperty(rel.properties, "role");
        const Role role = v ? RoleFromValue(*v) : Role::kNone;
        std::string caption = role == Role::kNone ? "Members, role not given"
                                                  : std::string(RoleName(role)) + " members";
        caption[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(caption[0])));
        return std::pair<int, std::string>(static_cast<int>(role), caption);
      });
      break;
    case ClusterBy::kExpertLevel:
      ClusterAroundFocus(ctx, "EXPERT_IN", [](const RelationshipValue& rel) {
        const int level = LevelOf(rel);
        return std::pair<int, std::string>(
            level, level > 0 ? "Expertise level " + std::to_string(level) : "Level not given");
      });
      break;
    case ClusterBy::kDomain:
      ClusterByDomain(ctx);
      break;
    case ClusterBy::kKind:
      break;
  }
  if (ctx->spec.cluster_by != ClusterBy::kNone) GroupRestByKind(ctx);
}

}  // namespace copmap::visualize
