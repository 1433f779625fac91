#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "query/analytics/bfs.h"
#include "query/analytics/dijkstra.h"
#include "tests/analytics/classic_graphs.h"

namespace copmap::analytics {
namespace {

// 0 -> 1 -> 2 -> 3 and a shortcut 0 -> 4 -> 3; 5 is isolated.
Projection SmallDirected() {
  return Projection::FromEdges(6, {{0, 1, 1}, {1, 2, 1}, {2, 3, 1}, {0, 4, 1}, {4, 3, 1}}, true)
      .value();
}

TEST(BfsTest, DistancesFollowArcDirection) {
  Projection g = SmallDirected();
  EXPECT_EQ(BfsDistances(g, 0), (std::vector<int32_t>{0, 1, 2, 2, 1, kUnreached}));
  EXPECT_EQ(BfsDistances(g, 3), (std::vector<int32_t>{kUnreached, kUnreached, kUnreached, 0,
                                                       kUnreached, kUnreached}));
  EXPECT_EQ(BfsDistances(g, 0, 1), (std::vector<int32_t>{0, 1, kUnreached, kUnreached, 1,
                                                          kUnreached}));
}

TEST(BfsTest, BidirectionalPathIsShortestAndRespectsLimits) {
  Projection g = SmallDirected();
  EXPECT_EQ(ShortestPathBfs(g, 0, 3), (std::vector<LocalId>{0, 4, 3}));
  EXPECT_EQ(ShortestPathBfs(g, 1, 3), (std::vector<LocalId>{1, 2, 3}));
  EXPECT_EQ(ShortestPathBfs(g, 2, 2), (std::vector<LocalId>{2}));
  EXPECT_FALSE(ShortestPathBfs(g, 3, 0).has_value());  // against the arcs
  EXPECT_FALSE(ShortestPathBfs(g, 0, 5).has_value());
  EXPECT_FALSE(ShortestPathBfs(g, 1, 3, 1).has_value());
  EXPECT_TRUE(ShortestPathBfs(g, 1, 3, 2).has_value());
}

TEST(BfsTest, BidirectionalAgreesWithPlainBfsOnKarate) {
  Projection g = testing::KarateClub();
  for (LocalId s = 0; s < g.num_nodes(); ++s) {
    std::vector<int32_t> dist = BfsDistances(g, s);
    for (LocalId t = 0; t < g.num_nodes(); ++t) {
      auto path = ShortestPathBfs(g, s, t);
      ASSERT_TRUE(path.has_value());
      ASSERT_EQ(static_cast<int32_t>(path->size()) - 1, dist[t]) << s << " -> " << t;
      for (size_t i = 1; i < path->size(); ++i) {
        auto nbrs = g.Out((*path)[i - 1]);
        EXPECT_TRUE(std::find(nbrs.begin(), nbrs.end(), (*path)[i]) != nbrs.end());
      }
    }
  }
}

TEST(DijkstraTest, TrustCostMultipliesStrengths) {
  EXPECT_DOUBLE_EQ(TrustCost(1.0), 0.0);
  EXPECT_DOUBLE_EQ(TrustCost(0.5), std::log(2.0));
  EXPECT_EQ(TrustCost(0.0), kInfinity);
  EXPECT_EQ(TrustCost(std::nan("")), kInfinity);
  // Two ties of 0.9 (trust 0.81) are cheaper than one of 0.5.
  EXPECT_LT(TrustCost(0.9) + TrustCost(0.9), TrustCost(0.5));
}

TEST(DijkstraTest, PrefersStrongChainOverWeakShortcut) {
  // 0 -0.5- 2 directly, or 0 -0.9- 1 -0.9- 2; node 3 only by a zero-strength tie.
  auto g = Projection::FromEdges(4, {{0, 2, 0.5}, {0, 1, 0.9}, {1, 2, 0.9}, {2, 3, 0.0}}, false)
               .value();
  g.TransformWeights(TrustCost);
  auto path = ShortestWeightedPath(g, 0, 2);
  ASSERT_TRUE(path.ok());
  ASSERT_TRUE(path->has_value());
  EXPECT_EQ((*path)->nodes, (std::vector<LocalId>{0, 1, 2}));
  EXPECT_NEAR(std::exp(-(*path)->cost), 0.81, 1e-12);
  auto none = ShortestWeightedPath(g, 0, 3);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
}

TEST(DijkstraTest, MatchesNetworkxOnWeightedKarate) {
  // /usr/bin/python3 -c "import networkx as nx, csv; G=nx.Graph();
  //   [G.add_edge(int(r['source']), int(r['target']), weight=int(r['weight']))
  //    for r in csv.DictReader(open('karate_club_edges.csv'))];
  //   print(nx.dijkstra_path_length(G,0,33,weight='weight'), nx.dijkstra_path(G,0,33,weight='weight'))"
  // -> 3 [0, 19, 33]
  Projection g = testing::KarateClub(/*weighted=*/true);
  auto path = ShortestWeightedPath(g, 0, 33);
  ASSERT_TRUE(path.ok());
  ASSERT_TRUE(path->has_value());
  EXPECT_EQ((*path)->cost, 3.0);
  EXPECT_EQ((*path)->nodes, (std::vector<LocalId>{0, 19, 33}));
}

TEST(DijkstraTest, RejectsNegativeCostsNamingTheArc) {
  auto g = Projection::FromEdges(2, {{0, 1, -1.0}}, true).value();
  auto tree = Dijkstra(g, 0);
  ASSERT_FALSE(tree.ok());
  EXPECT_EQ(tree.status().message(),
            "dijkstra: arc 0 -> 1 has cost -1.000000; costs must be non-negative numbers");
}

}  // namespace
}  // namespace copmap::analytics
