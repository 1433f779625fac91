#include "query/analytics/betweenness.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "tests/analytics/classic_graphs.h"

namespace copmap::analytics {
namespace {

void ExpectScores(const std::vector<double>& got, const std::vector<double>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], 1e-9) << "node " << i;
}

TEST(BetweennessTest, PathAndStarByHand) {
  // Path a-b-c-d: b lies on a-c and a-d, c on a-d and b-d; 2 of the 3 pairs
  // not involving the node -> normalized 2/3, unnormalized 2.
  auto path = Projection::FromEdges(4, {{0, 1}, {1, 2}, {2, 3}}, false).value();
  auto norm = Betweenness(path);
  ASSERT_TRUE(norm.ok());
  ExpectScores(norm->score, {0, 2.0 / 3, 2.0 / 3, 0});
  EXPECT_TRUE(norm->exact);
  EXPECT_EQ(norm->error_bound, 0);
  BetweennessOptions raw;
  raw.normalized = false;
  ExpectScores(Betweenness(path, raw)->score, {0, 2, 2, 0});

  // Star with centre 0 and 4 leaves: every one of the 6 leaf pairs passes 0.
  auto star = Projection::FromEdges(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}}, false).value();
  ExpectScores(Betweenness(star)->score, {1, 0, 0, 0, 0});
  ExpectScores(Betweenness(star, raw)->score, {6, 0, 0, 0, 0});
}

TEST(BetweennessTest, SplitsCreditBetweenEqualPaths) {
  // Square 0-1-2-3-0: pair (0,2) has two shortest paths, via 1 and via 3.
  auto square = Projection::FromEdges(4, {{0, 1}, {1, 2}, {2, 3}, {3, 0}}, false).value();
  BetweennessOptions raw;
  raw.normalized = false;
  ExpectScores(Betweenness(square, raw)->score, {0.5, 0.5, 0.5, 0.5});
}

// Karate club, unweighted undirected:
// /usr/bin/python3 -c "import networkx as nx, csv; G=nx.Graph();
//   [G.add_edge(int(r['source']), int(r['target'])) for r in csv.DictReader(open('karate_club_edges.csv'))];
//   bc=nx.betweenness_centrality(G); print([repr(bc[i]) for i in range(34)])"
// (run in ../shared/datasets/classic with networkx 2.8.8)
const std::vector<double> kKarate = {
    0.4376352813852815,    0.05393668831168831,   0.14365680615680615,  0.011909271284271283,
    0.0006313131313131313, 0.02998737373737374,   0.029987373737373736, 0.0,
    0.05592682780182782,   0.0008477633477633478, 0.0006313131313131313, 0.0,
    0.0,                   0.045863395863395856,  0.0,                  0.0,
    0.0,                   0.0,                   0.0,                  0.03247504810004811,
    0.0,                   0.0,                   0.0,                  0.017613636363636363,
    0.0022095959595959595, 0.0038404882154882162, 0.0,                  0.022333453583453587,
    0.0017947330447330447, 0.0029220779220779218, 0.014411976911976905, 0.13827561327561327,
    0.14524711399711404,   0.30407497594997596};

TEST(BetweennessTest, EqualsNetworkxOnKarate) {
  auto bc = Betweenness(testing::KarateClub());
  ASSERT_TRUE(bc.ok());
  ExpectScores(bc->score, kKarate);
}

TEST(BetweennessTest, EqualsNetworkxOnWeightedKarate) {
  // Same as above with G.add_edge(..., weight=int(r['weight'])) and
  // nx.betweenness_centrality(G, weight='weight').
  const std::vector<double> want = {
      0.4737689393939393,   0.06401515151515152,  0.0694128787878788,  0.0025252525252525255,
      0.000946969696969697, 0.029356060606060608, 0.029356060606060608, 0.0,
      0.024810606060606057, 0.01379419191919192,  0.000946969696969697, 0.0,
      0.0,                  0.0022727272727272726, 0.0,                0.0,
      0.0,                  0.030492424242424238, 0.005681818181818182, 0.24065656565656568,
      0.0,                  0.0,                  0.0,                 0.001893939393939394,
      0.06407828282828283,  0.000946969696969697, 0.0,                 0.01231060606060606,
      0.019128787878787877, 0.0,                  0.005681818181818182, 0.12563131313131315,
      0.07222222222222223,  0.396780303030303};
  BetweennessOptions options;
  options.weighted = true;
  auto bc = Betweenness(testing::KarateClub(/*weighted=*/true), options);
  ASSERT_TRUE(bc.ok());
  ExpectScores(bc->score, want);
}

