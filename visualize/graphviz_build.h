// PRIVATE to visualize/*.cc: turns a checked Map into a cgraph graph.
#pragma once

#include "storage/status.h"
#include "visualize/graphviz_handles.h"
#include "visualize/map_model.h"
#include "visualize/render_options.h"

namespace copmap::visualize {

// Adds the map's clusters, nodes, edges, title block and legend to the empty
// graph `g` and sets the graph attributes for the engine and page.
// REQUIRES: CheckMap(map).ok(); the Graphviz lock (graphviz_handles.h).
Status BuildGraph(const Map& map, const RenderOptions& options, Agraph_t* g);

// After gvLayout: pads the drawing so that, scaled to the page's printable
// area, it fills the whole page (the output's page is then exactly the
// paper size, margins included). Does nothing when options.page is kNone.
// REQUIRES: a layout of `g`; the Graphviz lock.
Status FitToPage(const RenderOptions& options, Agraph_t* g);

}  // namespace copmap::visualize
