#include "visualize/summarize.h"

#include <map>
#include <optional>
#include <string>
#include <utility>

#include "visualize/theme.h"

namespace copmap::visualize {
namespace {

// Counts per kind, as "143 Person, 1 Community" in kind order of first sight.
struct KindCounts {
  std::vector<std::pair<std::string, size_t>> counts;
  void Add(const std::string& kind) {
    for (auto& [k, n] : counts) {
      if (k == kind) {
        ++n;
        return;
      }
    }
    counts.emplace_back(kind, 1);
  }
  std::string Text() const {
    std::string out;
    for (const auto& [kind, n] : counts) {
      if (!out.empty()) out += ", ";
      out += std::to_string(n) + " " + (kind.empty() ? "other" : kind);
    }
    return out;
  }
};

// Replaces every node for which `group_of` returns a group key by one node
// per group; edges are re-pointed, self loops dropped, parallels merged.
template <typename GroupOf, typename TitleOf>
Map Collapse(const Map& map, GroupOf group_of, TitleOf title_of) {
  Map out;
  out.title = map.title;
  out.legend = map.legend;
  std::map<std::string, std::string> new_key;  // old node key -> new node key
  std::map<std::string, size_t> group_index;   // group key -> index in out.nodes
  std::map<size_t, KindCounts> counts;         // summary node index -> what it holds
  for (const MapNode& node : map.nodes) {
    std::optional<std::string> group = group_of(node);
    if (!group) {
      MapNode copy = node;
      copy.cluster = -1;
      new_key[node.key] = node.key;
      out.nodes.push_back(std::move(copy));
      continue;
    }
    auto [it, fresh] = group_index.try_emplace(*group, out.nodes.size());
    if (fresh) {
      MapNode summary;
      summary.key = "summary: " + *group;
      summary.kind = "Summary";
      summary.title = title_of(node);
      summary.style = LabelStyle("Community");
      summary.style.shape = Shape::kFolder;
      summary.style.font_size = 16;
      out.nodes.push_back(std::move(summary));
    }
    counts[it->second].Add(node.kind);
    new_key[node.key] = out.nodes[it->second].key;
  }
  for (const auto& [index, held] : counts) out.nodes[index].details.push_back(held.Text());
  std::map<std::pair<std::string, std::string>, std::pair<size_t, MapEdge>> merged;
  std::vector<std::pair<std::string, std::string>> order;
  for (const MapEdge& edge : map.edges) {
    const std::string& from = new_key[edge.from];
    const std::string& to = new_key[edge.to];
    if (from == to) continue;
    auto [it, fresh] = merged.try_emplace({from, to}, 0, edge);
    if (fresh) order.push_back({from, to});
    ++it->second.first;
  }
  for (const auto& ends : order) {
    auto& [count, edge] = merged.at(ends);
    edge.from = ends.first;
    edge.to = ends.second;
    if (count > 1) {
      edge.style = SummaryEdgeStyle(count);
      edge.label = std::to_string(count) + " links";
    }
    out.edges.push_back(std::move(edge));
  }
  return out;
}

}  // namespace

Result<Map> EnforceNodeLimit(Map map, size_t max_nodes, OverflowPolicy policy) {
  const size_t original = map.nodes.size();
  if (original <= max_nodes) return map;
  const std::string over = "the map has " + std::to_string(original) +
                           " nodes, more than the limit of " + std::to_string(max_nodes);
  if (policy == OverflowPolicy::kRefuse) {
    return Status::ResourceExhausted(over + "; narrow the query or raise the node limit");
  }
  std::string note;
  if (!map.clusters.empty()) {
    const std::vector<MapCluster> clusters = map.clusters;
    map = Collapse(
        map,
        [&](const MapNode& n) -> std::optional<std::string> {
          if (n.cluster < 0) return std::nullopt;
          return std::to_string(n.cluster) + " " + clusters[n.cluster].title;
        },
        [&](const MapNode& n) { return clusters[n.cluster].title; });
    note = std::to_string(clusters.size()) + " clusters collapsed";
  }
  if (map.nodes.size() > max_nodes) {
    map = Collapse(
        map,
        [](const MapNode& n) -> std::optional<std::string> {
          if (n.kind == "Summary") return std::nullopt;
          return "all " + n.kind;
        },
        [](const MapNode& n) { return "All " + (n.kind.empty() ? std::string("others") : n.kind); });
    note += std::string(note.empty() ? "" : ", ") + "nodes grouped by kind";
  }
  if (map.nodes.size() > max_nodes) {
    return Status::ResourceExhausted(over + ", and even its summary has " +
                                     std::to_string(map.nodes.size()) +
                                     "; narrow the query or raise the node limit");
  }
  map.title.data_note += (map.title.data_note.empty() ? "" : " · ") + std::string("summarized (") +
                         std::to_string(original) + " nodes over the limit of " +
                         std::to_string(max_nodes) + "): " + note;
  return map;
}

}  // namespace copmap::visualize
