// Hostile query text through the whole engine: each is answered with a typed
// error that says which limit, the value and where, in a message of bounded
// size; nothing overflows the stack, neither while parsing nor while
// destroying what was parsed.
#include <string>

#include <gtest/gtest.h>

#include "query/engine.h"
#include "query/parser/parser.h"
#include "tests/fuzz/temp_dir.h"

namespace copmap::query {
namespace {

std::string Repeat(std::string_view piece, size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (size_t i = 0; i < times; ++i) out.append(piece);
  return out;
}

std::string FirstLine(const std::string& s) { return s.substr(0, s.find('\n')); }

class HostileQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    EngineOptions options;
    options.store.sync_commits = false;
    auto engine = Engine::Open(dir_ / "db", options);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = std::move(*engine);
  }

  // The error of a query that must fail, as "Kind: message"; checks that the
  // message stays short however long the query.
  std::string ErrorOf(std::string_view text) {
    Result<QueryResult> r = engine_->Run(text);
    if (r.ok()) return "OK";
    std::string message = r.status().ToString();
    EXPECT_LT(message.size(), 600u) << FirstLine(message);
    return message;
  }

  fuzz::FuzzTempDir dir_;
  std::unique_ptr<Engine> engine_;
};

TEST_F(HostileQueryTest, AMegabyteQueryRunsAndOneByteMoreIsRefused) {
  const std::string text = "RETURN size('" + std::string(kMaxQueryBytes - 20, 'x') + "') AS n";
  ASSERT_EQ(text.size(), kMaxQueryBytes);
  Result<QueryResult> r = engine_->Run(text);
  ASSERT_TRUE(r.ok()) << r.status().ToString().substr(0, 200);
  EXPECT_EQ(r->rows[0][0], Value(int64_t{kMaxQueryBytes - 20}));
  EXPECT_EQ(ErrorOf(text + " "),
            "SyntaxError: query text is too long: 1048577 bytes (the limit is 1048576)");
}

TEST_F(HostileQueryTest, HundredThousandOpenBracketsOfEachKind) {
  for (const char* open : {"(", "[", "{a: "}) {
    SCOPED_TRACE(open);
    const std::string text = "RETURN " + Repeat(open, 100'000) + "1";
    EXPECT_EQ(FirstLine(ErrorOf(text)),
              "SyntaxError: 1:" + std::to_string(8 + 96 * std::string_view(open).size()) +
                  ": query is nested too deeply (more than 96 levels)");
  }
  EXPECT_EQ(FirstLine(ErrorOf("RETURN " + Repeat("-(", 100'000) + "1")),
            "SyntaxError: 1:201: query is nested too deeply (more than 96 levels)");
  EXPECT_EQ(FirstLine(ErrorOf("MATCH " + Repeat("(", 100'000))),
            "SyntaxError: 1:103: query is nested too deeply (more than 96 levels)");
  EXPECT_EQ(FirstLine(ErrorOf("RETURN " + Repeat("CASE WHEN true THEN ", 50'000))),
            "SyntaxError: 1:1928: query is nested too deeply (more than 96 levels)");
  EXPECT_EQ(FirstLine(ErrorOf("RETURN " + Repeat("[x IN ", 100'000))),
            "SyntaxError: 1:584: query is nested too deeply (more than 96 levels)");
}

TEST_F(HostileQueryTest, NestingUpToTheLimitParsesBindsAndRuns) {
  for (const char* pair : {"()", "[]"}) {
    SCOPED_TRACE(pair);
    const std::string text =
        "RETURN " + Repeat(std::string(1, pair[0]), 96) + "1" + Repeat(std::string(1, pair[1]), 96);
    EXPECT_EQ(ErrorOf(text), "OK");
  }
}

TEST_F(HostileQueryTest, LongNamesAreRefusedWithTheirLength) {
  const std::string mib(1 << 20, 'a');
  EXPECT_EQ(FirstLine(ErrorOf("RETURN " + mib.substr(0, (1 << 20) - 100))),
            "SyntaxError: 1:8: name is too long: 1048476 bytes (the limit is 1024)");
  EXPECT_EQ(FirstLine(ErrorOf("MATCH (n:`" + std::string(5000, 'L') + "`) RETURN n")),
            "SyntaxError: 1:10: name is too long: 5000 bytes (the limit is 1024)");
  EXPECT_EQ(FirstLine(ErrorOf("RETURN $" + std::string(1025, 'p'))),
            "SyntaxError: 1:9: name is too long: 1025 bytes (the limit is 1024)");
  EXPECT_EQ(ErrorOf("UNWIND [1] AS " + std::string(1024, 'v') + " RETURN 1"), "OK");
  // Strings are data, not names: a long one is fine.
  EXPECT_EQ(ErrorOf("RETURN '" + std::string(100'000, 's') + "'"), "OK");
}

TEST_F(HostileQueryTest, LongPrefixAndOperatorChainsAreBoundWithoutRecursion) {
  EXPECT_EQ(FirstLine(ErrorOf("RETURN " + Repeat("NOT ", 100'000) + "true")),
            "SemanticError: 1:8: ExpressionTooDeep: expression is nested too deeply (more than 400 "
            "levels); compute parts of it in a WITH clause first");
  // Signs fold into a number literal, however many.
  Result<QueryResult> minus = engine_->Run("RETURN " + Repeat("- ", 100'000) + "7");
  ASSERT_TRUE(minus.ok()) << minus.status().ToString();
  EXPECT_EQ(minus->rows[0][0], Value(int64_t{7}));
  EXPECT_EQ(FirstLine(ErrorOf("RETURN 1" + Repeat(" + 1", 100'000))),
            "SemanticError: 1:8: ExpressionTooDeep: expression is nested too deeply (more than 400 "
            "levels); compute parts of it in a WITH clause first");
  EXPECT_EQ(FirstLine(ErrorOf("RETURN true" + Repeat(" AND true", 100'000))),
            "SemanticError: 1:8: ExpressionTooDeep: expression is nested too deeply (more than 400 "
            "levels); compute parts of it in a WITH clause first");
}

}  // namespace
}  // namespace copmap::query
