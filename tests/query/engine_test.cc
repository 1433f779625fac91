// End-to-end tests of the engine on a real store: reads, writes,
// aggregation, ordering, paths, procedures, schema commands and limits.
#include <thread>

#include "tests/query/engine_test_util.h"

namespace copmap::query {
namespace {

using Lines = std::vector<std::string>;

class EngineEndToEnd : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    Run("CREATE (a:Person {id: 1, name: 'Ada', age: 36}), (b:Person {id: 2, name: 'Bob', age: 25}),"
        " (c:Person {id: 3, name: 'Cy', age: 41}), (d:Person:Admin {id: 4, name: 'Di'}),"
        " (k:Community {id: 10, name: 'Kubernetes'}), (s:Community {id: 11, name: 'Safety'}),"
        " (a)-[:KNOWS {strength: 0.9}]->(b), (b)-[:KNOWS {strength: 0.5}]->(c),"
        " (c)-[:KNOWS {strength: 0.1}]->(d), (a)-[:MEMBER_OF {role: 'core'}]->(k),"
        " (b)-[:MEMBER_OF {role: 'active'}]->(k), (c)-[:MEMBER_OF]->(s), (a)-[:MEMBER_OF]->(s)");
  }
};

TEST_F(EngineEndToEnd, MatchWhereReturn) {
  EXPECT_EQ(Rows("MATCH (p:Person) WHERE p.age > 30 RETURN p.name AS name ORDER BY name"),
            (Lines{"'Ada'", "'Cy'"}));
  EXPECT_EQ(Rows("MATCH (p:Person {name: 'Bob'}) RETURN p.id, p.age"), (Lines{"2|25"}));
  EXPECT_EQ(Rows("MATCH (p:Person) WHERE p.id = $id RETURN p.name", {{"id", Value(3)}}),
            (Lines{"'Cy'"}));
  EXPECT_EQ(Rows("MATCH (p:Admin) RETURN labels(p)"), (Lines{"['Person', 'Admin']"}));
  EXPECT_EQ(Rows("MATCH (p) WHERE p:Admin OR p.name STARTS WITH 'B' RETURN p.name ORDER BY p.name"),
            (Lines{"'Bob'", "'Di'"}));
  QueryResult r = Run("MATCH (p:Person {id: 2}) RETURN p");
  ASSERT_EQ(r.columns, (std::vector<std::string>{"p"}));
  ASSERT_EQ(r.rows.size(), 1u);
  ASSERT_TRUE(r.rows[0][0].is_node());
  EXPECT_EQ(r.rows[0][0].as_node().labels, (std::vector<std::string>{"Person"}));
}

TEST_F(EngineEndToEnd, ExpandBothDirectionsAndTypeAlternatives) {
  EXPECT_EQ(Rows("MATCH (a:Person {name: 'Ada'})-[:KNOWS]->(b) RETURN b.name"), (Lines{"'Bob'"}));
  EXPECT_EQ(Rows("MATCH (a:Person {name: 'Bob'})<-[:KNOWS]-(b) RETURN b.name"), (Lines{"'Ada'"}));
  EXPECT_EQ(Rows("MATCH (a:Person {name: 'Bob'})-[:KNOWS]-(b) RETURN b.name ORDER BY b.name"),
            (Lines{"'Ada'", "'Cy'"}));
  EXPECT_EQ(Rows("MATCH (a:Person {name: 'Ada'})-[r:KNOWS|MEMBER_OF]->(x) "
                 "RETURN type(r), x.name ORDER BY x.name"),
            (Lines{"'KNOWS'|'Bob'", "'MEMBER_OF'|'Kubernetes'", "'MEMBER_OF'|'Safety'"}));
  EXPECT_EQ(Rows("MATCH (p:Person)-[:MEMBER_OF]->(:Community)<-[:MEMBER_OF]-(q:Person) "
                 "WHERE p.id = 1 AND q.id <> 1 RETURN count(DISTINCT q.id) AS n"),
            (Lines{"2"}));
}

