#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "query/analytics/components.h"
#include "query/analytics/label_propagation.h"
#include "query/analytics/louvain.h"
#include "query/analytics/modularity.h"
#include "query/analytics/partition_compare.h"
#include "tests/analytics/classic_graphs.h"

namespace copmap::analytics {
namespace {

// Two triangles {0,1,2} and {3,4,5} joined by the edge 2-3.
Projection TwoTriangles() {
  return Projection::FromEdges(6, {{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}, {2, 3}}, false)
      .value();
}

TEST(ComponentsTest, CountsWeakComponentsIgnoringDirection) {
  // 0 -> 1 <- 2 is one weak component; 3 -> 4; 5 alone.
  auto g = Projection::FromEdges(6, {{0, 1}, {2, 1}, {3, 4}}, true).value();
  Components c = WeakComponents(g);
  EXPECT_EQ(c.count(), 3u);
  EXPECT_EQ(c.component, (std::vector<uint32_t>{0, 0, 0, 1, 1, 2}));
  EXPECT_EQ(c.sizes, (std::vector<uint32_t>{3, 2, 1}));
}

TEST(ComponentsTest, ClassicGraphsAreConnectedAsInNetworkx) {
  // nx.number_connected_components(G) -> 1 for karate and Florentine families;
  // nx.number_weakly_connected_components(DiGraph of karate) -> 1.
  EXPECT_EQ(WeakComponents(testing::KarateClub()).count(), 1u);
  EXPECT_EQ(WeakComponents(testing::KarateClub(false, true)).count(), 1u);
  EXPECT_EQ(WeakComponents(testing::FlorentineFamilies()).count(), 1u);
}

TEST(ModularityTest, TwoTrianglesByHand) {
  // m = 7; each triangle: L = 3, degree sum 7 -> Q = 2 * (3/7 - (7/14)^2) = 5/14.
  auto q = Modularity(TwoTriangles(), {0, 0, 0, 1, 1, 1});
  ASSERT_TRUE(q.ok());
  EXPECT_NEAR(*q, 5.0 / 14, 1e-12);
  EXPECT_NEAR(*Modularity(TwoTriangles(), {0, 0, 0, 0, 0, 0}), 0.0, 1e-12);
  EXPECT_EQ(Modularity(TwoTriangles(), {0, 1}).status().message(),
            "modularity: partition has 2 entries for 6 nodes");
}

TEST(ModularityTest, DirectedFormula) {
  // 0 -> 1, 1 -> 0, 1 -> 2; partition {0,1},{2}: m = 3, L = 2,
  // Dout = 3, Din = 2 for {0,1}; Dout = 0, Din = 1 for {2}: Q = 2/3 - 6/9 = 0.
  auto g = Projection::FromEdges(3, {{0, 1}, {1, 0}, {1, 2}}, true).value();
  EXPECT_NEAR(*Modularity(g, {0, 0, 1}), 0.0, 1e-12);
  EXPECT_NEAR(*Modularity(g, {0, 1, 2}), -(1.0 * 1 + 2.0 * 1 + 0) / 9, 1e-12);
}

TEST(LouvainTest, FindsTheTwoTriangles) {
  auto p = Louvain(TwoTriangles());
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->count, 2u);
  EXPECT_EQ(p->community, (std::vector<uint32_t>{0, 0, 0, 1, 1, 1}));
  EXPECT_NEAR(p->modularity, 5.0 / 14, 1e-12);
}

TEST(LouvainTest, KarateModularityInNetworkxRangeAndDeterministic) {
  // networkx 2.8.8 louvain_communities(G, seed=s) for s in 0..19 gives
  // modularity 0.4151 .. 0.4198:
  // /usr/bin/python3 -c "import networkx as nx, csv; from networkx.algorithms.community import
  //   louvain_communities as L, modularity as M; G=nx.Graph(); [G.add_edge(int(r['source']),
  //   int(r['target'])) for r in csv.DictReader(open('karate_club_edges.csv'))];
  //   q=[M(G, L(G, seed=s)) for s in range(20)]; print(min(q), max(q))"
  Projection g = testing::KarateClub();
  for (uint64_t seed : {1, 2, 3, 42, 1000}) {
    LouvainOptions options;
    options.seed = seed;
    auto p = Louvain(g, options);
    ASSERT_TRUE(p.ok());
    EXPECT_GE(p->modularity, 0.40) << "seed " << seed;
    EXPECT_LE(p->modularity, 0.42) << "seed " << seed;
    EXPECT_NEAR(*Modularity(g, p->community), p->modularity, 1e-12);
    auto again = Louvain(g, options);
    EXPECT_EQ(again->community, p->community);
  }
}

TEST(LabelPropagationTest, SeparatesLooselyJoinedCliquesAndIsSeeded) {
  // Two 4-cliques joined by one edge 3-4.
  std::vector<Edge> edges;
  for (LocalId a = 0; a < 4; ++a) {
    for (LocalId b = a + 1; b < 4; ++b) {
      edges.push_back({a, b});
      edges.push_back({a + 4, b + 4});
    }
  }
  edges.push_back({3, 4});
  auto g = Projection::FromEdges(8, edges, false).value();
  auto p = LabelPropagation(g);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->community, (std::vector<uint32_t>{0, 0, 0, 0, 1, 1, 1, 1}));
  EXPECT_GE(p->iterations, 1u);
  Projection karate = testing::KarateClub();
  LabelPropagationOptions options;
  options.seed = 5;
  auto a = LabelPropagation(karate, options);
  auto b = LabelPropagation(karate, options);
  EXPECT_EQ(a->community, b->community);
  EXPECT_GT(a->modularity, 0.0);
}

