// Binder tests: scopes, implicit grouping keys and compile-time errors with
// openCypher detail names and positions. No store needed.
#include "query/binder/binder.h"

#include <gtest/gtest.h>

#include "query/parser/parser.h"

namespace copmap::query {
namespace {

Result<BoundStatement> BindText(std::string_view text) {
  auto statement = Parse(text);
  if (!statement.ok()) return statement.status();
  return Bind(*statement, text);
}

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

std::string ErrorOf(std::string_view text) {
  auto r = BindText(text);
  return r.ok() ? "OK" : r.status().ToString();
}

TEST(BinderTest, WithStartsANewScope) {
  EXPECT_EQ(ErrorOf("MATCH (a)-->(b) WITH a RETURN b"),
            "SemanticError: 1:31: UndefinedVariable: Variable `b` not defined\n"
            "MATCH (a)-->(b) WITH a RETURN b\n                              ^");
  EXPECT_EQ(ErrorOf("MATCH (a)-->(b) WITH a AS x RETURN x"), "OK");
}

TEST(BinderTest, SplitsKeysFromAggregates) {
  auto r = BindText("MATCH (p)-->(c) RETURN c.name AS name, count(*) * 2 AS twice, p");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const BoundClause& ret = r->queries[0].clauses.back();
  ASSERT_TRUE(ret.projection.aggregating);
  EXPECT_EQ(ret.projection.keys.size(), 2u);   // name, p
  EXPECT_EQ(ret.projection.items.size(), 1u);  // twice
  EXPECT_EQ(ret.projection.aggregates.size(), 1u);
  EXPECT_TRUE(ret.projection.aggregates[0].star);
  EXPECT_EQ(r->queries[0].columns, (std::vector<std::string>{"name", "twice", "p"}));
  EXPECT_EQ(r->queries[0].column_kinds[2], VarKind::kNode);
}

TEST(BinderTest, AggregationErrors) {
  EXPECT_EQ(ErrorOf("RETURN count(count(*))"),
            "SemanticError: 1:14: NestedAggregation: Can't use aggregate functions inside of "
            "aggregate functions\nRETURN count(count(*))\n             ^");
  EXPECT_PRED2(StartsWith, ErrorOf("UNWIND [1] AS x WITH x WHERE sum(x) > 1 RETURN x"),
              "SemanticError: 1:30: InvalidAggregation: Inval");
}

TEST(BinderTest, ClauseCompositionAndUnion) {
  EXPECT_PRED2(StartsWith, ErrorOf("MATCH (n)"),
              "SemanticError: 1:1: InvalidClauseComposition: Query can");
  EXPECT_PRED2(StartsWith, ErrorOf("RETURN 1 AS a UNION RETURN 2 AS b"),
              "SemanticError: 1:15: DifferentColumnsInUnion: All sub");
  EXPECT_PRED2(StartsWith, ErrorOf("RETURN 1 UNION ALL RETURN 1 UNION RETURN 1"),
              "SemanticError: 1:29: InvalidClauseComposition: UNI");
}

TEST(BinderTest, PatternErrors) {
  EXPECT_PRED2(StartsWith, ErrorOf("CREATE (a)-[:R|S]->(b)"),
              "SemanticError: 1:11: NoSingleRelationshipType: a relat");
  EXPECT_PRED2(StartsWith, ErrorOf("CREATE (a)-[:R]-(b)"),
              "SemanticError: 1:11: RequiresDirectedRelationship: a rel");
  // openCypher: a range whose upper bound is below its lower one matches
  // nothing; <--> is undirected. Neither is an error.
  EXPECT_EQ(ErrorOf("MATCH (a)-[:R*3..2]->(b) RETURN a"), "OK");
  EXPECT_EQ(ErrorOf("MATCH (a)<-[:R]->(b) RETURN a"), "OK");
  EXPECT_PRED2(StartsWith, ErrorOf("CREATE (a)<-[:R]->(b)"),
              "SemanticError: 1:11: RequiresDirectedRelationship: a rel");
  EXPECT_PRED2(StartsWith, ErrorOf("CALL db.nothing()"),
              "SemanticError: 1:1: ProcedureNotFound: There is no");
}

TEST(BinderTest, DeepOperatorChainsAreRefused) {
  std::string sum = "RETURN 1";
  for (int i = 0; i < 1000; ++i) sum += " + 1";
  EXPECT_NE(ErrorOf(sum).find("nested too deeply"), std::string::npos);
  // The error points at where the too deep expression starts.
  std::string on_line_two = "MATCH (n)\nRETURN n.a";
  for (int i = 0; i < 1000; ++i) on_line_two += " + 1";
  EXPECT_PRED2(StartsWith, ErrorOf(on_line_two),
               "SemanticError: 2:8: ExpressionTooDeep: expression is nested too deeply (more "
               "than 400 levels); compute parts of it in a WITH clause first\nRETURN n.a + 1");
  std::string ok = "RETURN 1";
  for (int i = 0; i < 300; ++i) ok += " + 1";
  EXPECT_EQ(ErrorOf(ok), "OK");
}

}  // namespace
}  // namespace copmap::query