TEST_F(EngineEndToEnd, RelationshipsAreUniqueWithinAPattern) {
  // Going a-b and back b-a would reuse the one relationship: not a match.
  EXPECT_EQ(Rows("MATCH (a:Person {id: 1})-[:KNOWS]-(b)-[:KNOWS]-(c) RETURN c.name ORDER BY c.name"),
            (Lines{"'Cy'"}));
}

TEST_F(EngineEndToEnd, VariableLength) {
  EXPECT_EQ(Rows("MATCH (a:Person {id: 1})-[:KNOWS*1..2]->(b) RETURN b.name ORDER BY b.name"),
            (Lines{"'Bob'", "'Cy'"}));
  EXPECT_EQ(Rows("MATCH (a:Person {id: 1})-[:KNOWS*2]->(b) RETURN b.name"), (Lines{"'Cy'"}));
  EXPECT_EQ(Rows("MATCH (a:Person {id: 1})-[:KNOWS*]->(b) RETURN count(*)"), (Lines{"3"}));
  EXPECT_EQ(Rows("MATCH (a:Person {id: 1})-[:KNOWS*..2]->(b) RETURN count(*)"), (Lines{"2"}));
  EXPECT_EQ(Rows("MATCH (a:Person {id: 1})-[rs:KNOWS*3]->(b) RETURN size(rs), b.name"),
            (Lines{"3|'Di'"}));
  EXPECT_EQ(Rows("MATCH p = (a:Person {id: 1})-[:KNOWS*2]->(b) RETURN length(p), "
                 "[n IN nodes(p) | n.name]"),
            (Lines{"2|['Ada', 'Bob', 'Cy']"}));
}

TEST_F(EngineEndToEnd, UnboundedStarFailsClearlyPastTheDepthLimit) {
  Run("UNWIND range(1, 12) AS i CREATE (:Chain {i: i})");
  Run("MATCH (a:Chain), (b:Chain) WHERE b.i = a.i + 1 CREATE (a)-[:NEXT]->(b)");
  std::string error = Error("MATCH (a:Chain {i: 1})-[:NEXT*]->(b) RETURN count(*)");
  EXPECT_NE(error.find("ResourceExhausted: variable-length pattern reached the maximum depth of 8"),
            std::string::npos)
      << error;
  EXPECT_EQ(Rows("MATCH (a:Chain {i: 1})-[:NEXT*..20]->(b) RETURN count(*)"), (Lines{"11"}));
}

TEST_F(EngineEndToEnd, ShortestPath) {
  EXPECT_EQ(Rows("MATCH p = shortestPath((a:Person)-[:KNOWS*1..6]->(b:Person)) "
                 "WHERE a.id = 1 AND b.id = 4 RETURN length(p)"),
            (Lines{"3"}));
  EXPECT_EQ(Rows("MATCH p = shortestPath((a:Person)-[:KNOWS*1..2]->(b:Person)) "
                 "WHERE a.id = 1 AND b.id = 4 RETURN length(p)"),
            Lines{});
  Run("MATCH (a:Person {id: 1}), (c:Person {id: 3}) CREATE (a)-[:KNOWS]->(c)");
  EXPECT_EQ(Rows("MATCH p = shortestPath((a:Person {id: 1})-[:KNOWS*]->(b:Person {id: 4})) "
                 "RETURN [n IN nodes(p) | n.id]"),
            (Lines{"[1, 3, 4]"}));
  Run("MATCH (a:Person {id: 2}), (d:Person {id: 4}) CREATE (a)-[:KNOWS]->(d)");
  Run("MATCH (a:Person {id: 1}), (d:Person {id: 4}) CREATE (a)-[:LIKES]->(d)");
  EXPECT_EQ(Rows("MATCH p = allShortestPaths((a:Person {id: 1})-[:KNOWS*]->(b:Person {id: 4})) "
                 "RETURN [n IN nodes(p) | n.id] AS ids ORDER BY ids"),
            (Lines{"[1, 2, 4]", "[1, 3, 4]"}));
}

