// The TCK reader and value notation, independent of the engine.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "tests/tck/gherkin.h"
#include "tests/tck/tck_paths.h"
#include "tests/tck/tck_value.h"

namespace copmap::tck {
namespace {

std::string Canon(const std::string& text, bool sort_lists = false) {
  auto v = ParseTckValue(text);
  return v.ok() ? Canonical(*v, sort_lists) : v.status().ToString();
}

// Expected-cell text and its canonical form.
struct CanonCase {
  const char* text;
  bool sort_lists;
  const char* canonical;
};

TEST(TckValueTest, CanonicalForms) {
  const CanonCase cases[] = {
      {"42", false, "42"},
      {"-1", false, "-1"},
      {"1.0", false, "1.0"},
      {"-0.0", false, "0.0"},
      {"1.2635418652381264e305", false, "1.2635418652381264e+305"},
      {".5", false, "0.5"},
      {"NaN", false, "NaN"},
      {"-Inf", false, "-Inf"},
      {"true", false, "true"},
      {"null", false, "null"},
      {"'\\''", false, "'\\''"},
      {"'a\\\\b'", false, "'a\\\\b'"},
      {"[1, 'a', null]", false, "[1, 'a', null]"},
      {"[]", false, "[]"},
      {"{num: 1, name: 'A'}", false, "{name: 'A', num: 1}"},
      {"[3, 1, [2, 1]]", true, "[1, 3, [1, 2]]"},
      {"{}", false, "{}"},
      {"()", false, "()"},
      {"(:L2:L1 {q: 'string', p: 0})", false, "(:L1:L2 {p: 0, q: 'string'})"},
      {"({p: 1})", false, "({p: 1})"},
      {"[:T {p: 0}]", false, "[:T {p: 0}]"},
      {"<(:A {name: 'A'})-[:KNOWS]->(:B)<-[:R]-()>", false,
       "<(:A {name: 'A'})-[:KNOWS]->(:B)<-[:R]-()>"},
      {"<()>", false, "<()>"},
  };
  for (const CanonCase& c : cases) EXPECT_EQ(Canon(c.text, c.sort_lists), c.canonical) << c.text;
}

TEST(TckValueTest, BadTextIsAnError) {
  EXPECT_FALSE(ParseTckValue("[1, 2").ok());
  EXPECT_FALSE(ParseTckValue("'open").ok());
  EXPECT_FALSE(ParseTckValue("1 2").ok());
  EXPECT_FALSE(ParseTckValue("").ok());
}

TEST(TckValueTest, EngineValuesMeetExpectedText) {
  NodeValue a{1, {"B", "A"}, {{"name", "x"}}};
  NodeValue b{2, {}, {}};
  RelationshipValue r{9, "R", 2, 1, {}};  // points from b back to a
  const Value path(PathValue{{a, b}, {r}});
  EXPECT_EQ(Canonical(FromValue(path)), "<(:A:B {name: 'x'})<-[:R]-()>");
  EXPECT_EQ(Canonical(FromValue(Value(1.0))), Canon("1.0"));
  EXPECT_EQ(Canonical(FromValue(Value(Date{0}))), "'1970-01-01'");
  EXPECT_EQ(Canonical(FromValue(Value(ValueMap{{"b", 1}, {"a", Value()}}))), "{a: null, b: 1}");
}

TEST(TckValueTest, ParametersBecomeValues) {
  auto v = ToValue(*ParseTckValue("{list: [1, 2.5, 'x'], flag: false}"));
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->ToString(), "{flag: false, list: [1, 2.5, 'x']}");
  EXPECT_FALSE(ToValue(*ParseTckValue("(:N)")).ok());
}

constexpr char kFeature[] = R"(#
# comment
Feature: Demo

  Background:
    Given an empty graph

  @skipStyleCheck
  Scenario: [1] Plain
    When executing query:
      """
      MATCH (n)
        RETURN n
      """
    Then the result should be, in any order:
      | n | x\|y |
      | 1 | 'a\\b' |

  Scenario Outline: [2] Outline <name>
    When executing query:
      """
      RETURN <expr> AS v
      """
    Then the result should be, in order:
      | v        |
      | <result> |

