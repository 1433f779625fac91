#include "query/analytics/projection.h"

#include <gtest/gtest.h>

#include <vector>

namespace copmap::analytics {
namespace {

std::vector<LocalId> Vec(std::span<const LocalId> s) { return {s.begin(), s.end()}; }
std::vector<double> Vec(std::span<const double> s) { return {s.begin(), s.end()}; }

TEST(ProjectionTest, UndirectedStoresBothDirectionsSortedAndMergesParallelByMax) {
  // 0-2, 2-0 (reciprocated, weights 0.3 and 0.8), 0-1, and a self loop 1-1.
  auto p = Projection::FromEdges(3, {{0, 2, 0.3}, {2, 0, 0.8}, {0, 1, 0.5}, {1, 1, 1.0}}, false);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->num_nodes(), 3u);
  EXPECT_EQ(p->num_edges(), 2u);  // the loop is dropped, the pair merged
  EXPECT_EQ(p->num_arcs(), 4u);
  EXPECT_EQ(Vec(p->Out(0)), (std::vector<LocalId>{1, 2}));
  EXPECT_EQ(Vec(p->OutWeights(0)), (std::vector<double>{0.5, 0.8}));
  EXPECT_EQ(Vec(p->In(2)), (std::vector<LocalId>{0}));
  EXPECT_DOUBLE_EQ(p->OutStrength(0), 1.3);
}

TEST(ProjectionTest, DirectedKeepsInAndOutApartAndCanSumOrKeepParallelEdges) {
  std::vector<Edge> edges = {{0, 1, 2}, {0, 1, 3}, {2, 1, 1}};
  auto sum = Projection::FromEdges(3, edges, true, ParallelEdges::kMergeSum);
  ASSERT_TRUE(sum.ok());
  EXPECT_EQ(Vec(sum->Out(0)), (std::vector<LocalId>{1}));
  EXPECT_EQ(Vec(sum->OutWeights(0)), (std::vector<double>{5}));
  EXPECT_EQ(Vec(sum->In(1)), (std::vector<LocalId>{0, 2}));
  EXPECT_EQ(Vec(sum->InWeights(1)), (std::vector<double>{5, 1}));
  EXPECT_TRUE(sum->Out(1).empty());

  auto keep = Projection::FromEdges(3, edges, true, ParallelEdges::kKeep);
  ASSERT_TRUE(keep.ok());
  EXPECT_EQ(Vec(keep->Out(0)), (std::vector<LocalId>{1, 1}));
  EXPECT_EQ(Vec(keep->OutWeights(0)), (std::vector<double>{2, 3}));  // input order kept
  EXPECT_EQ(keep->num_edges(), 3u);
}

TEST(ProjectionTest, MapsNodeIdsBothWays) {
  auto p = Projection::FromEdges(3, {{0, 1, 1}}, false, ParallelEdges::kMergeMax, false,
                                 {10, 20, 35});
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->Global(2), 35u);
  EXPECT_EQ(p->Local(20), 1u);
  EXPECT_EQ(p->Local(21), kNoLocal);
  EXPECT_EQ(p->Local(99), kNoLocal);
}

TEST(ProjectionTest, RejectsBadInputNamingIt) {
  auto bad_edge = Projection::FromEdges(2, {{0, 1, 1}, {1, 7, 1}}, false);
  ASSERT_FALSE(bad_edge.ok());
  EXPECT_EQ(bad_edge.status().ToString(),
            "InvalidArgument: projection: edge 1 (1 -> 7) has an end outside 0..1");
  auto bad_ids = Projection::FromEdges(2, {}, false, ParallelEdges::kMergeMax, false, {5, 5});
  ASSERT_FALSE(bad_ids.ok());
  EXPECT_EQ(bad_ids.status().message(), "projection: node ids must ascend, but id 5 follows 5");
}

}  // namespace
}  // namespace copmap::analytics
