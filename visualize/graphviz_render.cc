#include "visualize/graphviz_render.h"

#include <cctype>
#include <string_view>

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

// cairo stamps every PDF with the wall-clock time (and ignores
// SOURCE_DATE_EPOCH in the version we build against), so two renders of the
// same map differed in those 14 digits. They are overwritten in place with a
// fixed date: same length, so the cross-reference offsets stay valid.
void FixPdfCreationDate(std::string* pdf) {
  static constexpr std::string_view kKey = "/CreationDate (D:";
  static constexpr std::string_view kFixed = "20000101000000";
  const size_t at = pdf->find(kKey);
  if (at == std::string::npos || at + kKey.size() + kFixed.size() > pdf->size()) return;
  const size_t digits = at + kKey.size();
  for (size_t i = 0; i < kFixed.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>((*pdf)[digits + i]))) return;
  }
  pdf->replace(digits, kFixed.size(), kFixed);
}

// How much larger (as a scale on the page) the tight packing must print a
// map before it replaces the ordered one.
constexpr double kTightPackingGain = 1.15;

}  // namespace

Result<std::string> LayoutAndRenderLocked(const Map& map, const RenderOptions& options) {
  GvErrorCapture errors;
  GVC_t* const gvc = SharedGvContext();
  if (gvc == nullptr) return Status::Internal("Graphviz: could not create a context");
  const std::string engine(LayoutEngineName(options.engine));
  // Each layout gets a graph of its own: laying one graph out again after
  // gvFreeLayout left edges pointing at the first layout's positions.
  auto lay_out = [&](GvGraph& graph, TopLevelPacking packing) -> Status {
    if (graph.get() == nullptr) return Status::Internal("Graphviz: could not create a graph");
    COPMAP_RETURN_IF_ERROR(BuildGraph(map, options, graph.get()));
    if (options.engine == LayoutEngine::kOsage) SetTopLevelPacking(graph.get(), packing);
    if (gvLayout(gvc, graph.get(), engine.c_str()) != 0) {
      return Status::Internal("Graphviz layout with '" + engine + "' failed: " + errors.Messages());
    }
    return Status::OK();
  };
  auto fit_with = [&](TopLevelPacking packing) -> Result<double> {
    GvGraph trial;
    COPMAP_RETURN_IF_ERROR(lay_out(trial, packing));
    GvLayoutGuard trial_layout(gvc, trial.get());
    return PageFit(options, trial.get());
  };
  TopLevelPacking packing = TopLevelPacking::kOrdered;
  if (options.engine == LayoutEngine::kOsage && !map.clusters.empty()) {
    // osage is fast, so both packings are tried: the ordered one unless the
    // tight one prints the map clearly larger (a community map, whose
    // practices outweigh everything else, left a third of the page empty).
    COPMAP_ASSIGN_OR_RETURN(double tight, fit_with(TopLevelPacking::kTight));
    COPMAP_ASSIGN_OR_RETURN(double ordered, fit_with(TopLevelPacking::kOrdered));
    if (tight > kTightPackingGain * ordered) packing = TopLevelPacking::kTight;
  }
  GvGraph graph;
  COPMAP_RETURN_IF_ERROR(lay_out(graph, packing));
  GvLayoutGuard layout(gvc, graph.get());
  COPMAP_RETURN_IF_ERROR(FitToPage(options, graph.get()));
  char* data = nullptr;
  unsigned int length = 0;
  const int rc = gvRenderData(gvc, graph.get(), GraphvizFormat(options.format), &data,
                              &length);
  if (rc != 0 || data == nullptr) {
    if (data != nullptr) gvFreeRenderData(data);
    return Status::Internal("Graphviz could not render " + std::string(FormatName(options.format)) +
                            ": " + errors.Messages());
  }
  std::string bytes(data, length);
  gvFreeRenderData(data);
  if (options.format == Format::kPdf) FixPdfCreationDate(&bytes);
  return bytes;
}

}  // namespace copmap::visualize
