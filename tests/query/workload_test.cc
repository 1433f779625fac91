// The workload queries of the CoP benchmark (shared/bench/WORKLOAD.md),
// verbatim, on a small graph whose answers are worked out by hand. Once
// with and once without an index on Person.id, since the plans differ.
#include "tests/query/engine_test_util.h"

namespace copmap::query {
namespace {

using Lines = std::vector<std::string>;

constexpr const char* kQ1 = "MATCH (p:Person) WHERE p.id = $id RETURN p.name AS name, p.email AS email";
constexpr const char* kQ2 =
    "MATCH (p:Person)-[:MEMBER_OF]->(c:Community) WHERE p.id = $id RETURN c.name AS name";
constexpr const char* kQ3 =
    "MATCH (p:Person)-[:MEMBER_OF]->(:Community)<-[:MEMBER_OF]-(q:Person)\n"
    "WHERE p.id = $id AND q.id <> $id\n"
    "RETURN count(DISTINCT q.id) AS n";
constexpr const char* kQ4 =
    "MATCH (p:Person)-[e:EXPERT_IN]->(d:Domain) WHERE d.id = $id AND e.level >= 3\n"
    "RETURN p.id AS id, e.level AS level ORDER BY level DESC, id ASC LIMIT 10";
constexpr const char* kQ5 =
    "MATCH (a:Person)-[:KNOWS*1..2]->(b:Person)-[:EXPERT_IN]->(d:Domain)\n"
    "WHERE a.id = $pid AND d.id = $did AND b.id <> $pid\n"
    "RETURN count(DISTINCT b.id) AS n";
constexpr const char* kQ6 =
    "MATCH p = shortestPath((a:Person)-[:KNOWS*1..6]->(b:Person))\n"
    "WHERE a.id = $src AND b.id = $dst\n"
    "RETURN length(p) AS len";
constexpr const char* kQ7 =
    "MATCH (p:Person)-[:MEMBER_OF]->(c:Community)\n"
    "RETURN c.id AS id, c.name AS name, count(*) AS members\n"
    "ORDER BY members DESC, id ASC LIMIT 10";
constexpr const char* kQ8 =
    "MATCH (p:Person)-[e:EXPERT_IN]->(d:Domain) WHERE e.level >= 4\n"
    "WITH d, count(p) AS n WHERE n = 1\n"
    "RETURN count(d) AS domains";
constexpr const char* kQ10 =
    "MATCH (a:Person), (b:Person) WHERE a.id = $src AND b.id = $dst\n"
    "CREATE (a)-[:KNOWS {strength: $w}]->(b)";

class WorkloadTest : public EngineTest, public ::testing::WithParamInterface<bool> {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    // People 1..5, communities 10, 11, domains 20, 21, 22.
    Run("UNWIND range(1, 5) AS i CREATE (:Person {id: i, name: 'p' + toString(i), "
        "email: 'p' + toString(i) + '@x.org'})");
    Run("CREATE (:Community {id: 10, name: 'Kube'}), (:Community {id: 11, name: 'Safety'}), "
        "(:Domain {id: 20, name: 'k8s'}), (:Domain {id: 21, name: 'rust'}), "
        "(:Domain {id: 22, name: 'ml'})");
    const char* edges[] = {
        "MATCH (p:Person {id: 1}), (c:Community {id: 10}) CREATE (p)-[:MEMBER_OF {role: 'core'}]->(c)",
        "MATCH (p:Person {id: 2}), (c:Community {id: 10}) CREATE (p)-[:MEMBER_OF]->(c)",
        "MATCH (p:Person {id: 3}), (c:Community {id: 10}) CREATE (p)-[:MEMBER_OF]->(c)",
        "MATCH (p:Person {id: 3}), (c:Community {id: 11}) CREATE (p)-[:MEMBER_OF]->(c)",
        "MATCH (p:Person {id: 4}), (c:Community {id: 11}) CREATE (p)-[:MEMBER_OF]->(c)",
        "MATCH (a:Person {id: 1}), (b:Person {id: 2}) CREATE (a)-[:KNOWS {strength: 0.5}]->(b)",
        "MATCH (a:Person {id: 2}), (b:Person {id: 3}) CREATE (a)-[:KNOWS {strength: 0.5}]->(b)",
        "MATCH (a:Person {id: 3}), (b:Person {id: 4}) CREATE (a)-[:KNOWS {strength: 0.5}]->(b)",
        "MATCH (a:Person {id: 2}), (b:Person {id: 1}) CREATE (a)-[:KNOWS {strength: 0.5}]->(b)",
        "MATCH (p:Person {id: 2}), (d:Domain {id: 20}) CREATE (p)-[:EXPERT_IN {level: 5}]->(d)",
        "MATCH (p:Person {id: 3}), (d:Domain {id: 20}) CREATE (p)-[:EXPERT_IN {level: 3}]->(d)",
        "MATCH (p:Person {id: 4}), (d:Domain {id: 20}) CREATE (p)-[:EXPERT_IN {level: 5}]->(d)",
        "MATCH (p:Person {id: 1}), (d:Domain {id: 20}) CREATE (p)-[:EXPERT_IN {level: 2}]->(d)",
        "MATCH (p:Person {id: 3}), (d:Domain {id: 21}) CREATE (p)-[:EXPERT_IN {level: 4}]->(d)",
    };
    for (const char* e : edges) Run(e);
    if (GetParam()) Run("CREATE INDEX person_id FOR (p:Person) ON (p.id)");
  }
};

TEST_P(WorkloadTest, Q1PointLookup) {
  EXPECT_EQ(Rows(kQ1, {{"id", Value(3)}}), (Lines{"'p3'|'p3@x.org'"}));
  EXPECT_EQ(Rows(kQ1, {{"id", Value(99)}}), Lines{});
  auto plan = engine_->Explain(kQ1);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->find("NodeIndexSeek :Person(id)") != std::string::npos, GetParam()) << *plan;
}

