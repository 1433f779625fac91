// Counts per group node (planner/plan_count.cc, executor/expand_count.cc) and
// label facts (executor/label_facts.h): the answers must equal those of the
// row-by-row plan whether or not the relationship type implies the labels,
// and must follow writes (a new committed state has new facts).
#include "tests/query/engine_test_util.h"

namespace copmap::query {
namespace {

using Lines = std::vector<std::string>;

// Counted per group (ExpandCount): count(*) by community.
constexpr const char* kByCommunity =
    "MATCH (p:Person)-[:MEMBER_OF]->(c:Community) RETURN c.id AS id, count(*) AS n ORDER BY id";
// The same answer, row by row: count(p.id) is not a plain count of rows.
constexpr const char* kByCommunityRows =
    "MATCH (p:Person)-[:MEMBER_OF]->(c:Community) RETURN c.id AS id, count(p.id) AS n ORDER BY id";
// Q8's shape: a predicate on the relationship, checked per relationship.
constexpr const char* kLevelAtLeast4 =
    "MATCH (p:Person)-[e:EXPERT_IN]->(d:Domain) WHERE e.level >= 4 "
    "WITH d, count(p) AS n RETURN d.id AS id, n ORDER BY id";
constexpr const char* kLevelAtLeast4Rows =
    "MATCH (p:Person)-[e:EXPERT_IN]->(d:Domain) WHERE e.level >= 4 "
    "WITH d, count(p.id) AS n RETURN d.id AS id, n ORDER BY id";

class GroupCountTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    // 1,100 members: more than the 1,024 checks after which the label facts
    // are computed, so both the checked and the degree-count paths run.
    Run("CREATE (:Community {id: 1}), (:Community {id: 2}), (:Domain {id: 7}), (:Domain {id: 8})");
    Run("MATCH (c:Community {id: 1}), (d:Domain {id: 7}) UNWIND range(1, 1100) AS i "
        "CREATE (p:Person {id: 100 + i})-[:MEMBER_OF]->(c), "
        "(p)-[:EXPERT_IN {level: i % 6}]->(d)");
    Run("MATCH (c:Community {id: 2}), (d:Domain {id: 8}) UNWIND range(1, 3) AS i "
        "CREATE (p:Person {id: 5000 + i})-[:MEMBER_OF]->(c), (p)-[:EXPERT_IN {level: 5}]->(d)");
  }

  std::string Plan(const char* text) {
    auto plan = engine_->Explain(text);
    EXPECT_TRUE(plan.ok()) << plan.status().ToString();
    return plan.ok() ? *plan : "";
  }
};

TEST_F(GroupCountTest, PlansCountsPerGroupAndMatchesRowByRow) {
  EXPECT_NE(Plan(kByCommunity).find("ExpandCount"), std::string::npos) << Plan(kByCommunity);
  EXPECT_EQ(Plan(kByCommunityRows).find("ExpandCount"), std::string::npos);
  const Lines want{"1|1100", "2|3"};
  EXPECT_EQ(Rows(kByCommunity), want);
  EXPECT_EQ(Rows(kByCommunity), want);  // second run: the facts are known from the start
  EXPECT_EQ(Rows(kByCommunityRows), want);

  // i % 6 in {4, 5} for 1..1100: 183 + 183 values; plus the 3 level-5 experts of domain 8.
  EXPECT_NE(Plan(kLevelAtLeast4).find("ExpandCount"), std::string::npos);
  EXPECT_EQ(Rows(kLevelAtLeast4), (Lines{"7|366", "8|3"}));
  EXPECT_EQ(Rows(kLevelAtLeast4Rows), (Lines{"7|366", "8|3"}));
}

TEST_F(GroupCountTest, AWriteThatBreaksTheLabelFactIsSeen) {
  EXPECT_EQ(Rows(kByCommunity), (Lines{"1|1100", "2|3"}));
  // A member that is no Person: MEMBER_OF no longer implies :Person.
  Run("MATCH (c:Community {id: 2}) CREATE (:Bot {id: 9})-[:MEMBER_OF]->(c)");
  EXPECT_EQ(Rows(kByCommunity), (Lines{"1|1100", "2|3"}));
  EXPECT_EQ(Rows(kByCommunityRows), (Lines{"1|1100", "2|3"}));
  EXPECT_EQ(Rows("MATCH (x)-[:MEMBER_OF]->(c:Community {id: 2}) RETURN count(*)"), (Lines{"4"}));
  // Labelled a Person, it counts.
  Run("MATCH (b:Bot) SET b:Person");
  EXPECT_EQ(Rows(kByCommunity), (Lines{"1|1100", "2|4"}));
}

TEST_F(GroupCountTest, NodeFilterAfterExpandUsesTheFactsAndStaysExact) {
  // Many rows reach the (p:Person) filter through MEMBER_OF.
  const char* q = "MATCH (c:Community)<-[:MEMBER_OF]-(p:Person) RETURN count(p.id) AS n";
  EXPECT_EQ(Rows(q), (Lines{"1103"}));
  EXPECT_EQ(Rows(q), (Lines{"1103"}));
  Run("MATCH (c:Community {id: 1}) CREATE (:Bot {id: 9})-[:MEMBER_OF]->(c)");
  EXPECT_EQ(Rows(q), (Lines{"1103"}));
  EXPECT_EQ(Rows(q), (Lines{"1103"}));
}

TEST_F(GroupCountTest, GroupsWithoutNeighboursAndGlobalCounts) {
  Run("CREATE (:Community {id: 3})");  // no members: no group, as row by row
  EXPECT_EQ(Rows(kByCommunity), (Lines{"1|1100", "2|3"}));
  EXPECT_EQ(Rows("MATCH (p:Person)-[:MEMBER_OF]->(c:Community) RETURN count(*)"), (Lines{"1103"}));
  EXPECT_EQ(Rows("MATCH (p:Nobody)-[:MEMBER_OF]->(c:Community) RETURN count(*)"), (Lines{"0"}));
  EXPECT_EQ(Rows("MATCH (p:Person)-[:NO_SUCH_TYPE]->(c) RETURN c, count(*)"), Lines{});
}

}  // namespace
}  // namespace copmap::query
