// The map model: what a knowledge map shows, before any layout.
//
// Plain structs, no Graphviz types. A Map is built from query results by
// map_builder.h (or by hand) and drawn by renderer.h. Every text field is
// literal text: the renderer escapes it, so names with quotes, backslashes or
// markup are shown exactly as written. Colours are "#RRGGBB" strings and are
// checked by the renderer; nothing else from a Map is passed to Graphviz as
// an attribute.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace copmap::visualize {

// Node outlines the theme uses. Each maps to one Graphviz shape.
enum class Shape {
  kBox,
  kRoundedBox,
  kEllipse,
  kHexagon,
  kNote,
  kDoubleOctagon,
  kComponent,
  kCds,
  kFolder,
  kPlain,  // text only, no outline (summaries, notes)
};

enum class LineStyle { kSolid, kDashed, kDotted };

struct NodeStyle {
  Shape shape = Shape::kEllipse;
  std::string fill = "#FFFFFF";        // "#RRGGBB"
  std::string border = "#000000";      // "#RRGGBB"
  std::string font_color = "#000000";  // "#RRGGBB"
  LineStyle border_line = LineStyle::kSolid;
  double pen_width = 1.0;  // 0.1 .. 10
  int peripheries = 1;     // 1 or 2 (a double outline marks a boundary spanner)
  double font_size = 12;   // points, 6 .. 48
};

struct EdgeStyle {
  std::string color = "#555555";  // "#RRGGBB"
  LineStyle line = LineStyle::kSolid;
  double pen_width = 1.0;  // 0.1 .. 10
  bool directed = true;    // false: no arrowhead
  // (No "constraint=false": with clusters it crashes dot 2.43's spline router.)
};

struct MapNode {
  std::string key;                   // unique within the map; becomes the SVG <title>
  std::string kind;                  // what it is ("Person", "Domain"); summaries count by it
  std::string title;                 // first, bold line
  std::vector<std::string> details;  // further lines, smaller
  NodeStyle style;
  int cluster = -1;       // index into Map::clusters, -1: top level
  double importance = 0;  // informative; the theme has already sized the node from it
};

struct MapEdge {
  std::string from;   // MapNode::key
  std::string to;     // MapNode::key
  std::string label;  // empty: no label
  EdgeStyle style;
};

struct ClusterStyle {
  std::string fill = "#F4F4F4";
  std::string border = "#777777";
  LineStyle border_line = LineStyle::kSolid;
  double font_size = 16;
};

struct MapCluster {
  std::string title;
  std::vector<std::string> details;
  ClusterStyle style;
};

// One row of the legend: a sample (a coloured swatch for nodes, a coloured
// line for edges) and what it means.
struct LegendEntry {
  enum class Kind { kNode, kEdge } kind = Kind::kNode;
  std::string text;
  NodeStyle node;  // for kNode
  EdgeStyle edge;  // for kEdge
};

struct TitleBlock {
  std::string title;
  std::string subtitle;
  std::string date;       // empty unless the caller asked for a date
  std::string data_note;  // e.g. "42 people, 5 communities; source: copmap.db"
};

struct Map {
  TitleBlock title;
  std::vector<MapNode> nodes;
  std::vector<MapEdge> edges;
  std::vector<MapCluster> clusters;
  std::vector<LegendEntry> legend;
};

}  // namespace copmap::visualize
