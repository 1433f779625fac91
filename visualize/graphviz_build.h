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

// osage's packing of the top level (the focus and the clusters): kOrdered
// is an array in the builder's order (the focus top left, then the clusters
// column by column); kTight packs the blocks as polyominoes, largest first,
// which wastes less paper when one cluster dwarfs the others but gives up
// the order. BuildGraph sets kOrdered.
enum class TopLevelPacking { kOrdered, kTight };
void SetTopLevelPacking(Agraph_t* g, TopLevelPacking packing);

// After gvLayout: the scale at which the drawing fills the page's printable
// area (without a page: an A4 landscape area, to compare layouts by shape).
// REQUIRES: a layout of `g`.
double PageFit(const RenderOptions& options, Agraph_t* g);

// After gvLayout: pads the drawing so that, scaled to the page's printable
// area, it fills the whole page (the output's page is then exactly the
// paper size, margins included). Does nothing when options.page is kNone.
// REQUIRES: a layout of `g`; the Graphviz lock.
Status FitToPage(const RenderOptions& options, Agraph_t* g);

}  // namespace copmap::visualize
