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

std::string LegendRow(const LegendEntry& entry) {
  return (entry.kind == LegendEntry::Kind::kNode ? NodeSample(entry.node) : EdgeSample(entry.edge)) +
         "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">" + Escaped(entry.text, kMaxDetailChars) +
         "</FONT></TD>";
}

// Long legends are set in two columns so they do not tower over the map.
std::string LegendTable(const std::vector<LegendEntry>& legend) {
  const size_t rows = legend.size() > 8 ? (legend.size() + 1) / 2 : legend.size();
  const int span = legend.size() > rows ? 4 : 2;
  std::string html =
      "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"1\">"
      "<TR><TD COLSPAN=\"" + std::to_string(span) + "\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>";
  for (size_t r = 0; r < rows; ++r) {
    html += "<TR>" + LegendRow(legend[r]);
    if (span == 4) html += r + rows < legend.size() ? LegendRow(legend[r + rows]) : "<TD></TD><TD></TD>";
    html += "</TR>";
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
  // One cell of left-aligned lines: a nested table would stretch its rows
  // to the legend's height.
  std::string text;
  const auto line = [&](const std::string& value, const char* size, bool bold) {
    if (value.empty()) return;
    std::string cell = Escaped(value, 120);
    if (bold) cell = "<B>" + cell + "</B>";
    text += std::string("<FONT POINT-SIZE=\"") + size + "\">" + cell + "</FONT><BR ALIGN=\"LEFT\"/>";
  };
  line(title.title, "26", true);
  line(title.subtitle, "15", false);
  line(title.date, "11", false);
  line(title.data_note, "11", false);
  if (text.empty() && legend.empty()) return "";  // Graphviz rejects a table without cells
  std::string html =
      "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"6\"><TR>";
  if (!text.empty()) html += "<TD VALIGN=\"TOP\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">" + text + "</TD>";
  if (!legend.empty()) {
    html += "<TD VALIGN=\"TOP\" ALIGN=\"LEFT\">" + LegendTable(legend) + "</TD>";
  }
  return html + "</TR></TABLE>";
}

}  // namespace copmap::visualize