    Examples:
      | name | expr  | result |
      | one  | 1 + 1 | 2      |
      | two  | 'a'   | 'a'    |

    Examples:
      | name  | expr | result |
      | three | null | null   |
)";

TEST(GherkinTest, ParsesScenariosOutlinesAndDocStrings) {
  auto f = ParseFeature("demo.feature", kFeature);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->name, "Demo");
  ASSERT_EQ(f->background.size(), 1u);
  ASSERT_EQ(f->scenarios.size(), 2u);
  const ScenarioSpec& plain = f->scenarios[0];
  EXPECT_EQ(plain.name, "[1] Plain");
  EXPECT_EQ(plain.tags, std::vector<std::string>{"@skipStyleCheck"});
  ASSERT_EQ(plain.steps.size(), 2u);
  EXPECT_EQ(plain.steps[0].doc, "MATCH (n)\n  RETURN n");
  EXPECT_EQ(plain.steps[1].table[0][1], "x|y");
  EXPECT_EQ(plain.steps[1].table[1][1], "'a\\b'");

  const std::vector<Case> cases = ExpandCases(*f);
  ASSERT_EQ(cases.size(), 4u);
  EXPECT_EQ(cases[0].steps.size(), 3u);  // background + 2
  EXPECT_EQ(cases[2].name, "[2] Outline two #2");
  EXPECT_EQ(cases[2].steps[1].doc, "RETURN 'a' AS v");
  EXPECT_EQ(cases[3].steps[2].table[1][0], "null");
  EXPECT_EQ(cases[3].example, 2u);
}

TEST(GherkinTest, ErrorsNameTheLine) {
  auto f = ParseFeature("bad.feature", "Feature: X\n  Scenario: s\n    Whatever\n");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().ToString(), "InvalidArgument: bad.feature:3: unrecognized line: Whatever");
}

// The vendored TCK has 220 files, 1,615 scenarios and 3,897 runnable cases
// (tck/README.md); the runner must find every one of them.
TEST(TckCorpusTest, FindsEveryScenarioAndCase) {
  if (!std::filesystem::is_directory(FeaturesDir())) GTEST_SKIP() << "no TCK at " << FeaturesDir();
  auto features = LoadFeatures(FeaturesDir());
  ASSERT_TRUE(features.ok()) << features.status().ToString();
  size_t scenarios = 0, outlines = 0, cases = 0, ignored = 0, clause_cases = 0;
  for (const Feature& f : *features) {
    scenarios += f.scenarios.size();
    for (const auto& s : f.scenarios) outlines += s.outline;
    for (const Case& c : ExpandCases(f)) {
      ++cases;
      ignored += c.ignored;
      clause_cases += f.path.rfind("clauses/", 0) == 0;
    }
  }
  EXPECT_EQ(features->size(), 220u);
  EXPECT_EQ(scenarios, 1615u);
  EXPECT_EQ(outlines, 276u);
  EXPECT_EQ(cases, 3897u);
  EXPECT_EQ(clause_cases, 1251u);
  EXPECT_EQ(ignored, 1u);
}

// Every expected cell and parameter in the corpus is readable notation.
TEST(TckCorpusTest, EveryTableValueParses) {
  if (!std::filesystem::is_directory(FeaturesDir())) GTEST_SKIP() << "no TCK at " << FeaturesDir();
  auto features = LoadFeatures(FeaturesDir());
  ASSERT_TRUE(features.ok());
  size_t cells = 0;
  for (const Feature& f : *features) {
    for (const Case& c : ExpandCases(f)) {
      for (const Step& step : c.steps) {
        const bool result = step.text.find("the result should be") != std::string::npos;
        const bool params = step.text.find("parameters are") != std::string::npos;
        if (!result && !params) continue;
        for (size_t r = result ? 1 : 0; r < step.table.size(); ++r) {
          for (size_t i = params ? 1 : 0; i < step.table[r].size(); ++i) {
            ++cells;
            auto v = ParseTckValue(step.table[r][i]);
            EXPECT_TRUE(v.ok()) << f.path << " " << c.name << ": " << v.status().ToString();
          }
        }
      }
    }
  }
  EXPECT_GT(cells, 5000u);
}

}  // namespace
}  // namespace copmap::tck