TEST_P(WorkloadTest, Q2OneHop) {
  EXPECT_EQ(Rows(std::string(kQ2) + " ORDER BY name", {{"id", Value(3)}}),
            (Lines{"'Kube'", "'Safety'"}));
}

TEST_P(WorkloadTest, Q3TwoHops) {
  EXPECT_EQ(Rows(kQ3, {{"id", Value(3)}}), (Lines{"3"}));
  EXPECT_EQ(Rows(kQ3, {{"id", Value(5)}}), (Lines{"0"}));
}

TEST_P(WorkloadTest, Q4ExpertFinder) {
  EXPECT_EQ(Rows(kQ4, {{"id", Value(20)}}), (Lines{"2|5", "4|5", "3|3"}));
}

TEST_P(WorkloadTest, Q5FriendsOfFriendsExperts) {
  // From 1: KNOWS reaches 2 (1 hop) and 3, 1 (2 hops); minus 1 itself.
  EXPECT_EQ(Rows(kQ5, {{"pid", Value(1)}, {"did", Value(20)}}), (Lines{"2"}));
  EXPECT_EQ(Rows(kQ5, {{"pid", Value(1)}, {"did", Value(21)}}), (Lines{"1"}));
}

TEST_P(WorkloadTest, Q6ShortestPath) {
  EXPECT_EQ(Rows(kQ6, {{"src", Value(1)}, {"dst", Value(4)}}), (Lines{"3"}));
  EXPECT_EQ(Rows(kQ6, {{"src", Value(4)}, {"dst", Value(1)}}), Lines{});
}

TEST_P(WorkloadTest, Q7LargestCommunities) {
  EXPECT_EQ(Rows(kQ7), (Lines{"10|'Kube'|3", "11|'Safety'|2"}));
}

TEST_P(WorkloadTest, Q8BusFactor) {
  // Level >= 4: domain 20 has two people (2, 4), domain 21 one (3).
  EXPECT_EQ(Rows(kQ8), (Lines{"1"}));
}

TEST_P(WorkloadTest, Q10SingleEdgeWrites) {
  QueryResult r = Run(kQ10, {{"src", Value(5)}, {"dst", Value(1)}, {"w", Value(0.25)}});
  EXPECT_EQ(r.summary.counters.relationships_created, 1u);
  Run(kQ10, {{"src", Value(5)}, {"dst", Value(1)}, {"w", Value(0.75)}});  // a parallel edge
  EXPECT_EQ(Rows("MATCH (:Person {id: 5})-[k:KNOWS]->(:Person {id: 1}) RETURN k.strength "
                 "ORDER BY k.strength"),
            (Lines{"0.25", "0.75"}));
  EXPECT_EQ(Rows("MATCH ()-[k:KNOWS]->() RETURN count(k)"), (Lines{"6"}));
}

INSTANTIATE_TEST_SUITE_P(IndexOnPersonId, WorkloadTest, ::testing::Bool());

}  // namespace
}  // namespace copmap::query
