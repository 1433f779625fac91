#include "visualize/map_check.h"

#include <cctype>
#include <cmath>
#include <string>
#include <unordered_set>

#include "visualize/text.h"

namespace copmap::visualize {
namespace {

bool IsHexColor(const std::string& color) {
  if (color.size() != 7 || color[0] != '#') return false;
  for (size_t i = 1; i < 7; ++i) {
    if (!std::isxdigit(static_cast<unsigned char>(color[i]))) return false;
  }
  return true;
}

bool InRange(double v, double lo, double hi) { return std::isfinite(v) && v >= lo && v <= hi; }

// `where` is e.g. "node 'x'"; the shown value is sanitized and shortened so an
// error message cannot carry control characters.
Status Bad(const std::string& where, const std::string& what, const std::string& value) {
  return Status::InvalidArgument(where + ": " + what + " '" +
                                 Shorten(SanitizeText(value, false), 40) + "'");
}

Status CheckColor(const std::string& where, const char* field, const std::string& color) {
  if (IsHexColor(color)) return Status::OK();
  return Bad(where, std::string(field) + " is not a #RRGGBB colour", color);
}

Status CheckNodeStyle(const std::string& where, const NodeStyle& s) {
  COPMAP_RETURN_IF_ERROR(CheckColor(where, "fill", s.fill));
  COPMAP_RETURN_IF_ERROR(CheckColor(where, "border", s.border));
  COPMAP_RETURN_IF_ERROR(CheckColor(where, "font colour", s.font_color));
  if (!InRange(s.pen_width, 0.1, 10)) {
    return Bad(where, "pen width outside 0.1..10", std::to_string(s.pen_width));
  }
  if (s.peripheries < 1 || s.peripheries > 2) {
    return Bad(where, "peripheries outside 1..2", std::to_string(s.peripheries));
  }
  if (!InRange(s.font_size, 6, 48)) {
    return Bad(where, "font size outside 6..48", std::to_string(s.font_size));
  }
  return Status::OK();
}

Status CheckEdgeStyle(const std::string& where, const EdgeStyle& s) {
  COPMAP_RETURN_IF_ERROR(CheckColor(where, "colour", s.color));
  if (!InRange(s.pen_width, 0.1, 10)) {
    return Bad(where, "pen width outside 0.1..10", std::to_string(s.pen_width));
  }
  return Status::OK();
}

}  // namespace

Status CheckMap(const Map& map) {
  std::unordered_set<std::string> keys;
  for (const MapNode& node : map.nodes) {
    const std::string where = "node '" + Shorten(SanitizeText(node.key, false), 40) + "'";
    if (node.key.empty()) return Status::InvalidArgument("a map node has an empty key");
    if (SanitizeText(node.key, false) != node.key) {
      return Bad(where, "key holds control characters or invalid UTF-8", node.key);
    }
    if (!keys.insert(node.key).second) return Bad(where, "duplicate node key", node.key);
    COPMAP_RETURN_IF_ERROR(CheckNodeStyle(where, node.style));
    if (node.cluster < -1 || node.cluster >= static_cast<int>(map.clusters.size())) {
      return Bad(where, "cluster index out of range", std::to_string(node.cluster));
    }
  }
  for (size_t i = 0; i < map.edges.size(); ++i) {
    const MapEdge& edge = map.edges[i];
    const std::string where = "edge " + std::to_string(i);
    if (!keys.count(edge.from)) return Bad(where, "unknown start node", edge.from);
    if (!keys.count(edge.to)) return Bad(where, "unknown end node", edge.to);
    COPMAP_RETURN_IF_ERROR(CheckEdgeStyle(where, edge.style));
  }
  for (size_t i = 0; i < map.clusters.size(); ++i) {
    const ClusterStyle& s = map.clusters[i].style;
    const std::string where = "cluster " + std::to_string(i);
    COPMAP_RETURN_IF_ERROR(CheckColor(where, "fill", s.fill));
    COPMAP_RETURN_IF_ERROR(CheckColor(where, "border", s.border));
    if (!InRange(s.font_size, 6, 48)) {
      return Bad(where, "font size outside 6..48", std::to_string(s.font_size));
    }
  }
  for (size_t i = 0; i < map.legend.size(); ++i) {
    const std::string where = "legend entry " + std::to_string(i);
    if (map.legend[i].kind == LegendEntry::Kind::kNode) {
      COPMAP_RETURN_IF_ERROR(CheckNodeStyle(where, map.legend[i].node));
    } else {
      COPMAP_RETURN_IF_ERROR(CheckEdgeStyle(where, map.legend[i].edge));
    }
  }
  return Status::OK();
}

}  // namespace copmap::visualize
