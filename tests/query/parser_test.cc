// Parser tests: the whole language parses into the expected shape, and
// syntax errors read exactly "line:column: message", the source line and a
// caret under the spot.
#include "query/parser/parser.h"

#include <string>

#include <gtest/gtest.h>

namespace copmap::query {
namespace {

std::string ErrorOf(std::string_view text) {
  Result<ast::Statement> r = Parse(text);
  if (r.ok()) return "OK";
  EXPECT_EQ(r.status().code(), Status::Code::kSyntaxError);
  return r.status().message();
}

const ast::Query& QueryOf(const Result<ast::Statement>& r) {
  return boost::get<ast::Query>(r->body);
}

TEST(ParserTest, AcceptsTheWholeLanguage) {
  const char* statements[] = {
      "MATCH (n) RETURN n",
      "match (n:Person:Admin {name: 'Ada', age: 36}) return n",
      "MATCH (a)-[r:KNOWS]->(b)<-[:MEMBER_OF]-(c)-[]-(d)--(e)-->(f)<--(g) RETURN a, r",
      "MATCH (a)-[:A|B|:C]->(b) RETURN b",
      "MATCH (a)-[*]->(b), (a)-[*2]->(c), (a)-[*1..3]->(d), (a)-[*..4]->(e), (a)-[*2..]->(f) "
      "RETURN 1",
      "MATCH p = (a)-[:KNOWS*1..6]->(b) RETURN p",
      "MATCH p = shortestPath((a:Person)-[:KNOWS*1..6]->(b:Person)) RETURN length(p)",
      "MATCH p = allShortestPaths((a)-[*]-(b)) RETURN p",
      "OPTIONAL MATCH (n {id: $id}) RETURN n",
      "MATCH (n) WHERE n.a = 1 AND n.b <> 2 OR NOT n.c < 3 XOR n.d >= 4 RETURN n",
      "MATCH (n) WHERE n.name STARTS WITH 'A' AND n.name ENDS WITH 'z' AND n.name CONTAINS 'x' "
      "RETURN n",
      "MATCH (n) WHERE n.name =~ 'A.*' AND n.x IS NULL AND n.y IS NOT NULL AND n.z IN [1, 2] "
      "RETURN n",
      "MATCH (n) WHERE (n)-[:KNOWS]->() AND EXISTS { MATCH (n)-->(m) WHERE m.x > 1 } RETURN n",
      "MATCH (n) WHERE exists((n)-->()) AND n:Person:Admin RETURN n",
      "MATCH (n) WHERE EXISTS { MATCH (n)-->(m) WITH m, count(*) AS c WHERE c > 1 RETURN m } "
      "RETURN n",
      "MATCH (n) RETURN [(n)-[:KNOWS]->(m) WHERE m.x > 1 | m.name], [p = (n)-->() | p]",
      "MATCH (n) RETURN *",
      "MATCH (n) RETURN DISTINCT n.name AS name, count(*) AS c ORDER BY c DESC, name ASC "
      "SKIP 1 LIMIT $limit",
      "MATCH (n) WITH n, count(*) AS c WHERE c > 1 RETURN n ORDER BY n.x DESCENDING",
      "UNWIND [1, 2, 3] AS x RETURN x",
      "RETURN 1 UNION RETURN 2 UNION ALL RETURN 3",
      "CREATE (a:Person {name: 'A'})-[:KNOWS {since: 2020}]->(b:Person)",
      "MERGE (n:Person {email: 'a@b'}) ON CREATE SET n.created = 1 ON MATCH SET n.seen = 2",
      "MATCH (n) SET n.x = 1, n = {a: 1}, n += {b: 2}, n:Label:Other",
      "MATCH (n) REMOVE n.x, n:Label",
      "MATCH (n) DELETE n",
      "MATCH (n) DETACH DELETE n",
      "RETURN $param, $0, [1, 2.5, 'x', \"y\", true, false, null], {a: {b: [1]}}",
      "RETURN n.a.b, list[0], list[1..3], list[..2], list[2..], list[-1]",
      "RETURN [x IN range(1, 10) WHERE x % 2 = 0 | x * x] AS evens",
      "RETURN [x IN list | x.name], [x IN list WHERE x > 1]",
      "RETURN CASE WHEN a > 1 THEN 'big' WHEN a = 1 THEN 'one' ELSE 'small' END",
      "RETURN CASE a WHEN 1 THEN 'one' WHEN 2 THEN 'two' END",
      "RETURN count(*), count(DISTINCT n.x), collect(n), toUpper('a'), db.labels()",
      "RETURN all(x IN l WHERE x > 0), any(x IN l WHERE x > 0), none(x IN l WHERE x > 0), "
      "single(x IN l WHERE x > 0)",
      "RETURN -1, +2, - -3, 2 ^ 3 ^ 2, 1 - 2 * 3 / 4 % 5, 0x1F, 0o17, 1.5e3, .5, 1e-2",
      "CALL db.labels() YIELD label RETURN label",
      "CALL db.labels() YIELD label AS l WHERE l STARTS WITH 'P' RETURN l",
      "CALL db.labels()",
      "CALL db.labels",
      "CALL db.indexes() YIELD *",
      "EXPLAIN MATCH (n) RETURN n",
      "PROFILE MATCH (n) RETURN n;",
      "CREATE INDEX FOR (n:Person) ON (n.id)",
      "CREATE INDEX person_id IF NOT EXISTS FOR (n:Person) ON (n.id)",
      "CREATE CONSTRAINT person_email FOR (p:Person) REQUIRE p.email IS UNIQUE",
      "DROP INDEX person_id",
      "DROP CONSTRAINT person_email IF EXISTS",
      "SHOW INDEXES",
      "SHOW CONSTRAINTS",
      "MATCH (`weird name`:`Label with space`) RETURN `weird name`.`a b`",
      "// a comment\nMATCH (n) /* inline\ncomment */ RETURN n // trailing",
      "RETURN 'it\\'s', \"tab\\there\", '\\u00e9\\U0001F600'",
      "MATCH (n) RETURN n.count, n.match, n.return",
  };
  for (const char* text : statements) {
    Result<ast::Statement> r = Parse(text);
    EXPECT_TRUE(r.ok()) << text << "\n" << r.status().ToString();
  }
}

TEST(ParserTest, BuildsMatchClause) {
  auto r = Parse("OPTIONAL MATCH p = (a:Person {id: 1})<-[r:KNOWS|LIKES*1..3]-(b) WHERE a.x = 1 "
                 "RETURN b");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const ast::Query& q = QueryOf(r);
  ASSERT_EQ(q.first.clauses.size(), 2u);
  const auto& match = boost::get<ast::Match>(q.first.clauses[0]);
  EXPECT_TRUE(match.optional);
  ASSERT_EQ(match.pattern.size(), 1u);
  const ast::PatternPart& part = match.pattern[0];
  ASSERT_TRUE(part.path_variable);
  EXPECT_EQ(part.path_variable->name, "p");
  EXPECT_EQ(part.element.first.variable->name, "a");
  EXPECT_EQ(part.element.first.labels, std::vector<std::string>{"Person"});
  EXPECT_TRUE(part.element.first.properties);
  ASSERT_EQ(part.element.links.size(), 1u);
  const ast::RelPattern& rel = part.element.links[0].rel;
  EXPECT_TRUE(rel.left_arrow);
  EXPECT_FALSE(rel.right_arrow);
  ASSERT_TRUE(rel.detail);
  EXPECT_EQ(rel.detail->variable->name, "r");
  EXPECT_EQ(rel.detail->types, (std::vector<std::string>{"KNOWS", "LIKES"}));
  ASSERT_TRUE(rel.detail->length);
  EXPECT_EQ(*rel.detail->length->min, 1u);
  EXPECT_TRUE(rel.detail->length->has_dots);
  EXPECT_EQ(*rel.detail->length->max, 3u);
  EXPECT_TRUE(match.where);
  // Offsets point at the first token of each node.
  EXPECT_EQ(part.element.first.variable->offset, 20u);
}

TEST(ParserTest, KeepsOperatorChainsFlat) {
  auto r = Parse("RETURN NOT a = 1 AND -b.c[0] IS NULL");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const auto& ret = boost::get<ast::Return>(QueryOf(r).first.clauses[0]);
  const ast::Expression& e = ret.body.items[0].value.expression;
  EXPECT_EQ(e.first.prefixes, std::vector<char>{'N'});
  ASSERT_EQ(e.rest.size(), 3u);
  EXPECT_EQ(e.rest[0].op, ast::BinaryOp::kEq);
  EXPECT_EQ(e.rest[1].op, ast::BinaryOp::kAnd);
  EXPECT_EQ(e.rest[1].operand.prefixes, std::vector<char>{'-'});
  EXPECT_EQ(e.rest[1].operand.postfixes.size(), 2u);
  EXPECT_EQ(e.rest[2].op, ast::BinaryOp::kIsNull);
  EXPECT_EQ(ret.body.items[0].value.text, "NOT a = 1 AND -b.c[0] IS NULL");
}

TEST(ParserTest, DecodesLiterals) {
  auto r = Parse("RETURN 'a\\nb\\u00e9', 9223372036854775807, 2.5, 0x10");
  ASSERT_TRUE(r.ok());
  const auto& items = boost::get<ast::Return>(QueryOf(r).first.clauses[0]).body.items;
  EXPECT_EQ(boost::get<ast::StringLiteral>(items[0].value.expression.first.atom).value,
            "a\nb\xC3\xA9");
  EXPECT_EQ(boost::get<ast::NumberLiteral>(items[1].value.expression.first.atom).int_value,
            9223372036854775807);
  EXPECT_TRUE(boost::get<ast::NumberLiteral>(items[2].value.expression.first.atom).is_float);
  EXPECT_EQ(boost::get<ast::NumberLiteral>(items[3].value.expression.first.atom).int_value, 16);
}

TEST(ParserTest, KeywordsAreCaseInsensitiveButNeedAWordBoundary) {
  EXPECT_EQ(ErrorOf("mAtCh (n) ReTuRn n"), "OK");
  EXPECT_EQ(ErrorOf("MATCHING (n) RETURN n"),
            "1:1: expected a statement, found 'MATCHING'\nMATCHING (n) RETURN n\n^");
}

TEST(ParserTest, ErrorsPointAtTheSpot) {
  EXPECT_EQ(ErrorOf("MATCH (n RETURN n"),
            "1:10: expected ')', found 'RETURN'\nMATCH (n RETURN n\n         ^");
  EXPECT_EQ(ErrorOf("MATCH (n) RETRUN n"),
            "1:11: unexpected 'RETRUN'\nMATCH (n) RETRUN n\n          ^");
  EXPECT_EQ(ErrorOf("RETURN 1 +"), "1:11: expected expression, found end of input\n"
                                   "RETURN 1 +\n          ^");
  EXPECT_EQ(ErrorOf("MATCH (n)\nWHERE n.x = RETURN n"),
            "2:13: expected expression, found 'RETURN'\nWHERE n.x = RETURN n\n            ^");
  EXPECT_EQ(ErrorOf("CREATE INDEX FOR (n:Person) ON n.id"),
            "1:32: expected '(', found 'n'\nCREATE INDEX FOR (n:Person) ON n.id\n"
            "                               ^");
  EXPECT_EQ(ErrorOf("RETURN CASE WHEN 1 THEN 2"),
            "1:26: expected 'END', found end of input\nRETURN CASE WHEN 1 THEN 2\n"
            "                         ^");
  EXPECT_EQ(ErrorOf("UNWIND [1] x RETURN x"),
            "1:12: expected 'AS', found 'x'\nUNWIND [1] x RETURN x\n           ^");
  EXPECT_EQ(ErrorOf("MATCH (a)-[:R*1..3->(b) RETURN a"),
            "1:19: expected ']', found '-'\nMATCH (a)-[:R*1..3->(b) RETURN a\n"
            "                  ^");
  EXPECT_EQ(ErrorOf(""), "1:1: expected a statement, found end of input\n\n^");
  // A rule behind a semantic action is named by its rule name, and the end of
  // input after a trailing newline is shown on the last line that has text.
  EXPECT_EQ(ErrorOf("MATCH (n) RETURN\n"),
            "1:17: expected projection, found end of input\nMATCH (n) RETURN\n"
            "                ^");
  // So are lists (a % ',') and alternatives (a | b).
  EXPECT_EQ(ErrorOf("MERGE (n) ON CREATE SET RETURN n"),
            "1:25: expected SET item, found 'RETURN'\nMERGE (n) ON CREATE SET RETURN n\n"
            "                        ^");
  EXPECT_EQ(ErrorOf("MATCH (n) WHERE EXISTS { 42 } RETURN n"),
            "1:26: expected clause or pattern, found '42'\n"
            "MATCH (n) WHERE EXISTS { 42 } RETURN n\n"
            "                         ^");
}

TEST(ParserTest, BuildsSubqueriesAndPatternComprehensions) {
  auto r = Parse("RETURN EXISTS { MATCH (a)-->(b) RETURN b }, EXISTS { (a)-->(b) WHERE b.x }, "
                 "[p = (a)-->(b) WHERE b.y | b.z]");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const auto& items = boost::get<ast::Return>(QueryOf(r).first.clauses[0]).body.items;
  ASSERT_EQ(items.size(), 3u);
  const auto& full = boost::get<ast::x3::forward_ast<ast::ExistsSubquery>>(
      items[0].value.expression.first.atom).get();
  ASSERT_TRUE(full.query.has_value());
  EXPECT_EQ(full.query->clauses.size(), 2u);
  EXPECT_TRUE(full.pattern.empty());
  const auto& simple = boost::get<ast::x3::forward_ast<ast::ExistsSubquery>>(
      items[1].value.expression.first.atom).get();
  EXPECT_FALSE(simple.query.has_value());
  EXPECT_EQ(simple.pattern.size(), 1u);
  EXPECT_TRUE(simple.where.has_value());
  const auto& comprehension = boost::get<ast::x3::forward_ast<ast::PatternComprehension>>(
      items[2].value.expression.first.atom).get();
  ASSERT_TRUE(comprehension.path_variable.has_value());
  EXPECT_EQ(comprehension.path_variable->name, "p");
  EXPECT_EQ(comprehension.element.links.size(), 1u);
  EXPECT_TRUE(comprehension.where.has_value());
  EXPECT_EQ(comprehension.offset, 76u);
  // Without '|' a bracketed pattern is a list holding a pattern predicate.
  EXPECT_EQ(ErrorOf("RETURN [(a)-->(b)]"), "OK");
}

TEST(ParserTest, LexicalErrors) {
  EXPECT_EQ(ErrorOf("RETURN 'abc"),
            "1:8: unterminated string literal\nRETURN 'abc\n       ^");
  EXPECT_EQ(ErrorOf("RETURN 'a\\qb'"),
            "1:10: invalid escape sequence '\\q'\nRETURN 'a\\qb'\n         ^");
  EXPECT_EQ(ErrorOf("RETURN 9223372036854775808"),
            "1:8: integer literal is too large: 9223372036854775808\n"
            "RETURN 9223372036854775808\n       ^");
  EXPECT_EQ(ErrorOf("RETURN 1 /* open"),
            "1:10: unterminated comment\nRETURN 1 /* open\n         ^");
  EXPECT_EQ(ErrorOf("RETURN `x"), "1:8: unterminated `quoted name`\nRETURN `x\n       ^");
}

TEST(ParserTest, CaretCountsCodePointsAndKeepsTabs) {
  EXPECT_EQ(ErrorOf("RETURN 'é',\t+"),
            "1:13: expected expression, found '+'\nRETURN 'é',\t+\n"
            "           \t^");
}

TEST(ParserTest, ReservedWordsNeedBackticksAsVariables) {
  EXPECT_NE(ErrorOf("MATCH (return) RETURN 1"), "OK");
  EXPECT_EQ(ErrorOf("MATCH (`return`) RETURN `return`"), "OK");
}

TEST(ParserTest, RejectsDeepNestingBeforeParsing) {
  std::string deep = "RETURN " + std::string(200, '(') + "1" + std::string(200, ')');
  std::string message = ErrorOf(deep);
  EXPECT_EQ(message.substr(0, message.find('\n')),
            "1:104: query is nested too deeply (more than 96 levels)");
  std::string ok = "RETURN " + std::string(90, '[') + "1" + std::string(90, ']');
  EXPECT_EQ(ErrorOf(ok), "OK");
  std::string cases = "RETURN ";
  for (int i = 0; i < 100; ++i) cases += "CASE WHEN true THEN ";
  EXPECT_NE(ErrorOf(cases).find("nested too deeply"), std::string::npos);
}

TEST(ParserTest, LongFlatChainsDoNotRecurse) {
  std::string sum = "RETURN 1";
  for (int i = 0; i < 100000; ++i) sum += " + 1";
  auto r = Parse(sum);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(boost::get<ast::Return>(QueryOf(r).first.clauses[0])
                .body.items[0].value.expression.rest.size(),
            100000u);
  std::string nots = "RETURN " ;
  for (int i = 0; i < 100000; ++i) nots += "NOT ";
  EXPECT_EQ(ErrorOf(nots + "true"), "OK");
}

TEST(ParserTest, RejectsOversizedText) {
  std::string huge(kMaxQueryBytes + 1, ' ');
  EXPECT_EQ(ErrorOf(huge), "query text is too long: 1048577 bytes (the limit is 1048576)");
}

}  // namespace
}  // namespace copmap::query
