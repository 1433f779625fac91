// Renders hand-built maps with the real Graphviz and checks the output bytes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

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

}  // namespace
}  // namespace copmap::visualize
