// Renders hand-built maps with the real Graphviz and checks the output bytes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "tests/visualize/sample_maps.h"
#include "tests/visualize/svg_check.h"
#include "visualize/renderer.h"

namespace copmap::visualize {
namespace {

using testing::ClusteredMap;

std::string MustRender(const Map& map, const RenderOptions& options) {
  Result<std::string> out = RenderMap(map, options);
  EXPECT_TRUE(out.ok()) << out.status().ToString();
  return out.ok() ? out.value() : std::string();
}

TEST(RenderTest, SvgIsWellFormedWithClustersTitlesAndLegend) {
  const Map map = ClusteredMap(3, 4);
  const std::string svg = MustRender(map, {});
  std::string error;
  const auto elements = testing::ParseXml(svg, &error);
  ASSERT_EQ(error, "") << svg.substr(0, 400);
  const testing::SvgSummary summary = testing::SummarizeSvg(elements);
  EXPECT_EQ(summary.clusters, 3);
  EXPECT_EQ(summary.node_titles.size(), map.nodes.size());
  for (const MapNode& node : map.nodes) {
    EXPECT_NE(std::find(summary.node_titles.begin(), summary.node_titles.end(), node.key),
              summary.node_titles.end())
        << node.key;
  }
  EXPECT_NE(std::find(summary.texts.begin(), summary.texts.end(), "Legend"), summary.texts.end());
  EXPECT_NE(std::find(summary.texts.begin(), summary.texts.end(), "Sample organization"),
            summary.texts.end());
  EXPECT_NE(std::find(summary.texts.begin(), summary.texts.end(), "Community 1"),
            summary.texts.end());
}

TEST(RenderTest, PdfPageIsExactlyThePaperSize) {
  const Map map = ClusteredMap(3, 4);
  for (PageSize page : {PageSize::kA4, PageSize::kA3, PageSize::kA2, PageSize::kA1, PageSize::kA0,
                        PageSize::kLetter, PageSize::kTabloid}) {
    for (bool landscape : {false, true}) {
      RenderOptions options;
      options.format = Format::kPdf;
      options.page = page;
      options.landscape = landscape;
      const std::string pdf = MustRender(map, options);
      double width = 0, height = 0;
      ASSERT_TRUE(testing::PdfMediaBox(pdf, &width, &height)) << PageSizeName(page);
      PagePoints want = PageDimensions(page);
      if (landscape) std::swap(want.width, want.height);
      // Graphviz rounds the device size to whole points.
      EXPECT_NEAR(width, want.width, 1.0) << PageSizeName(page) << " landscape=" << landscape;
      EXPECT_NEAR(height, want.height, 1.0) << PageSizeName(page) << " landscape=" << landscape;
    }
  }
}

TEST(RenderTest, PngHasThePageSizeAtTheRequestedDpi) {
  RenderOptions options;
  options.format = Format::kPng;
  options.page = PageSize::kA4;
  options.landscape = true;
  options.dpi = 150;
  const std::string png = MustRender(ClusteredMap(2, 3), options);
  unsigned width = 0, height = 0;
  ASSERT_TRUE(testing::PngSize(png, &width, &height));
  EXPECT_NEAR(width, 297 / 25.4 * 150, 1.5);
  EXPECT_NEAR(height, 210 / 25.4 * 150, 1.5);
}

TEST(RenderTest, SameMapSameBytes) {
  const Map map = ClusteredMap(4, 5);
  for (Format format : {Format::kSvg, Format::kDot}) {
    for (LayoutEngine engine : {LayoutEngine::kDot, LayoutEngine::kNeato, LayoutEngine::kSfdp}) {
      RenderOptions options;
      options.format = format;
      options.engine = engine;
      options.page = PageSize::kA3;
      const std::string first = MustRender(map, options);
      EXPECT_FALSE(first.empty());
      EXPECT_EQ(first, MustRender(map, options))
          << FormatName(format) << " " << LayoutEngineName(engine);
    }
  }
  // cairo's PDF creation time is replaced by a fixed one, so PDFs repeat too.
  RenderOptions pdf;
  pdf.format = Format::kPdf;
  pdf.page = PageSize::kA4;
  const std::string bytes = MustRender(map, pdf);
  EXPECT_NE(bytes.find("/CreationDate (D:20000101000000"), std::string::npos);
  EXPECT_EQ(bytes, MustRender(map, pdf));
}

TEST(RenderTest, EveryEngineDrawsAWellFormedSvg) {
  const Map map = ClusteredMap(3, 3);
  for (LayoutEngine engine : {LayoutEngine::kAuto, LayoutEngine::kDot, LayoutEngine::kNeato,
                              LayoutEngine::kFdp, LayoutEngine::kSfdp, LayoutEngine::kCirco,
                              LayoutEngine::kOsage}) {
    RenderOptions options;
    options.engine = engine;
    std::string error;
    const auto elements = testing::ParseXml(MustRender(map, options), &error);
    EXPECT_EQ(error, "") << LayoutEngineName(engine);
    EXPECT_EQ(testing::SummarizeSvg(elements).node_titles.size(), map.nodes.size());
  }
}

TEST(RenderTest, DataIsShownAsLiteralTextNeverAsGraphvizSyntax) {
  const std::vector<std::string> nasty = {
      "x\" fillcolor=\"red",
      "Tom & Jerry <b>bold</b> &amp;",
      "back\\slash \\N \\G \\l",
      "<TABLE><TR><TD>cell</TD></TR></TABLE>",
      "]; evil [shape=box",
  };
  Map map;
  for (size_t i = 0; i < nasty.size(); ++i) {
    MapNode node;
    node.key = nasty[i];  // keys become SVG titles and DOT node names
    node.title = nasty[i];
    node.details.push_back("line1\nline2");
    map.nodes.push_back(node);
  }
  MapCluster cluster;
  cluster.title = nasty[0];
  map.clusters.push_back(cluster);
  map.nodes[0].cluster = 0;
  map.edges.push_back({nasty[0], nasty[1], nasty[2], EdgeStyle{}});
  map.title.title = nasty[3];
  map.legend.push_back({LegendEntry::Kind::kNode, nasty[4], NodeStyle{}, EdgeStyle{}});

  std::string error;
  const auto elements = testing::ParseXml(MustRender(map, {}), &error);
  ASSERT_EQ(error, "");
  testing::SvgSummary svg = testing::SummarizeSvg(elements);
  // A backslash before a letter Graphviz would expand carries an invisible
  // WORD JOINER (see text.h); a reader sees the text as written.
  for (std::string& text : svg.texts) {
    for (size_t at; (at = text.find("\u2060")) != std::string::npos;) text.erase(at, 3);
  }
  for (const std::string& text : nasty) {
    EXPECT_NE(std::find(svg.node_titles.begin(), svg.node_titles.end(), text),
              svg.node_titles.end())
        << text;
    EXPECT_GE(std::count(svg.texts.begin(), svg.texts.end(), text), 1) << text;
  }
  EXPECT_GE(std::count(svg.texts.begin(), svg.texts.end(), "line2"), 1);
  for (const testing::XmlElement& el : elements) {
    EXPECT_NE(el.Attr("fill"), "red");
    EXPECT_NE(el.name, "table");
  }

  RenderOptions dot;
  dot.format = Format::kDot;
  const std::string out = MustRender(map, dot);
  EXPECT_EQ(out.find("fillcolor=red"), std::string::npos);
  EXPECT_EQ(out.find("fillcolor=\"red\""), std::string::npos);
  EXPECT_EQ(out.find("shape=box\n"), std::string::npos);
}

TEST(RenderTest, MalformedMapsAndOptionsAreRefused) {
  Map map = ClusteredMap(1, 2);
  map.nodes[0].style.fill = "red\" URL=\"http://x";
  Result<std::string> out = RenderMap(map, {});
  EXPECT_EQ(out.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(out.status().message().find("is not a #RRGGBB colour"), std::string::npos);

  map = ClusteredMap(1, 2);
  map.edges.push_back({"nobody", map.nodes[0].key, "", EdgeStyle{}});
  EXPECT_EQ(RenderMap(map, {}).status().ToString(),
            "InvalidArgument: edge " + std::to_string(map.edges.size() - 1) +
                ": unknown start node 'nobody'");

  RenderOptions options;
  options.dpi = 5000;
  EXPECT_EQ(RenderMap(ClusteredMap(1, 1), options).status().ToString(),
            "InvalidArgument: dpi must be 36..600, got 5000");
  EXPECT_EQ(ParsePageSize("B5").status().ToString(),
            "InvalidArgument: unknown page size 'B5' (expected one of: none, A4, A3, A2, A1, A0, "
            "Letter, Tabloid)");
  EXPECT_EQ(ParseLayoutEngine("SFDP").value(), LayoutEngine::kSfdp);
  EXPECT_EQ(ParseLayoutEngine("auto").value(), LayoutEngine::kAuto);
  EXPECT_EQ(ResolveLayoutEngine(LayoutEngine::kAuto, true), LayoutEngine::kOsage);
  EXPECT_EQ(ResolveLayoutEngine(LayoutEngine::kAuto, false), LayoutEngine::kDot);
  EXPECT_EQ(ResolveLayoutEngine(LayoutEngine::kNeato, true), LayoutEngine::kNeato);
}

TEST(RenderTest, LayoutPastTheTimeLimitIsStoppedAndTheProcessGoesOn) {
  RenderOptions options;
  options.engine = LayoutEngine::kNeato;
  options.time_limit = std::chrono::milliseconds(5);
  Result<std::string> out = RenderMap(testing::DenseMap(250), options);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().ToString(),
            "Timeout: Graphviz layout (neato) did not finish within the time limit of 5 ms and "
            "was stopped");
  // The caller is unharmed and the next render works.
  EXPECT_FALSE(MustRender(ClusteredMap(1, 2), {}).empty());
}

TEST(RenderTest, InProcessRenderingGivesTheSameBytes) {
  const Map map = ClusteredMap(2, 3);
  RenderOptions options;
  options.isolate = false;
  const std::string in_process = MustRender(map, options);
  options.isolate = true;
  EXPECT_EQ(in_process, MustRender(map, options));
}

}  // namespace
}  // namespace copmap::visualize