TEST_F(EngineEndToEnd, AggregationGroupingOrderSkipLimit) {
  EXPECT_EQ(Rows("MATCH (p:Person)-[:MEMBER_OF]->(c:Community) "
                 "RETURN c.name AS name, count(*) AS members, collect(p.name) AS who "
                 "ORDER BY members DESC, name"),
            (Lines{"'Kubernetes'|2|['Ada', 'Bob']", "'Safety'|2|['Ada', 'Cy']"}));
  EXPECT_EQ(Rows("MATCH (p:Person) RETURN count(*), count(p.age), sum(p.age), min(p.age), "
                 "max(p.age), avg(p.age)"),
            (Lines{"4|3|102|25|41|34.0"}));
  // Nulls sort after every value: first when descending.
  EXPECT_EQ(Rows("MATCH (p:Person) RETURN p.name ORDER BY p.age DESC SKIP 1 LIMIT 2"),
            (Lines{"'Cy'", "'Ada'"}));
  EXPECT_EQ(Rows("MATCH (p:Person) RETURN p.name ORDER BY p.age LIMIT 10"),
            (Lines{"'Bob'", "'Ada'", "'Cy'", "'Di'"}));
  EXPECT_EQ(Rows("MATCH (p:Person) WITH p ORDER BY p.id LIMIT 2 RETURN collect(p.name)"),
            (Lines{"['Ada', 'Bob']"}));
  EXPECT_EQ(Rows("MATCH (n:Nothing) RETURN count(n)"), (Lines{"0"}));
  EXPECT_EQ(Rows("MATCH (p:Person)-[:MEMBER_OF]->(c) WITH c, count(p) AS n WHERE n = 2 "
                 "RETURN count(c) AS domains"),
            (Lines{"2"}));
  EXPECT_EQ(Rows("UNWIND [3, 1, 2, 1] AS x RETURN DISTINCT x ORDER BY x"),
            (Lines{"1", "2", "3"}));
}

TEST_F(EngineEndToEnd, ExpressionsAndOptionalMatch) {
  EXPECT_EQ(Rows("RETURN 1 + 2 * 3, 2 ^ 3, 'a' + 'b', [1, 2, 3][1], [1, 2, 3, 4][1..3], "
                 "NOT true OR true, CASE WHEN 1 > 2 THEN 'x' ELSE 'y' END"),
            (Lines{"7|8.0|'ab'|2|[2, 3]|true|'y'"}));
  EXPECT_EQ(Rows("RETURN [x IN range(1, 5) WHERE x % 2 = 1 | x * 10], "
                 "all(x IN [1, 2] WHERE x > 0), any(x IN [1, 2] WHERE x > 1)"),
            (Lines{"[10, 30, 50]|true|true"}));
  EXPECT_EQ(Rows("MATCH (p:Person) OPTIONAL MATCH (p)-[:KNOWS]->(q) "
                 "RETURN p.name, q.name ORDER BY p.name"),
            (Lines{"'Ada'|'Bob'", "'Bob'|'Cy'", "'Cy'|'Di'", "'Di'|null"}));
  EXPECT_EQ(Rows("MATCH (p:Person) WHERE (p)-[:MEMBER_OF]->(:Community {name: 'Safety'}) "
                 "RETURN p.name ORDER BY p.name"),
            (Lines{"'Ada'", "'Cy'"}));
  EXPECT_EQ(Rows("MATCH (p:Person) WHERE NOT EXISTS { MATCH (p)-[:MEMBER_OF]->() } "
                 "RETURN p.name"),
            (Lines{"'Di'"}));
  EXPECT_EQ(Rows("RETURN 1 AS x UNION RETURN 1 AS x UNION RETURN 2 AS x"), (Lines{"1", "2"}));
  EXPECT_EQ(Rows("RETURN 1 AS x UNION ALL RETURN 1 AS x"), (Lines{"1", "1"}));
}

