#include "visualize/html_labels.h"

#include <cstdio>

#include "visualize/text.h"

namespace copmap::visualize {
namespace {

std::string Escaped(const std::string& text, size_t max_chars) {
  return HtmlText(Shorten(SanitizeText(text, true), max_chars));
}

std::string PointSize(double points) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", points);
  return buf;
}

// A line sample for an edge legend entry, drawn with box-drawing characters
// (DejaVu Sans has them) in the edge's colour.
std::string EdgeSample(const EdgeStyle& style) {
  const char* segment = "\u2501";  // heavy horizontal
  if (style.line == LineStyle::kDashed) segment = "\u254D";  // heavy double dash
  if (style.line == LineStyle::kDotted) segment = "\u2505";  // heavy triple dash
  std::string line;
  for (int i = 0; i < 4; ++i) line += segment;
  if (style.directed) line += "\u25B6";  // arrowhead
  return "<TD><FONT COLOR=\"" + style.color + "\">" + line + "</FONT></TD>";
}

std::string NodeSample(const NodeStyle& style) {
  return "<TD BGCOLOR=\"" + style.fill + "\" COLOR=\"" + style.border +
         "\" BORDER=\"" + (style.peripheries > 1 ? "3" : "1") +
         "\" WIDTH=\"28\" HEIGHT=\"14\" FIXEDSIZE=\"TRUE\"></TD>";
}

std::string LegendTable(const std::vector<LegendEntry>& legend) {
  std::string html =
      "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"1\">"
      "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>";
  for (const LegendEntry& entry : legend) {
    html += "<TR>";
    html += entry.kind == LegendEntry::Kind::kNode ? NodeSample(entry.node) : EdgeSample(entry.edge);
    html += "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">" + Escaped(entry.text, kMaxDetailChars) +
            "</FONT></TD></TR>";
  }
  return html + "</TABLE>";
}

}  // namespace

std::string NodeLabelHtml(const MapNode& node) {
  std::string html = "<B>" + Escaped(node.title, kMaxTitleChars) + "</B>";
  const std::string small = PointSize(node.style.font_size * 0.75);
  for (const std::string& detail : node.details) {
    html += "<BR/><FONT POINT-SIZE=\"" + small + "\">" + Escaped(detail, kMaxDetailChars) +
            "</FONT>";
  }
  return html;
}

std::string EdgeLabelHtml(const std::string& label) {
  // Always wrapped in a tag, so the label can never equal a plain attribute
  // value pooled in the same graph.
  return "<FONT POINT-SIZE=\"9\">" + Escaped(label, kMaxDetailChars) + "</FONT>";
}

std::string ClusterLabelHtml(const MapCluster& cluster) {
  std::string html = "<B>" + Escaped(cluster.title, kMaxTitleChars) + "</B>";
  const std::string small = PointSize(cluster.style.font_size * 0.7);
  for (const std::string& detail : cluster.details) {
    html += "<BR/><FONT POINT-SIZE=\"" + small + "\">" + Escaped(detail, kMaxDetailChars) +
            "</FONT>";
  }
  return html;
}

std::string TitleBlockHtml(const TitleBlock& title, const std::vector<LegendEntry>& legend) {
  std::string left =
      "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">";
  const auto row = [&](const std::string& text, const char* size, bool bold) {
    if (text.empty()) return;
    std::string cell = Escaped(text, 120);
    if (bold) cell = "<B>" + cell + "</B>";
    left += std::string("<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"") + size + "\">" + cell +
            "</FONT></TD></TR>";
  };
  row(title.title, "26", true);
  row(title.subtitle, "15", false);
  row(title.date, "11", false);
  row(title.data_note, "11", false);
  const bool has_text = left.find("<TR>") != std::string::npos;
  left += "</TABLE>";
  if (!has_text && legend.empty()) return "";  // Graphviz rejects a table without rows
  std::string html =
      "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"6\"><TR>";
  if (has_text) html += "<TD VALIGN=\"TOP\" ALIGN=\"LEFT\">" + left + "</TD>";
  if (!legend.empty()) {
    html += "<TD VALIGN=\"TOP\" ALIGN=\"LEFT\">" + LegendTable(legend) + "</TD>";
  }
  return html + "</TR></TABLE>";
}

}  // namespace copmap::visualize
