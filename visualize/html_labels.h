// HTML-like label text for nodes, edges, clusters and the title block.
//
// Graphviz parses these strings as markup; every piece of data inside them
// goes through HtmlText() (text.h) first, so data only ever becomes text
// between tags. The results are meant for agstrdup_html().
#pragma once

#include <string>

#include "visualize/map_model.h"

namespace copmap::visualize {

// "<B>title</B><BR/><FONT POINT-SIZE="..">detail</FONT>..." for a node.
std::string NodeLabelHtml(const MapNode& node);
std::string EdgeLabelHtml(const std::string& label);
std::string ClusterLabelHtml(const MapCluster& cluster);
// The block at the top of the page: title, subtitle, date and data note on
// the left, the legend on the right. Empty fields are left out; an empty
// legend leaves out the legend column; with neither, the result is "" (no
// label).
std::string TitleBlockHtml(const TitleBlock& title, const std::vector<LegendEntry>& legend);

// How long titles and detail lines may be before they are shortened.
inline constexpr size_t kMaxTitleChars = 48;
inline constexpr size_t kMaxDetailChars = 60;

}  // namespace copmap::visualize