TEST(PartitionCompareTest, NmiByHand) {
  EXPECT_NEAR(*NormalizedMutualInformation({0, 0, 1, 1}, {5, 5, 7, 7}), 1.0, 1e-12);
  EXPECT_NEAR(*NormalizedMutualInformation({0, 0, 1, 1}, {0, 1, 0, 1}), 0.0, 1e-12);
  // a = {0,0,0,1}, b = {0,0,1,1}: H(a) = H(.75,.25), H(b) = ln 2,
  // I = sum p ln(p / (pa pb)) over (0,0): .5 ln(.5/(.75*.5)), (0,1): .25 ln(.25/(.75*.5)),
  // (1,1): .25 ln(.25/(.25*.5)).
  double ha = -(0.75 * std::log(0.75) + 0.25 * std::log(0.25)), hb = std::log(2.0);
  double mi = 0.5 * std::log(0.5 / 0.375) + 0.25 * std::log(0.25 / 0.375) +
              0.25 * std::log(0.25 / 0.125);
  EXPECT_NEAR(*NormalizedMutualInformation({0, 0, 0, 1}, {0, 0, 1, 1}), 2 * mi / (ha + hb), 1e-12);
  EXPECT_FALSE(NormalizedMutualInformation({0}, {0, 1}).ok());
}

TEST(PartitionCompareTest, BestMatchByJaccard) {
  // Detected {0,1,2},{3,4}; declared A = {0,1}, B = {2,3,4}, C = {4}.
  auto m = BestMatches({0, 0, 0, 1, 1}, 2, {{0, 1}, {2, 3, 4}, {4}});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].group, 0u);  // A: 2/3 beats B: 1/5
  EXPECT_EQ(m[0].shared, 2u);
  EXPECT_NEAR(m[0].jaccard, 2.0 / 3, 1e-12);
  EXPECT_EQ(m[1].group, 1u);  // B: 2/3 beats C: 1/2
  EXPECT_NEAR(m[1].jaccard, 2.0 / 3, 1e-12);
}

}  // namespace
}  // namespace copmap::analytics
