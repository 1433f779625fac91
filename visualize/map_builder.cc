#include "visualize/map_builder.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <tuple>

#include "visualize/map_builder_internal.h"
#include "visualize/summarize.h"
#include "visualize/text.h"

namespace copmap::visualize {
namespace {

// RiskStyle's "enough experts": a domain cop.knowledgeAtRisk did not list.
constexpr int kCovered = 3;

Result<std::optional<uint64_t>> FindFocus(const GraphData& data, const MapSpec& spec) {
  if (spec.focus_label.empty()) {
    if (spec.cluster_by == ClusterBy::kRole || spec.cluster_by == ClusterBy::kExpertLevel) {
      return Status::InvalidArgument("grouping by role or level needs a focus node");
    }
    return std::optional<uint64_t>();
  }
  const std::string_view key = KeyProperty(spec.focus_label);
  for (const auto& [id, node] : data.nodes) {
    if (HasLabel(node, spec.focus_label) && PropertyText(node.properties, key) == spec.focus_key) {
      return std::optional<uint64_t>(id);
    }
  }
  return Status::NotFound("no " + spec.focus_label + " with " + std::string(key) + " '" +
                          Shorten(SanitizeText(spec.focus_key, false), 60) + "' in the result");
}

// Base style by the spec's colouring, then marks for leaders, spanners and
// the focus.
NodeStyle StyleFor(const BuildContext& ctx, const NodeValue& node, const std::string& label) {
  NodeStyle style = LabelStyle(label);
  auto facts = ctx.people.find(node.id);
  const bool person = label == "Person";
  if (person && ctx.spec.coloring == Coloring::kRole && facts != ctx.people.end()) {
    style = RoleStyle(facts->second.RoleTowards(ctx.focus));
  } else if (person && ctx.spec.coloring == Coloring::kExpertLevel && facts != ctx.people.end()) {
    style = LevelStyle(facts->second.LevelIn(ctx.focus));
  } else if (label == "Domain" && ctx.spec.coloring == Coloring::kRisk) {
    auto fact = ctx.spec.risk.find(node.id);
    style = fact == ctx.spec.risk.end() ? RiskStyle(kCovered)
                                        : RiskStyle(static_cast<int>(fact->second.staying_experts));
  }
  // A broker's purple outline goes over a spanner's red one (the double line
  // stays) and under a leader's.
  if (ctx.spanners.count(node.id)) MarkBoundarySpanner(&style);
  if (ctx.spec.brokers.count(node.id)) MarkBroker(&style);
  if (facts != ctx.people.end() && !facts->second.leads.empty()) MarkLeader(&style);
  return style;
}

// Two decimals: enough to rank by eye, short enough for a node.
std::string FormatScore(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", x);
  return buf;
}

std::vector<std::string> DetailsFor(const BuildContext& ctx, const NodeValue& node,
                                    const std::string& label) {
  std::vector<std::string> details;
  const auto add = [&](const std::string& text) {
    if (!text.empty()) details.push_back(text);
  };
  if (auto broker = ctx.spec.brokers.find(node.id); broker != ctx.spec.brokers.end()) {
    add("broker #" + std::to_string(broker->second.rank) + ", betweenness " +
        FormatScore(broker->second.betweenness));
  }
  if (auto fact = ctx.spec.risk.find(node.id); fact != ctx.spec.risk.end()) {
    add("risk " + FormatScore(fact->second.risk));
    // "1 staying expert(s) at level >= 4, fewer than 3; 2 expert(s) left": a
    // line per clause after the first, which the colour and the cluster's
    // caption already say (a long line made each hexagon twice as wide).
    const std::string& reason = fact->second.reason;
    for (size_t start = reason.find("; "); start != std::string::npos;) {
      start += 2;
      const size_t end = reason.find("; ", start);
      add(reason.substr(start, end == std::string::npos ? std::string::npos : end - start));
      start = end;
    }
  }
  if (label == "Person") {
    add(PropertyText(node.properties, "title"));
    auto facts = ctx.people.find(node.id);
    if (facts != ctx.people.end()) {
      for (const auto& [community, style] : facts->second.leads) {
        const std::string who = DisplayName(ctx.data.nodes.at(community));
        add("leads " + who + (style.empty() ? "" : " (" + style + ")"));
      }
      if (ctx.spanners.count(node.id)) {
        add("in " + std::to_string(facts->second.memberships.size()) + " communities");
      }
    }
  } else if (label == "Practice" || label == "Organization" || label == "Community" ||
             label == "Event") {
    add(PropertyText(node.properties, "kind"));
  }
  return details;
}

std::string EdgeLabel(const RelationshipValue& rel, bool bridge) {
  if (bridge) return "";  // the line's weight tells the role
  if (rel.type == "LEADS") return PropertyText(rel.properties, "style");
  if (rel.type == "EXPERT_IN") {
    const std::string level = PropertyText(rel.properties, "level");
    return level.empty() ? "" : "L" + level;
  }
  if (rel.type == "MENTORS") return PropertyText(rel.properties, "domain");
  return "";
}

Role BridgeRole(const RelationshipValue& rel) {
  const Value* role = FindProperty(rel.properties, "role");
  return role ? RoleFromValue(*role) : Role::kNone;
}

void AddLegend(const BuildContext& ctx, const std::set<std::string>& labels,
               const std::set<std::string>& types, Map* map) {
  for (const std::string& label : KnownLabels()) {
    if (!labels.count(label)) continue;
    const bool recoloured = (label == "Person" && (ctx.spec.coloring == Coloring::kRole ||
                                                   ctx.spec.coloring == Coloring::kExpertLevel)) ||
                            (label == "Domain" && ctx.spec.coloring == Coloring::kRisk);
    if (!recoloured) map->legend.push_back(LabelLegend(label));
  }
  std::vector<LegendEntry> scale;
  if (labels.count("Person") && ctx.spec.coloring == Coloring::kRole) scale = RoleLegend();
  if (labels.count("Person") && ctx.spec.coloring == Coloring::kExpertLevel) scale = LevelLegend();
  if (labels.count("Domain") && ctx.spec.coloring == Coloring::kRisk) scale = RiskLegend();
  map->legend.insert(map->legend.end(), scale.begin(), scale.end());
  const bool leaders = std::any_of(ctx.people.begin(), ctx.people.end(),
                                   [](const auto& p) { return !p.second.leads.empty(); });
  if (leaders) map->legend.push_back(LeaderLegend());
  if (!ctx.spanners.empty()) map->legend.push_back(BoundarySpannerLegend());
  const bool brokers = std::any_of(ctx.spec.brokers.begin(), ctx.spec.brokers.end(),
                                   [&](const auto& b) { return ctx.data.nodes.count(b.first); });
  if (brokers) map->legend.push_back(BrokerLegend(ctx.spec.brokers.size()));
  for (const std::string& type : types) map->legend.push_back(RelationshipLegend(type));
  if (!ctx.bridge_rels.empty()) map->legend.push_back(BridgeLegend());
}

// Where a node goes among its cluster's nodes (smaller first): the focus,
// then what the cluster stands for (a community, a domain), then leaders,
// then people by role or expertise, strongest first. A grid layout fills
// its cells in this order, so the most important node sits top left.
int OrderWithinCluster(const BuildContext& ctx, uint64_t id, const std::string& label) {
  if (ctx.focus && id == *ctx.focus) return 0;
  if (label != "Person") return 1;
  auto facts = ctx.people.find(id);
  if (facts == ctx.people.end()) return 20;
  if (!facts->second.leads.empty()) return 2;
  const int strength = ctx.spec.coloring == Coloring::kExpertLevel
                           ? facts->second.LevelIn(ctx.focus)
                           : static_cast<int>(facts->second.RoleTowards(ctx.focus));
  return 10 - strength;
}

// Nodes grouped by cluster (top level first), each cluster in the order
// above, then by title and key: the order Graphviz receives them in.
void SortNodes(std::vector<std::pair<int, MapNode>>* ordered, std::vector<MapNode>* nodes) {
  std::sort(ordered->begin(), ordered->end(), [](const auto& a, const auto& b) {
    return std::tie(a.second.cluster, a.first, a.second.title, a.second.key) <
           std::tie(b.second.cluster, b.first, b.second.title, b.second.key);
  });
  nodes->clear();
  for (auto& [order, node] : *ordered) nodes->push_back(std::move(node));
}

std::string Counted(size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

Result<Map> BuildMap(const GraphData& data, const MapSpec& spec) {
  BuildContext ctx(data, spec);
  COPMAP_ASSIGN_OR_RETURN(ctx.focus, FindFocus(data, spec));
  GatherPersonFacts(&ctx);
  AssignClusters(&ctx);

  Map map;
  map.title = spec.title;
  map.clusters = ctx.clusters;
  // Importance: relationships touching the node in the result, scaled to
  // the busiest node.
  std::map<uint64_t, size_t> degree;
  for (const auto& [id, rel] : data.relationships) {
    if (data.nodes.count(rel.start) && data.nodes.count(rel.end)) {
      ++degree[rel.start];
      ++degree[rel.end];
    }
  }
  size_t max_degree = 1;
  for (const auto& [id, d] : degree) max_degree = std::max(max_degree, d);

  std::map<uint64_t, std::string> keys;
  std::set<std::string> used_keys;
  std::set<std::string> labels;
  std::map<std::string, size_t> label_counts;
  std::vector<std::pair<int, MapNode>> ordered;
  for (const auto& [id, node] : data.nodes) {
    const std::string label = PrimaryLabel(node);
    labels.insert(label);
    ++label_counts[label];
    MapNode out;
    out.key = SanitizeText(NodeKey(node), false);
    if (!used_keys.insert(out.key).second) {
      out.key += " #" + std::to_string(id);
      used_keys.insert(out.key);
    }
    keys[id] = out.key;
    out.kind = label;
    out.title = DisplayName(node);
    if (ctx.spec.brokers.count(id)) out.title = std::string(kBrokerMark) + " " + out.title;
    out.details = DetailsFor(ctx, node, label);
    out.style = StyleFor(ctx, node, label);
    out.importance = static_cast<double>(degree[id]) / static_cast<double>(max_degree);
    ScaleByImportance(out.importance, &out.style);
    if (ctx.focus && id == *ctx.focus) MarkFocus(&out.style);
    auto cluster = ctx.cluster_of.find(id);
    if (cluster != ctx.cluster_of.end()) out.cluster = cluster->second;
    ordered.emplace_back(OrderWithinCluster(ctx, id, label), std::move(out));
  }
  SortNodes(&ordered, &map.nodes);

  std::set<std::string> types;
  size_t dangling = 0;
  for (const auto& [id, rel] : data.relationships) {
    if (!keys.count(rel.start) || !keys.count(rel.end)) {
      ++dangling;
      continue;
    }
    if (ctx.hidden_rels.count(id)) continue;
    if (std::find(spec.hidden_types.begin(), spec.hidden_types.end(), rel.type) !=
        spec.hidden_types.end()) {
      continue;
    }
    const bool bridge = ctx.bridge_rels.count(id) > 0;
    MapEdge edge{keys[rel.start], keys[rel.end], EdgeLabel(rel, bridge),
                 bridge ? BridgeStyle(BridgeRole(rel)) : RelationshipStyle(rel)};
    if (!bridge) types.insert(rel.type);
    map.edges.push_back(std::move(edge));
  }
  AddLegend(ctx, labels, types, &map);

  std::string counts;
  for (const std::string& label : KnownLabels()) {
    if (!label_counts.count(label)) continue;
    if (!counts.empty()) counts += ", ";
    counts += Counted(label_counts[label], label, PluralOf(label));
  }
  if (counts.empty()) counts = Counted(data.nodes.size(), "node", "nodes");
  counts += "; " + Counted(map.edges.size(), "line", "lines");
  if (dangling > 0) {
    counts += "; " + Counted(dangling, "relationship", "relationships") +
              " without both ends in the result not drawn";
  }
  map.title.data_note = map.title.data_note.empty() ? counts : map.title.data_note + " · " + counts;
  return EnforceNodeLimit(std::move(map), spec.max_nodes, spec.overflow);
}

Result<Map> BuildMapFromRows(const std::vector<std::vector<Value>>& rows, const MapSpec& spec) {
  return BuildMap(CollectRows(rows), spec);
}

}  // namespace copmap::visualize
