// Builds maps from hand-made query result values and checks grouping,
// styling, legend and limits.
#include <gtest/gtest.h>

#include <algorithm>

#include "bench/visualize/org_generator.h"
#include "tests/visualize/dot_layout.h"
#include "tests/visualize/sample_values.h"
#include "visualize/map_builder.h"
#include "visualize/renderer.h"
#include "visualize/theme.h"

namespace copmap::visualize {
namespace {

using testing::ResultBuilder;
using testing::SmallOrganization;

const MapNode& NodeByKey(const Map& map, const std::string& key) {
  auto it = std::find_if(map.nodes.begin(), map.nodes.end(),
                         [&](const MapNode& n) { return n.key == key; });
  EXPECT_NE(it, map.nodes.end()) << key;
  return *it;
}

std::string ClusterOf(const Map& map, const std::string& key) {
  const MapNode& node = NodeByKey(map, key);
  return node.cluster < 0 ? "" : map.clusters[node.cluster].title;
}

bool HasLegend(const Map& map, const std::string& text) {
  return std::any_of(map.legend.begin(), map.legend.end(),
                     [&](const LegendEntry& e) { return e.text == text; });
}

TEST(MapBuilderTest, CommunitiesBecomeClustersAndSpannersAreMarked) {
  MapSpec spec;
  spec.cluster_by = ClusterBy::kCommunity;
  spec.coloring = Coloring::kRole;
  Result<Map> map = BuildMapFromRows(SmallOrganization().Rows(), spec);
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  // Three communities, then what no community holds, grouped by kind.
  ASSERT_EQ(map->clusters.size(), 5u);
  EXPECT_EQ(map->clusters[0].title, "Data Science");  // sorted by name
  EXPECT_EQ(map->clusters[3].title, "Domains");
  EXPECT_EQ(map->clusters[4].title, "Practices");
  EXPECT_EQ(ClusterOf(*map, "Domain: kubernetes"), "Domains");
  EXPECT_EQ(map->clusters[0].style.border_line, LineStyle::kDashed);  // overlapping
  EXPECT_EQ(map->clusters[1].title, "Platform");
  EXPECT_EQ(map->clusters[1].details.at(0), "nested community, 3 members");
  EXPECT_EQ(ClusterOf(*map, "Community: Safety"), "Safety");
  EXPECT_EQ(ClusterOf(*map, "Person: ada@example.org"), "Data Science");
  // Bob is active in Platform and peripheral in Data Science: home is Platform.
  EXPECT_EQ(ClusterOf(*map, "Person: bob@example.org"), "Platform");
  const MapNode& bob = NodeByKey(*map, "Person: bob@example.org");
  EXPECT_EQ(bob.style.peripheries, 2);
  EXPECT_EQ(bob.style.fill, RoleStyle(Role::kActive).fill);
  // The membership inside the home cluster is shown by containment; the
  // other one is a bridge edge, as heavy as its role, without a label.
  int bob_memberships = 0;
  for (const MapEdge& e : map->edges) {
    if (e.from == "Person: bob@example.org" && e.to.rfind("Community: ", 0) == 0) {
      ++bob_memberships;
      EXPECT_EQ(e.to, "Community: Data Science");
      EXPECT_EQ(e.label, "");
      EXPECT_EQ(e.style.color, BridgeStyle(Role::kPeripheral).color);
      EXPECT_EQ(e.style.pen_width, BridgeStyle(Role::kPeripheral).pen_width);
      EXPECT_LT(e.style.pen_width, BridgeStyle(Role::kCore).pen_width);
    }
  }
  EXPECT_EQ(bob_memberships, 1);
  const MapNode& ada = NodeByKey(*map, "Person: ada@example.org");
  EXPECT_EQ(ada.style.fill, RoleStyle(Role::kCore).fill);
  EXPECT_EQ(ada.style.border, palette::kVermillion);  // leader
  EXPECT_NE(std::find(ada.details.begin(), ada.details.end(), "leads Data Science (inspiring)"),
            ada.details.end());
  EXPECT_TRUE(HasLegend(*map, "core member"));
  EXPECT_TRUE(HasLegend(*map, "boundary spanner (double outline)"));
  EXPECT_TRUE(HasLegend(*map, "also member of (bridge; thicker: stronger role)"));
  EXPECT_TRUE(HasLegend(*map, "Domain"));
  EXPECT_FALSE(HasLegend(*map, "Person"));  // people are coloured by role instead
  EXPECT_NE(map->title.data_note.find("5 people, 3 Communities, 2 Domains"), std::string::npos)
      << map->title.data_note;
}

TEST(MapBuilderTest, FocusCommunityGroupsMembersByRole) {
  MapSpec spec;
  spec.cluster_by = ClusterBy::kRole;
  spec.coloring = Coloring::kRole;
  spec.focus_label = "Community";
  spec.focus_key = "Platform";
  Result<Map> map = BuildMapFromRows(SmallOrganization().Rows(), spec);
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  ASSERT_EQ(map->clusters.size(), 7u);
  EXPECT_EQ(map->clusters[0].title, "Core members");
  EXPECT_EQ(map->clusters[1].title, "Active members");
  EXPECT_EQ(map->clusters[2].title, "Peripheral members");
  // The rest by kind; the focus itself stays outside every cluster.
  EXPECT_EQ(map->clusters[3].title, "People");
  EXPECT_EQ(map->clusters[4].title, "Communities");
  EXPECT_EQ(ClusterOf(*map, "Community: Data Science"), "Communities");
  EXPECT_EQ(ClusterOf(*map, "Community: Platform"), "");
  EXPECT_EQ(ClusterOf(*map, "Person: ada@example.org"), "People");
  // Within a cluster: the leader first, and the focus leads the whole map.
  EXPECT_EQ(map->nodes.front().key, "Community: Platform");
  EXPECT_EQ(ClusterOf(*map, "Person: cy@example.org"), "Core members");
  EXPECT_EQ(ClusterOf(*map, "Person: dee@example.org"), "Peripheral members");
  // Bob is coloured by his role in Platform (active), not Data Science.
  EXPECT_EQ(NodeByKey(*map, "Person: bob@example.org").style.fill,
            RoleStyle(Role::kActive).fill);
  EXPECT_EQ(NodeByKey(*map, "Community: Platform").style.pen_width, 4);  // the focus
}

TEST(MapBuilderTest, FocusDomainGroupsExpertsByLevel) {
  MapSpec spec;
  spec.cluster_by = ClusterBy::kExpertLevel;
  spec.coloring = Coloring::kExpertLevel;
  spec.focus_label = "Domain";
  spec.focus_key = "kubernetes";
  Result<Map> map = BuildMapFromRows(SmallOrganization().Rows(), spec);
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  ASSERT_EQ(map->clusters.size(), 7u);
  EXPECT_EQ(map->clusters[0].title, "Expertise level 4");
  EXPECT_EQ(map->clusters[3].title, "People");
  EXPECT_EQ(ClusterOf(*map, "Person: dee@example.org"), "Expertise level 2");
  EXPECT_EQ(NodeByKey(*map, "Person: cy@example.org").style.fill, LevelStyle(4).fill);
  EXPECT_TRUE(HasLegend(*map, "expertise level 5"));
}

// The node id of the node whose map key is `key` ("Domain: kubernetes").
uint64_t IdOf(const std::vector<std::vector<Value>>& rows, const std::string& key) {
  for (const auto& [id, node] : CollectRows(rows).nodes) {
    if (NodeKey(node) == key) return id;
  }
  ADD_FAILURE() << "no node " << key;
  return 0;
}

TEST(MapBuilderTest, RiskColoursDomainsByTheirAssessment) {
  const auto rows = SmallOrganization().Rows();
  MapSpec spec;
  spec.coloring = Coloring::kRisk;
  // As cop.knowledgeAtRisk({minExperts: 2}) would say it; kubernetes is not listed.
  spec.risk[IdOf(rows, "Domain: machine learning")] = {
      0.5, 1, "1 staying expert(s) at level >= 4, fewer than 2; 1 expert(s) left"};
  Result<Map> map = BuildMapFromRows(rows, spec);
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  const MapNode& ml = NodeByKey(*map, "Domain: machine learning");
  EXPECT_EQ(ml.style.fill, RiskStyle(1).fill);
  // The reason's first clause is what the colour says; the others follow.
  EXPECT_EQ(ml.details, (std::vector<std::string>{"risk 0.50", "1 expert(s) left"}));
  EXPECT_EQ(NodeByKey(*map, "Domain: kubernetes").style.fill, RiskStyle(3).fill);
  EXPECT_TRUE(HasLegend(*map, "one staying expert: at risk"));
  EXPECT_TRUE(map->clusters.empty());
}

TEST(MapBuilderTest, RiskMapClustersEachDomainWithItsPeopleHighestRiskFirst) {
  const auto rows = SmallOrganization().Rows();
  MapSpec spec;
  spec.coloring = Coloring::kRisk;
  spec.cluster_by = ClusterBy::kDomain;
  spec.risk[IdOf(rows, "Domain: machine learning")] = {2.0 / 3, 1, "1 staying expert(s)"};
  spec.risk[IdOf(rows, "Domain: kubernetes")] = {1.0 / 3, 2, "2 staying expert(s)"};
  Result<Map> map = BuildMapFromRows(rows, spec);
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  ASSERT_GE(map->clusters.size(), 2u);
  EXPECT_EQ(map->clusters[0].title, "machine learning");  // the higher risk first
  EXPECT_EQ(map->clusters[0].details.at(0), "1 staying expert");
  EXPECT_EQ(map->clusters[1].title, "kubernetes");
  EXPECT_EQ(map->clusters[1].details.at(0), "2 staying experts");
  EXPECT_EQ(NodeByKey(*map, "Domain: kubernetes").style.fill, RiskStyle(2).fill);
  EXPECT_EQ(ClusterOf(*map, "Domain: kubernetes"), "kubernetes");
  // Bob is an expert in kubernetes and only interested in machine learning.
  EXPECT_EQ(ClusterOf(*map, "Person: bob@example.org"), "kubernetes");
  EXPECT_EQ(ClusterOf(*map, "Person: ada@example.org"), "machine learning");
  // Within the cluster, the domain comes first.
  auto first_in = [&](int cluster) {
    return std::find_if(map->nodes.begin(), map->nodes.end(),
                        [&](const MapNode& n) { return n.cluster == cluster; })->key;
  };
  EXPECT_EQ(first_in(1), "Domain: kubernetes");
}

TEST(MapBuilderTest, BrokersAreMarkedAndExplained) {
  const auto rows = SmallOrganization().Rows();
  MapSpec spec;
  spec.cluster_by = ClusterBy::kCommunity;
  spec.coloring = Coloring::kRole;
  spec.brokers[IdOf(rows, "Person: bob@example.org")] = {1, 0.25};
  spec.brokers[IdOf(rows, "Person: ada@example.org")] = {2, 0.125};  // a leader too
  Result<Map> map = BuildMapFromRows(rows, spec);
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  const MapNode& bob = NodeByKey(*map, "Person: bob@example.org");
  EXPECT_EQ(bob.title, std::string(kBrokerMark) + " Bob Byte");
  EXPECT_EQ(bob.details.at(0), "broker #1, betweenness 0.25");
  EXPECT_EQ(bob.style.border, palette::kPurple);
  const MapNode& ada = NodeByKey(*map, "Person: ada@example.org");
  EXPECT_EQ(ada.title, std::string(kBrokerMark) + " Ada Lovelace");
  EXPECT_EQ(ada.style.border, palette::kVermillion);  // the leader's outline wins
  EXPECT_EQ(NodeByKey(*map, "Person: cy@example.org").title, "Cy Cloud");
  EXPECT_TRUE(
      HasLegend(*map, std::string(kBrokerMark) + " broker: top 2 by betweenness (cop.brokers), purple"));
}

TEST(MapBuilderTest, MissingFocusIsNotFound) {
  MapSpec spec;
  spec.cluster_by = ClusterBy::kRole;
  spec.focus_label = "Community";
  spec.focus_key = "Nope";
  Result<Map> map = BuildMapFromRows(SmallOrganization().Rows(), spec);
  ASSERT_FALSE(map.ok());
  EXPECT_EQ(map.status().ToString(), "NotFound: no Community with name 'Nope' in the result");
  spec.focus_label.clear();
  EXPECT_EQ(BuildMapFromRows(SmallOrganization().Rows(), spec).status().code(),
            Status::Code::kInvalidArgument);
}

TEST(MapBuilderTest, PathsListsAndDanglingRelationships) {
  ResultBuilder b;
  const uint64_t a = b.Node("Person", "a@x", {{"name", "A"}});
  const uint64_t c = b.Node("Person", "c@x", {{"name", "C"}});
  PathValue path;
  path.nodes = {b.node(a), b.node(c)};
  path.relationships = {RelationshipValue{7, "KNOWS", a, c, {}}};
  // A relationship whose far end is not in the result cannot be drawn.
  const RelationshipValue dangling{8, "KNOWS", a, 99, {}};
  std::vector<std::vector<Value>> rows = {
      {Value(path), Value(ValueList{Value(dangling), Value(42)})}};
  Result<Map> map = BuildMapFromRows(rows, {});
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  EXPECT_EQ(map->nodes.size(), 2u);
  ASSERT_EQ(map->edges.size(), 1u);
  EXPECT_FALSE(map->edges[0].style.directed);  // KNOWS is mutual
  EXPECT_NE(map->title.data_note.find("1 relationship without both ends in the result not drawn"),
            std::string::npos)
      << map->title.data_note;
}

TEST(MapBuilderTest, OverTheLimitIsSummarizedOrRefused) {
  MapSpec spec;
  spec.cluster_by = ClusterBy::kCommunity;
  spec.max_nodes = 6;
  Result<Map> map = BuildMapFromRows(SmallOrganization().Rows(), spec);
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  // 3 community clusters and the Domains and Practices groups collapse to 5 nodes.
  EXPECT_EQ(map->nodes.size(), 5u);
  EXPECT_TRUE(map->clusters.empty());
  const MapNode& platform = NodeByKey(*map, "summary: 1 Platform");
  EXPECT_EQ(platform.details.at(0), "1 Community, 3 Person");
  EXPECT_NE(map->title.data_note.find("summarized (11 nodes over the limit of 6)"),
            std::string::npos);
  for (const MapEdge& e : map->edges) EXPECT_NE(e.from, e.to);

  spec.overflow = OverflowPolicy::kRefuse;
  Result<Map> refused = BuildMapFromRows(SmallOrganization().Rows(), spec);
  EXPECT_EQ(refused.status().ToString(),
            "ResourceExhausted: the map has 11 nodes, more than the limit of 6; narrow the query "
            "or raise the node limit");
  spec.overflow = OverflowPolicy::kSummarize;
  spec.max_nodes = 2;  // 3 summaries + Domain + Practice groups > 2
  EXPECT_EQ(BuildMapFromRows(SmallOrganization().Rows(), spec).status().code(),
            Status::Code::kResourceExhausted);
}

}  // namespace
}  // namespace copmap::visualize

