#include "visualize/graphviz_build.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

#include "visualize/html_labels.h"

#include <graphviz/types.h>

namespace copmap::visualize {
namespace {

constexpr const char* kFont = "DejaVu Sans";
constexpr double kPointsPerInch = 72.0;

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

const char* ShapeName(Shape shape) {
  switch (shape) {
    case Shape::kBox: return "box";
    case Shape::kRoundedBox: return "box";
    case Shape::kEllipse: return "ellipse";
    case Shape::kHexagon: return "hexagon";
    case Shape::kNote: return "note";
    case Shape::kDoubleOctagon: return "doubleoctagon";
    case Shape::kComponent: return "component";
    case Shape::kCds: return "cds";
    case Shape::kFolder: return "folder";
    case Shape::kPlain: return "plaintext";
  }
  return "ellipse";
}

std::string StyleList(bool filled, bool rounded, LineStyle line) {
  std::string style = filled ? "filled" : "solid";
  if (rounded) style += ",rounded";
  if (line == LineStyle::kDashed) style += ",dashed";
  if (line == LineStyle::kDotted) style += ",dotted";
  return style;
}

// The node's name as Graphviz stores it. Graphviz's SVG writer leaves a '&'
// that starts an entity unescaped, so for SVG every '&' is written as the
// entity itself: the <title> then reads exactly as the key.
std::string NodeName(const std::string& key, Format format) {
  if (format != Format::kSvg) return key;
  std::string name;
  for (char c : key) name += c == '&' ? std::string("&amp;") : std::string(1, c);
  return name;
}

// sfdp's maps are too large for routed splines. osage routes with the
// neato router, whose "true" and "polyline" abort on our clustered maps
// (Graphviz 2.43: a GTS assertion in remove_intersected_edge), so its
// edges are straight lines; they pass under the filled nodes.
const char* SplineKind(LayoutEngine engine) {
  if (engine == LayoutEngine::kSfdp || engine == LayoutEngine::kOsage) return "line";
  return "true";
}

// osage packs each cluster's nodes as an array, row by row in
// creation order (the builder sorts them: most important first), and the
// top level the same way with its nodes before its clusters (sortv).
// "pack" is the gap between cells, in points.
constexpr const char* kGridGap = "14";

void SetGridAttributes(Agraph_t* graph, const std::string& packmode) {
  SetAttr(graph, "pack", kGridGap);
  SetAttr(graph, "packmode", packmode);
}

// A node's size before Graphviz measures it, in points, from its text:
// enough to shape a grid, not to draw.
double RoughWidth(const MapNode& node) {
  double widest = 0.62 * node.style.font_size * static_cast<double>(node.title.size());
  for (const std::string& detail : node.details) {
    widest = std::max(widest, 0.45 * node.style.font_size * static_cast<double>(detail.size()));
  }
  return widest + 24;
}

double RoughHeight(const MapNode& node) {
  return node.style.font_size * (1.3 + 0.95 * static_cast<double>(node.details.size())) + 10;
}

// osage's "array_N": N columns, filled row by row. N is chosen so that the
// cluster's block is about 1.4 times as wide as high (a landscape page), so
// wide practice notes stack in more rows than short names do. (Column-major
// "array_cN" with N rows is not used: 2.43 then sizes the cells wrongly and
// clusters overlap.)
std::string GridPackMode(const Map& map, int cluster) {
  double width = 0, height = 0;
  size_t n = 0;
  for (const MapNode& node : map.nodes) {
    if (node.cluster != cluster) continue;
    width += RoughWidth(node) + 14;
    height += RoughHeight(node) + 14;
    ++n;
  }
  if (n == 0) return "array";
  const double rows = std::sqrt(static_cast<double>(n) * (width / height) / 1.4);
  const long clamped = std::clamp(std::lround(rows), 1L, static_cast<long>(n));
  const long columns = (static_cast<long>(n) + clamped - 1) / clamped;
  return "array_" + std::to_string(columns);
}

void SetGraphAttributes(const Map& map, const RenderOptions& options, Agraph_t* g) {
  SetAttr(g, "fontname", kFont);
  SetAttr(g, "charset", "UTF-8");
  SetAttr(g, "bgcolor", "#FFFFFF");
  SetAttr(g, "outputorder", "edgesfirst");
  SetAttr(g, "labelloc", "t");
  SetAttr(g, "labeljust", "l");
  SetAttr(g, "nodesep", "0.25");
  SetAttr(g, "ranksep", "0.5");
  SetAttr(g, "newrank", "true");
  SetAttr(g, "compound", "true");
  // Fixed seeds: the force-directed engines start from the same positions on
  // every run, so the same map gives the same bytes.
  SetAttr(g, "start", "regular");
  SetAttr(g, "overlap", options.engine == LayoutEngine::kDot ? "true" : "prism");
  SetAttr(g, "splines", SplineKind(options.engine));
  SetAttr(g, "sep", "+6");
  if (options.format == Format::kPng) SetAttr(g, "dpi", std::to_string(options.dpi));

  const double margin_in = options.margin_mm / 25.4;
  if (options.page == PageSize::kNone) {
    SetAttr(g, "pad", Num(margin_in));
  } else {
    PagePoints page = PageDimensions(options.page);
    if (options.landscape) std::swap(page.width, page.height);
    const double w = page.width / kPointsPerInch;
    const double h = page.height / kPointsPerInch;
    // Scale the drawing (up or down: "!") into the printable area. FitToPage
    // then pads the shorter side after layout so the page is exactly filled.
    SetAttr(g, "size", Num(w - 2 * margin_in) + "," + Num(h - 2 * margin_in) + "!");
    SetAttr(g, "margin", Num(margin_in));
    SetAttr(g, "pad", "0");
  }
  const std::string title_block = TitleBlockHtml(map.title, map.legend);
  if (!title_block.empty()) SetHtmlAttr(g, g, "label", title_block);
}

void SetNodeAttributes(Agraph_t* root, Agnode_t* n, const MapNode& node) {
  const NodeStyle& s = node.style;
  SetAttr(n, "shape", ShapeName(s.shape));
  SetAttr(n, "style", StyleList(s.shape != Shape::kPlain, s.shape == Shape::kRoundedBox,
                                s.border_line));
  SetAttr(n, "fillcolor", s.fill);
  SetAttr(n, "color", s.border);
  SetAttr(n, "fontcolor", s.font_color);
  SetAttr(n, "fontname", kFont);
  SetAttr(n, "fontsize", Num(s.font_size));
  SetAttr(n, "penwidth", Num(s.pen_width));
  SetAttr(n, "peripheries", std::to_string(s.peripheries));
  SetAttr(n, "margin", "0.12,0.05");
  SetHtmlAttr(root, n, "label", NodeLabelHtml(node));
}

void SetEdgeAttributes(Agraph_t* root, Agedge_t* e, const MapEdge& edge) {
  const EdgeStyle& s = edge.style;
  SetAttr(e, "color", s.color);
  SetAttr(e, "fontcolor", s.color);
  SetAttr(e, "fontname", kFont);
  SetAttr(e, "fontsize", "9");
  SetAttr(e, "penwidth", Num(s.pen_width));
  SetAttr(e, "style", StyleList(false, false, s.line));
  SetAttr(e, "dir", s.directed ? "forward" : "none");
  SetAttr(e, "arrowsize", "0.7");
  if (!edge.label.empty()) SetHtmlAttr(root, e, "label", EdgeLabelHtml(edge.label));
}

void SetClusterAttributes(Agraph_t* root, Agraph_t* sub, const MapCluster& cluster) {
  const ClusterStyle& s = cluster.style;
  SetAttr(sub, "style", StyleList(true, true, s.border_line));
  SetAttr(sub, "fillcolor", s.fill);
  SetAttr(sub, "color", s.border);
  SetAttr(sub, "penwidth", "1.5");
  SetAttr(sub, "fontname", kFont);
  SetAttr(sub, "fontsize", Num(s.font_size));
  SetAttr(sub, "labeljust", "l");
  SetAttr(sub, "labelloc", "t");
  SetAttr(sub, "margin", "12");
  SetHtmlAttr(root, sub, "label", ClusterLabelHtml(cluster));
}

}  // namespace

void SetTopLevelPacking(Agraph_t* g, TopLevelPacking packing) {
  SetGridAttributes(g, packing == TopLevelPacking::kOrdered ? "array_cu" : "graph");
}

double PageFit(const RenderOptions& options, Agraph_t* g) {
  PagePoints page = PageDimensions(options.page == PageSize::kNone ? PageSize::kA4 : options.page);
  if (options.landscape || options.page == PageSize::kNone) std::swap(page.width, page.height);
  const double margin = options.margin_mm / 25.4 * kPointsPerInch;
  const boxf bb = GD_bb(g);
  return std::min((page.width - 2 * margin) / std::max(bb.UR.x - bb.LL.x, 1.0),
                  (page.height - 2 * margin) / std::max(bb.UR.y - bb.LL.y, 1.0));
}

Status FitToPage(const RenderOptions& options, Agraph_t* g) {
  if (options.page == PageSize::kNone) return Status::OK();
  // The layout's bounding box, in points, before any scaling.
  const boxf bb = GD_bb(g);
  const double llx = bb.LL.x, lly = bb.LL.y, urx = bb.UR.x, ury = bb.UR.y;
  PagePoints page = PageDimensions(options.page);
  if (options.landscape) std::swap(page.width, page.height);
  const double margin = options.margin_mm / 25.4 * kPointsPerInch;
  const double area_w = page.width - 2 * margin;
  const double area_h = page.height - 2 * margin;
  const double w = std::max(urx - llx, 1.0);
  const double h = std::max(ury - lly, 1.0);
  // Graphviz scales (drawing + 2 * pad) to fit the area; padding the
  // relatively shorter side makes both sides fit exactly, and centres it.
  double pad_x = 0;
  double pad_y = 0;
  if (w / h < area_w / area_h) {
    pad_x = (h * area_w / area_h - w) / 2;
  } else {
    pad_y = (w * area_h / area_w - h) / 2;
  }
  SetAttr(g, "pad", Num(pad_x / kPointsPerInch) + "," + Num(pad_y / kPointsPerInch));
  return Status::OK();
}

Status BuildGraph(const Map& map, const RenderOptions& options, Agraph_t* g) {
  const bool grid = options.engine == LayoutEngine::kOsage;
  if (grid) SetTopLevelPacking(g, TopLevelPacking::kOrdered);
  std::vector<Agraph_t*> clusters;
  clusters.reserve(map.clusters.size());
  for (size_t i = 0; i < map.clusters.size(); ++i) {
    // The "cluster_" prefix is what makes dot, fdp and the renderers treat
    // the subgraph as a drawn cluster. The name is ours, never data.
    std::string name = "cluster_" + std::to_string(i);
    Agraph_t* sub = agsubg(g, name.data(), 1);
    if (sub == nullptr) return Status::Internal("Graphviz could not create " + name);
    SetClusterAttributes(g, sub, map.clusters[i]);
    if (grid) {
      SetGridAttributes(sub, GridPackMode(map, static_cast<int>(i)));
      // osage keeps sort values in a byte: 1..255, top-level nodes are 0.
      SetAttr(sub, "sortv", std::to_string(std::min<size_t>(i + 1, 255)));
    }
    clusters.push_back(sub);
  }
  std::unordered_map<std::string, Agnode_t*> nodes;
  nodes.reserve(map.nodes.size());
  for (const MapNode& node : map.nodes) {
    Agraph_t* owner = node.cluster >= 0 ? clusters[node.cluster] : g;
    // The node's name (its SVG <title>) is the checked, sanitized key; cgraph
    // copies it and every writer quotes or escapes it.
    std::string name = NodeName(node.key, options.format);
    Agnode_t* n = agnode(owner, name.data(), 1);
    if (n == nullptr) return Status::Internal("Graphviz could not create a node");
    SetNodeAttributes(g, n, node);
    if (grid) SetAttr(n, "sortv", "0");
    nodes.emplace(node.key, n);
  }
  for (const MapEdge& edge : map.edges) {
    Agedge_t* e = agedge(g, nodes.at(edge.from), nodes.at(edge.to), nullptr, 1);
    if (e == nullptr) return Status::Internal("Graphviz could not create an edge");
    SetEdgeAttributes(g, e, edge);
  }
  SetGraphAttributes(map, options, g);
  return Status::OK();
}

}  // namespace copmap::visualize
