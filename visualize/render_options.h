// How a map is laid out and written: format, layout engine, page, limits.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "storage/status.h"

namespace copmap::visualize {

enum class Format { kSvg, kPdf, kPng, kDot };
// kAuto: osage for a map with clusters (each cluster packed as a grid, the
// clusters packed to a near-square), dot for one without. kOsage is that grid
// layout; edges are straight lines. dot ranks by edges, so cluster members
// without edges among them end up on one rank: a strip, not a poster.
enum class LayoutEngine { kAuto, kDot, kNeato, kFdp, kSfdp, kCirco, kOsage };
// kNone: the drawing's natural size. The others are print sizes.
enum class PageSize { kNone, kA4, kA3, kA2, kA1, kA0, kLetter, kTabloid };

struct RenderOptions {
  Format format = Format::kSvg;
  LayoutEngine engine = LayoutEngine::kAuto;
  PageSize page = PageSize::kNone;
  bool landscape = false;  // swap the page's width and height
  double margin_mm = 10;   // on each side of the page; 0 .. 50
  int dpi = 96;            // png only; 36 .. 600
  // The whole layout and render must finish within this time (1 ms .. 1 h),
  // or RenderMap returns Timeout.
  std::chrono::milliseconds time_limit{std::chrono::seconds(60)};
  // Run Graphviz in a child process (the default): the time limit can stop
  // it, and a crash inside Graphviz becomes an error instead of ending the
  // caller. false runs in this process (faster for tiny maps; no time limit).
  bool isolate = true;
};

// A page's size in PostScript points (1/72 inch), portrait.
struct PagePoints {
  double width = 0;
  double height = 0;
};

// REQUIRES: page != kNone.
PagePoints PageDimensions(PageSize page);

// Names as the command line spells them: "svg", "pdf", "png", "dot";
// "auto", "dot", "neato", "fdp", "sfdp", "circo", "osage"; "A4".."A0", "Letter", "Tabloid",
// "none" (case-insensitive). Unknown names give InvalidArgument listing the
// accepted ones.
Result<Format> ParseFormat(std::string_view name);
Result<LayoutEngine> ParseLayoutEngine(std::string_view name);
Result<PageSize> ParsePageSize(std::string_view name);
std::string_view FormatName(Format format);
std::string_view LayoutEngineName(LayoutEngine engine);
std::string_view PageSizeName(PageSize page);

// The engine kAuto stands for: kOsage when the map has clusters, else kDot.
// Any other engine is returned as it is.
LayoutEngine ResolveLayoutEngine(LayoutEngine engine, bool has_clusters);

}  // namespace copmap::visualize