TEST_F(EngineEndToEnd, WritesAndCounters) {
  QueryResult r = Run("MATCH (p:Person {id: 4}) SET p.age = 50, p:Senior REMOVE p:Admin");
  EXPECT_EQ(r.summary.counters.properties_set, 1u);
  EXPECT_EQ(r.summary.counters.labels_added, 1u);
  EXPECT_EQ(r.summary.counters.labels_removed, 1u);
  EXPECT_EQ(Rows("MATCH (p:Senior) RETURN p.age, labels(p)"), (Lines{"50|['Person', 'Senior']"}));
  Run("MATCH (p:Person {id: 4}) SET p += {title: 'CTO'}");
  EXPECT_EQ(Rows("MATCH (p:Person {id: 4}) RETURN keys(p)"), (Lines{"['age', 'id', 'name', 'title']"}));
  Run("MATCH (p:Person {id: 4}) SET p = {id: 4}");
  EXPECT_EQ(Rows("MATCH (p:Person {id: 4}) RETURN properties(p)"), (Lines{"{id: 4}"}));
  // MERGE matches once, then creates once.
  r = Run("MERGE (c:Community {name: 'Safety'}) ON MATCH SET c.seen = true RETURN c.id");
  EXPECT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.summary.counters.nodes_created, 0u);
  r = Run("MERGE (c:Community {name: 'New'}) ON CREATE SET c.fresh = true RETURN c.fresh");
  EXPECT_EQ(r.summary.counters.nodes_created, 1u);
  EXPECT_EQ(r.rows[0][0], Value(true));
  // DELETE of a connected node fails and changes nothing; DETACH DELETE works.
  std::string error = Error("MATCH (p:Person {id: 1}) DELETE p");
  EXPECT_NE(error.find("ConstraintError: DeleteConnectedNode"), std::string::npos) << error;
  EXPECT_EQ(Rows("MATCH (p:Person {id: 1}) RETURN p.name"), (Lines{"'Ada'"}));
  r = Run("MATCH (p:Person {id: 1}) DETACH DELETE p");
  EXPECT_EQ(r.summary.counters.nodes_deleted, 1u);
  EXPECT_EQ(r.summary.counters.relationships_deleted, 3u);
  EXPECT_EQ(Rows("MATCH (p:Person) RETURN count(*)"), (Lines{"3"}));
}

TEST_F(EngineEndToEnd, AFailingQueryChangesNothing) {
  std::string error = Error("CREATE (:Temp {v: 1}) WITH 1 AS x RETURN 1 / 0");
  EXPECT_EQ(Rows("MATCH (t:Temp) RETURN count(t)"), (Lines{"0"}));
}

TEST_F(EngineEndToEnd, WritesSeeNoRowsTheyCreate) {
  Run("MATCH (p:Person) CREATE (:Person {copy: true})");
  EXPECT_EQ(Rows("MATCH (p:Person) RETURN count(*)"), (Lines{"8"}));
}

TEST_F(EngineEndToEnd, ProceduresAndSchema) {
  EXPECT_EQ(Rows("CALL db.labels() YIELD label RETURN label ORDER BY label"),
            (Lines{"'Admin'", "'Community'", "'Person'"}));
  EXPECT_EQ(Rows("CALL db.relationshipTypes()"), (Lines{"'KNOWS'", "'MEMBER_OF'"}));
  QueryResult r = Run("CREATE INDEX person_id FOR (p:Person) ON (p.id)");
  EXPECT_EQ(r.summary.counters.indexes_added, 1u);
  EXPECT_EQ(Rows("SHOW INDEXES"), (Lines{"'person_id'|'RANGE'|'Person'|'id'"}));
  auto plan = engine_->Explain("MATCH (p:Person) WHERE p.id = $id RETURN p.name");
  ASSERT_TRUE(plan.ok());
  EXPECT_NE(plan->find("NodeIndexSeek :Person(id)"), std::string::npos) << *plan;
  EXPECT_EQ(Rows("MATCH (p:Person) WHERE p.id = $id RETURN p.name", {{"id", Value(2)}}),
            (Lines{"'Bob'"}));
  EXPECT_EQ(Rows("MATCH (p:Person) WHERE p.id >= 3 RETURN p.name ORDER BY p.name"),
            (Lines{"'Cy'", "'Di'"}));
  Run("CREATE CONSTRAINT community_name FOR (c:Community) REQUIRE c.name IS UNIQUE");
  std::string error = Error("CREATE (:Community {name: 'Safety'})");
  EXPECT_EQ(error.rfind("ConstraintError", 0), 0u) << error;
  Run("DROP INDEX person_id");
  EXPECT_EQ(Rows("SHOW INDEXES"), (Lines{"'community_name'|'UNIQUE'|'Community'|'name'"}));
}

