// CALL cop.* through the query engine: the analytics are registered as
// procedures, take optional trailing arguments, and compose with the rest
// of a query.
#include "tests/query/engine_test_util.h"

namespace copmap::query {
namespace {

class CopCallTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    // "kubernetes" has two staying experts at level 4+; "hl7" has one.
    Run("CREATE (a:Person {name: 'Ada', email: 'ada@x'}), (b:Person {name: 'Bo', email: 'bo@x'}),"
        "       (k:Domain {name: 'kubernetes'}), (h:Domain {name: 'hl7'}),"
        "       (a)-[:EXPERT_IN {level: 5}]->(k), (b)-[:EXPERT_IN {level: 4}]->(k),"
        "       (a)-[:EXPERT_IN {level: 4}]->(h), (b)-[:EXPERT_IN {level: 2}]->(h)");
  }
};

TEST_F(CopCallTest, OptionalArgumentMayBeLeftOut) {
  EXPECT_EQ(Rows("CALL cop.knowledgeAtRisk() YIELD kind, name, experts "
                 "RETURN kind, name, experts"),
            (std::vector<std::string>{"'domain'|'hl7'|1"}));
}

TEST_F(CopCallTest, OptionsChangeTheAnswer) {
  EXPECT_EQ(Rows("CALL cop.knowledgeAtRisk({minExperts: 3}) YIELD name "
                 "RETURN name ORDER BY name"),
            (std::vector<std::string>{"'hl7'", "'kubernetes'"}));
}

TEST_F(CopCallTest, ComposesWithMatch) {
  EXPECT_EQ(Rows("CALL cop.knowledgeAtRisk() YIELD node "
                 "MATCH (p:Person)-[e:EXPERT_IN]->(node) "
                 "RETURN p.name, e.level ORDER BY e.level DESC"),
            (std::vector<std::string>{"'Ada'|4", "'Bo'|2"}));
}

TEST_F(CopCallTest, TooManyArgumentsIsASemanticError) {
  EXPECT_NE(Error("CALL cop.knowledgeAtRisk({}, 1) YIELD name RETURN name")
                .find("InvalidNumberOfArguments: Procedure call does not provide the required "
                      "number of arguments: got 2 expected 0 to 1"),
            std::string::npos);
}

}  // namespace
}  // namespace copmap::query
