// The case-file format itself (the runner needs the engine; this does not).
#include "tests/query_cases/case_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace copmap::query_cases {
namespace {

constexpr char kFile[] = R"(# demo
-DATASET csv examples/org
-CASE First
-PARAM name 'Ada'
-STATEMENT MATCH (p:Person)
           WHERE p.name = $name
           RETURN p.name, p.born
---- 2
'Ada'|1815
'Bob'|null

-STATEMENT RETURN 1
---- ordered 1
1
-CASE Second
-STATEMENT RETURN 1/0
---- error
InvalidArgument: ArithmeticError: / by zero
-STATEMENT RETURN x
---- error contains
UndefinedVariable
-STATEMENT CREATE ()
---- ok
)";

TEST(CaseFileTest, ParsesEveryDirective) {
  auto f = ParseCaseFile("demo.test", kFile);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->dataset, "examples/org");
  ASSERT_EQ(f->cases.size(), 2u);
  const TestCase& first = f->cases[0];
  EXPECT_EQ(first.name, "First");
  ASSERT_EQ(first.statements.size(), 2u);
  const Statement& s0 = first.statements[0];
  EXPECT_EQ(s0.query,
            "MATCH (p:Person)\n           WHERE p.name = $name\n           RETURN p.name, p.born");
  ASSERT_EQ(s0.params.size(), 1u);
  EXPECT_EQ(s0.params[0].name, "name");
  EXPECT_EQ(s0.params[0].value, "'Ada'");
  EXPECT_EQ(s0.expect.kind, Expectation::Kind::kRows);
  EXPECT_EQ(s0.expect.rows, (std::vector<std::string>{"'Ada'|1815", "'Bob'|null"}));
  EXPECT_EQ(first.statements[1].expect.kind, Expectation::Kind::kOrderedRows);
  const TestCase& second = f->cases[1];
  ASSERT_EQ(second.statements.size(), 3u);
  EXPECT_TRUE(second.statements[0].params.empty());  // parameters end with their case
  EXPECT_EQ(second.statements[0].expect.error, "InvalidArgument: ArithmeticError: / by zero");
  EXPECT_EQ(second.statements[1].expect.kind, Expectation::Kind::kErrorContains);
  EXPECT_EQ(second.statements[2].expect.kind, Expectation::Kind::kOk);
}

TEST(CaseFileTest, ErrorsPointAtTheLine) {
  auto count = ParseCaseFile("x.test", "-CASE A\n-STATEMENT RETURN 1\n---- 2\n1\n");
  ASSERT_FALSE(count.ok());
  EXPECT_EQ(count.status().ToString(), "InvalidArgument: x.test:3: ---- 2 is followed by 1 rows");
  auto no_case = ParseCaseFile("y.test", "-STATEMENT RETURN 1\n---- ok\n");
  EXPECT_EQ(no_case.status().ToString(),
            "InvalidArgument: y.test:1: expected -CASE before: -STATEMENT RETURN 1");
  auto no_result = ParseCaseFile("z.test", "-CASE A\n-STATEMENT RETURN 1\n");
  EXPECT_EQ(no_result.status().ToString(),
            "InvalidArgument: z.test:2: -STATEMENT without a ---- result line");
  auto bad_header = ParseCaseFile("w.test", "-CASE A\n-STATEMENT RETURN 1\n---- maybe\n");
  EXPECT_EQ(bad_header.status().ToString(),
            "InvalidArgument: w.test:3: expected '---- ok', '---- error', '---- N' or "
            "'---- ordered N', got '---- maybe'");
}

// Every committed case file parses, so that a typo shows up even before the
// engine can run the cases.
TEST(CaseFileTest, CommittedFilesParse) {
  size_t files = 0, statements = 0;
  for (const auto& e : std::filesystem::directory_iterator(COPMAP_QUERY_CASES_DIR)) {
    if (e.path().extension() != ".test") continue;
    ++files;
    std::ifstream in(e.path());
    std::stringstream text;
    text << in.rdbuf();
    auto f = ParseCaseFile(e.path().filename().string(), text.str());
    ASSERT_TRUE(f.ok()) << f.status().ToString();
    for (const auto& c : f->cases) statements += c.statements.size();
  }
  EXPECT_GT(files, 5u);
  EXPECT_GT(statements, 100u);
}

}  // namespace
}  // namespace copmap::query_cases
