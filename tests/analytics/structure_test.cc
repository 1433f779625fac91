#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "query/analytics/constraint.h"
#include "query/analytics/group_ties.h"
#include "tests/analytics/classic_graphs.h"

namespace copmap::analytics {
namespace {

TEST(ConstraintTest, StarAndTriangleByHand) {
  // Star centre with 3 unconnected leaves: p = 1/3 each, no indirect -> 3 * (1/3)^2 = 1/3.
  // Each leaf has one contact: (1)^2 = 1. Node 4 is isolated: NaN.
  auto star = Projection::FromEdges(5, {{0, 1}, {0, 2}, {0, 3}}, false).value();
  std::vector<double> c = BurtConstraint(star);
  EXPECT_NEAR(c[0], 1.0 / 3, 1e-12);
  EXPECT_NEAR(c[1], 1.0, 1e-12);
  EXPECT_TRUE(std::isnan(c[4]));
  // Triangle: p = 1/2, indirect via the third node 1/2 * 1/2 -> 2 * (3/4)^2 = 9/8.
  auto triangle = Projection::FromEdges(3, {{0, 1}, {1, 2}, {0, 2}}, false).value();
  EXPECT_NEAR(BurtConstraint(triangle)[0], 9.0 / 8, 1e-12);
}

TEST(ConstraintTest, EqualsNetworkxOnClassicGraphs) {
  // /usr/bin/python3 -c "import networkx as nx, csv; F=nx.Graph();
  //   [F.add_edge(r['family1'], r['family2']) for r in csv.DictReader(open('florentine_families_marriage_edges.csv'))];
  //   c=nx.constraint(F); print([repr(c[x]) for x in sorted(F)])"
  const std::vector<double> florentine = {
      1.0, 0.3333333333333333, 0.5, 0.482253086419753, 0.482253086419753, 1.0, 0.25, 1.0,
      0.2098765432098766, 1.0, 0.6558641975308641, 0.4598765432098765, 0.5, 0.4583333333333333,
      0.4598765432098765};
  std::vector<double> got = BurtConstraint(testing::FlorentineFamilies());
  ASSERT_EQ(got.size(), florentine.size());
  for (size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], florentine[i], 1e-9) << i;
  // Same for the karate club (nodes 0, 11, 33): c=nx.constraint(G).
  std::vector<double> karate = BurtConstraint(testing::KarateClub());
  EXPECT_NEAR(karate[0], 0.15542329764660495, 1e-9);
  EXPECT_NEAR(karate[11], 1.0, 1e-9);
  EXPECT_NEAR(karate[33], 0.1564186851211073, 1e-9);
}

TEST(GroupTiesTest, EiIndexAndMatrixByHand) {
  // People 0..4. Ties: 0-1, 1-2 (inside A = {0,1,2}), 2-3 (A to B), 3-4 (inside B = {3,4}),
  // 0-4 (A to B). C = {2,3} overlaps both.
  auto g = Projection::FromEdges(5, {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {0, 4}}, false).value();
  std::vector<std::vector<LocalId>> groups = {{0, 1, 2}, {3, 4}, {2, 3, 3}};
  auto ties = CountGroupTies(g, groups);
  ASSERT_EQ(ties.size(), 3u);
  EXPECT_EQ(ties[0].internal, 2u);
  EXPECT_EQ(ties[0].external, 2u);
  EXPECT_NEAR(ties[0].ei_index(), 0.0, 1e-12);
  EXPECT_EQ(ties[1].internal, 1u);
  EXPECT_EQ(ties[1].external, 2u);
  EXPECT_NEAR(ties[1].ei_index(), 1.0 / 3, 1e-12);
  EXPECT_EQ(ties[2].internal, 1u);  // 2-3
  EXPECT_EQ(ties[2].external, 2u);  // 1-2, 3-4
  auto m = TieMatrix(g, groups);
  EXPECT_EQ(m[0][1], 2u);  // 2-3 and 0-4
  EXPECT_EQ(m[1][0], 2u);
  EXPECT_EQ(m[0][0], 2u);
  EXPECT_EQ(m[1][1], 1u);
  EXPECT_EQ(m[2][2], 1u);
  // A-C pairs of distinct tied people: (1 in A, 2 in C) and (2 in A, 3 in C).
  EXPECT_EQ(m[0][2], 2u);
}

TEST(GroupTiesTest, GroupWithoutTiesHasNoIndex) {
  auto g = Projection::FromEdges(2, {}, false).value();
  auto ties = CountGroupTies(g, {{0, 1}});
  EXPECT_TRUE(std::isnan(ties[0].ei_index()));
}

}  // namespace
}  // namespace copmap::analytics