TEST(BetweennessTest, EqualsNetworkxOnDirectedKarate) {
  // Same as the first with D=nx.DiGraph() (arcs source -> target, source < target).
  const std::vector<double> want = {
      0.0, 0.0004734848484848485, 0.008364898989898988, 0.001893939393939394, 0.0,
      0.0004734848484848485, 0.0014204545454545455, 0.0, 0.002130681818181818,
      0.00015782828282828281, 0.0, 0.0, 0.0, 0.0016571969696969697, 0.0, 0.0, 0.0, 0.0, 0.0,
      0.0005523989898989899, 0.0, 0.0, 0.0, 0.0, 0.0, 0.000946969696969697, 0.0,
      0.0006313131313131313, 0.002051767676767677, 0.000946969696969697, 0.0007891414141414141,
      0.004813762626262626, 0.00015782828282828281, 0.0};
  auto bc = Betweenness(testing::KarateClub(false, /*directed=*/true));
  ASSERT_TRUE(bc.ok());
  ExpectScores(bc->score, want);
}

TEST(BetweennessTest, EqualsNetworkxOnFlorentineFamilies) {
  // /usr/bin/python3 -c "import networkx as nx, csv; F=nx.Graph();
  //   [F.add_edge(r['family1'], r['family2']) for r in csv.DictReader(open('florentine_families_marriage_edges.csv'))];
  //   b=nx.betweenness_centrality(F); print([repr(b[x]) for x in sorted(F)])"
  const std::vector<double> want = {
      0.0, 0.2124542124542125, 0.09340659340659341, 0.1043956043956044, 0.05494505494505495,
      0.0, 0.25457875457875456, 0.0, 0.521978021978022, 0.0, 0.02197802197802198,
      0.11355311355311355, 0.14285714285714288, 0.10256410256410256, 0.09157509157509158};
  std::vector<std::string> names;
  auto bc = Betweenness(testing::FlorentineFamilies(&names));
  ASSERT_TRUE(bc.ok());
  ASSERT_EQ(names.size(), 15u);
  EXPECT_EQ(names[8], "Medici");
  ExpectScores(bc->score, want);
}

TEST(BetweennessTest, ThreadsGiveTheSameScores) {
  BetweennessOptions options;
  options.threads = 2;
  auto bc = Betweenness(testing::KarateClub(), options);
  ASSERT_TRUE(bc.ok());
  ExpectScores(bc->score, kKarate);
}

TEST(BetweennessTest, SampledIsDeterministicAndWithinItsStatedBound) {
  Projection g = testing::KarateClub();
  BetweennessOptions options;
  options.samples = 16;
  options.seed = 7;
  auto a = Betweenness(g, options);
  auto b = Betweenness(g, options);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_FALSE(a->exact);
  EXPECT_EQ(a->pivots, 16u);
  EXPECT_EQ(a->score, b->score);
  // (34/33) * sqrt(ln(2/0.05) / (2*16))
  EXPECT_NEAR(a->error_bound, 34.0 / 33 * std::sqrt(std::log(40.0) / 32), 1e-12);
  // The bound holds per node with 95% probability; on this seed it holds for all.
  for (size_t v = 0; v < kKarate.size(); ++v) {
    EXPECT_LE(std::abs(a->score[v] - kKarate[v]), a->error_bound) << "node " << v;
  }
  options.seed = 8;
  EXPECT_NE(Betweenness(g, options)->score, a->score);
  // As many pivots as nodes is the exact computation.
  options.samples = 34;
  auto all = Betweenness(g, options);
  EXPECT_TRUE(all->exact);
  ExpectScores(all->score, kKarate);
}

TEST(BetweennessTest, RejectsBadConfidenceAndNegativeWeights) {
  BetweennessOptions options;
  options.confidence = 1.0;
  EXPECT_EQ(Betweenness(testing::KarateClub(), options).status().message(),
            "betweenness: confidence must lie in (0, 1), got 1.000000");
  auto g = Projection::FromEdges(3, {{0, 1, 1.0}, {1, 2, -2.0}}, false).value();
  BetweennessOptions weighted;
  weighted.weighted = true;
  EXPECT_EQ(Betweenness(g, weighted).status().code(), Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace copmap::analytics