TEST_F(EngineEndToEnd, ExplainAndProfile) {
  QueryResult r = Run("PROFILE MATCH (p:Person)-[:KNOWS]->(q) RETURN q.name");
  EXPECT_EQ(r.rows.size(), 3u);
  EXPECT_NE(r.summary.plan.find("Expand"), std::string::npos) << r.summary.plan;
  EXPECT_NE(r.summary.plan.find("rows=3"), std::string::npos) << r.summary.plan;
  r = Run("EXPLAIN MATCH (p:Person) RETURN p");
  EXPECT_TRUE(r.rows.empty());
  EXPECT_NE(r.summary.plan.find("NodeByLabelScan :Person"), std::string::npos) << r.summary.plan;
}

TEST_F(EngineEndToEnd, ErrorsCarryKindPositionAndDetail) {
  EXPECT_EQ(Error("MATCH (n) RETURN x"),
            "SemanticError: 1:18: UndefinedVariable: Variable `x` not defined\n"
            "MATCH (n) RETURN x\n                 ^");
  EXPECT_EQ(Error("MATCH (n) WHERE count(n) > 1 RETURN n"),
            "SemanticError: 1:17: InvalidAggregation: Invalid use of aggregating function "
            "count(...) in this context\nMATCH (n) WHERE count(n) > 1 RETURN n\n"
            "                ^");
  EXPECT_EQ(Error("MATCH (n)-[r]->(m) MATCH (r) RETURN r"),
            "SemanticError: 1:27: VariableTypeConflict: Variable `r` already declared as another "
            "type\nMATCH (n)-[r]->(m) MATCH (r) RETURN r\n                          ^");
  EXPECT_EQ(Error("CREATE (a:X) CREATE (a:Y)"),
            "SemanticError: 1:22: VariableAlreadyBound: Variable `a` already declared\n"
            "CREATE (a:X) CREATE (a:Y)\n                     ^");
  EXPECT_EQ(Error("MATCH (n) WITH n.x RETURN 1"),
            "SemanticError: 1:16: NoExpressionAlias: Expression in WITH must be aliased (use AS)\n"
            "MATCH (n) WITH n.x RETURN 1\n               ^");
  EXPECT_EQ(Error("RETURN $missing"), "ParameterMissing: Expected parameter(s): missing");
  EXPECT_EQ(Error("RETURN nosuch(1)").substr(0, 40), "SyntaxError: 1:8: UnknownFunction: Unkno");
  QueryOptions ro;
  ro.read_only = true;
  EXPECT_EQ(engine_->Run("CREATE (:X)", ro).status().code(), Status::Code::kPermissionDenied);
}

TEST_F(EngineEndToEnd, LimitsAndCancellation) {
  QueryOptions options;
  options.max_rows = 2;
  auto r = engine_->Run("UNWIND range(1, 10) AS x RETURN x", options);
  EXPECT_EQ(r.status().code(), Status::Code::kResourceExhausted);
  std::atomic<bool> cancel{true};
  QueryOptions cancelled;
  cancelled.cancel = &cancel;
  r = engine_->Run("UNWIND range(1, 100000) AS x RETURN count(*)", cancelled);
  EXPECT_EQ(r.status().code(), Status::Code::kCancelled);
  QueryOptions timed;
  timed.timeout = std::chrono::milliseconds(1);
  r = engine_->Run("UNWIND range(1, 3000) AS x UNWIND range(1, 3000) AS y RETURN count(*)", timed);
  EXPECT_EQ(r.status().code(), Status::Code::kTimeout);
}

}  // namespace
}  // namespace copmap::query
