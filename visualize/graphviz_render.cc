#include "visualize/graphviz_render.h"

#include "visualize/graphviz_build.h"
#include "visualize/graphviz_handles.h"

namespace copmap::visualize {
namespace {

// Graphviz's own names for our formats. The cairo plugin draws pdf and png
// (it embeds the fonts and handles UTF-8 text).
const char* GraphvizFormat(Format format) {
  switch (format) {
    case Format::kSvg: return "svg";
    case Format::kPdf: return "pdf:cairo";
    case Format::kPng: return "png:cairo";
    case Format::kDot: return "dot";
  }
  return "svg";
}

}  // namespace

Result<std::string> LayoutAndRenderLocked(const Map& map, const RenderOptions& options) {
  GvErrorCapture errors;
  GvContext gvc;
  if (gvc.get() == nullptr) return Status::Internal("Graphviz: could not create a context");
  GvGraph graph;
  if (graph.get() == nullptr) return Status::Internal("Graphviz: could not create a graph");
  COPMAP_RETURN_IF_ERROR(BuildGraph(map, options, graph.get()));

  const std::string engine(LayoutEngineName(options.engine));
  if (gvLayout(gvc.get(), graph.get(), engine.c_str()) != 0) {
    return Status::Internal("Graphviz layout with '" + engine + "' failed: " + errors.Messages());
  }
  GvLayoutGuard layout(gvc.get(), graph.get());
  COPMAP_RETURN_IF_ERROR(FitToPage(options, graph.get()));
  char* data = nullptr;
  unsigned int length = 0;
  const int rc = gvRenderData(gvc.get(), graph.get(), GraphvizFormat(options.format), &data,
                              &length);
  if (rc != 0 || data == nullptr) {
    if (data != nullptr) gvFreeRenderData(data);
    return Status::Internal("Graphviz could not render " + std::string(FormatName(options.format)) +
                            ": " + errors.Messages());
  }
  std::string bytes(data, length);
  gvFreeRenderData(data);
  return bytes;
}

}  // namespace copmap::visualize