namespace copmap::visualize {
namespace {

// An organization-sized map with boundary spanners renders with dot. (Edges
// with constraint=false once crashed dot 2.43's router on such maps.)
TEST(MapBuilderTest, OrganizationSizedMapRendersWithDot) {
  MapSpec spec;
  spec.cluster_by = ClusterBy::kCommunity;
  spec.coloring = Coloring::kRole;
  Result<Map> map = BuildMapFromRows(bench::SyntheticOrganization(250, 12, 12), spec);
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  EXPECT_EQ(map->clusters.size(), 13u);  // 12 communities and the domains
  RenderOptions options;
  options.engine = LayoutEngine::kDot;
  Result<std::string> svg = RenderMap(*map, options);
  ASSERT_TRUE(svg.ok()) << svg.status().ToString();
  EXPECT_NE(svg->find("class=\"cluster\""), std::string::npos);
}

// The regression this guards against: with dot, a cluster's members that
// have no lines among them all landed on one rank, so an organization map
// became a strip metres wide. The default layout must be a poster: a sane
// aspect ratio, clusters as blocks of rows, and text still legible on an A1.
TEST(MapBuilderTest, OrganizationSizedMapIsLaidOutAsAPosterNotAStrip) {
  MapSpec spec;
  spec.cluster_by = ClusterBy::kCommunity;
  spec.coloring = Coloring::kRole;
  Result<Map> map = BuildMapFromRows(bench::SyntheticOrganization(250, 12, 12), spec);
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  RenderOptions options;  // engine: auto
  options.format = Format::kDot;
  Result<std::string> dot = RenderMap(*map, options);
  ASSERT_TRUE(dot.ok()) << dot.status().ToString();
  std::string error;
  const testing::DotLayout layout = testing::ReadDotLayout(*dot, &error);
  ASSERT_EQ(error, "");
  ASSERT_GT(layout.height, 0);
  const double aspect = layout.width / layout.height;
  EXPECT_GT(aspect, 0.5) << layout.width << " x " << layout.height;
  EXPECT_LT(aspect, 2.5) << layout.width << " x " << layout.height;
  EXPECT_EQ(layout.nodes_by_cluster.size(), 13u);  // no node outside a cluster
  size_t placed = 0;
  for (const auto& [cluster, nodes] : layout.nodes_by_cluster) {
    placed += nodes.size();
    EXPECT_LE(testing::LongestRow(nodes), 8u) << cluster << " has " << nodes.size() << " nodes";
  }
  EXPECT_EQ(placed, map->nodes.size());
  // Scaled into A1 landscape's printable area (10 mm margins), the 12 pt
  // names must stay at least 6 pt tall.
  const double scale = std::min((2384.0 - 57) / layout.width, (1684.0 - 57) / layout.height);
  EXPECT_GE(12 * scale, 6.0) << "scale " << scale;
}

}  // namespace
}  // namespace copmap::visualize
