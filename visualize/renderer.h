// Draws a Map with Graphviz: the one public entry point to rendering.
//
// Thread safety: RenderMap may be called from any thread. Graphviz itself is
// not thread-safe; every call into it is serialized by one process-wide lock
// (graphviz_handles.h), or made in a child process of its own (isolate).
#pragma once

#include <string>

#include "storage/status.h"
#include "visualize/map_model.h"
#include "visualize/render_options.h"

namespace copmap::visualize {

// Returns the bytes of the drawing in options.format. Same map and options,
// same bytes (svg and dot): nothing time-dependent is written.
// Errors: InvalidArgument for a malformed map or out-of-range options (see
// CheckMap), Timeout when the layout runs past options.time_limit, Internal
// when Graphviz fails or crashes (with its message).
Result<std::string> RenderMap(const Map& map, const RenderOptions& options);

// OK when the options are within the ranges render_options.h states.
Status CheckRenderOptions(const RenderOptions& options);

}  // namespace copmap::visualize
