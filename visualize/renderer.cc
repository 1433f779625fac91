#include "visualize/renderer.h"

#include <cmath>
#include <mutex>

#include "visualize/graphviz_handles.h"
#include "visualize/graphviz_render.h"
#include "visualize/isolated_run.h"
#include "visualize/map_check.h"

namespace copmap::visualize {

Status CheckRenderOptions(const RenderOptions& options) {
  if (!std::isfinite(options.margin_mm) || options.margin_mm < 0 || options.margin_mm > 50) {
    return Status::InvalidArgument("page margin must be 0..50 mm, got " +
                                   std::to_string(options.margin_mm));
  }
  if (options.dpi < 36 || options.dpi > 600) {
    return Status::InvalidArgument("dpi must be 36..600, got " + std::to_string(options.dpi));
  }
  if (options.time_limit.count() < 1 || options.time_limit > std::chrono::hours(1)) {
    return Status::InvalidArgument("time limit must be 1 ms .. 1 h, got " +
                                   std::to_string(options.time_limit.count()) + " ms");
  }
  return Status::OK();
}

Result<std::string> RenderMap(const Map& map, const RenderOptions& requested) {
  COPMAP_RETURN_IF_ERROR(CheckRenderOptions(requested));
  COPMAP_RETURN_IF_ERROR(CheckMap(map));
  RenderOptions options = requested;
  options.engine = ResolveLayoutEngine(requested.engine, !map.clusters.empty());
  if (!options.isolate) {
    std::lock_guard<std::mutex> lock(GraphvizMutex());
    return LayoutAndRenderLocked(map, options);
  }
  // The child owns its copy of Graphviz alone; the lock is held only while
  // forking so that no thread of ours is inside Graphviz at that instant.
  return RunIsolated([&] { return LayoutAndRenderLocked(map, options); }, options.time_limit,
                     GraphvizMutex(),
                     "Graphviz layout (" + std::string(LayoutEngineName(options.engine)) + ")");
}

}  // namespace copmap::visualize
