// PRIVATE to visualize/*.cc: one layout and render with Graphviz.
#pragma once

#include <string>

#include "storage/status.h"
#include "visualize/map_model.h"
#include "visualize/render_options.h"

namespace copmap::visualize {

// Builds the graph, lays it out with options.engine and renders it in
// options.format. Returns the output bytes.
// REQUIRES: CheckMap(map).ok(); the Graphviz lock, or a child process that
// owns Graphviz alone (graphviz_handles.h).
Result<std::string> LayoutAndRenderLocked(const Map& map, const RenderOptions& options);

}  // namespace copmap::visualize
