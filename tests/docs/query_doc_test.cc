// Every query example of the query language reference (docs/QUERY.md) and
// of the data model (docs/DATA_MODEL.md) runs on the example organization
// and prints exactly the result the document shows under it.
//
// COPMAP_DOCS_UPDATE=1 rewrites the documents' ```text blocks with what the
// engine prints (review the diff before committing it).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "tests/docs/doc_examples.h"
#include "tests/interchange/test_util.h"

namespace copmap::docs {
namespace {

// The document with each example's result block replaced by `actual`.
std::string WithResults(const std::string& markdown, const std::vector<DocExample>& examples,
                        const std::vector<std::string>& actual) {
  std::vector<std::string> lines;
  std::istringstream in(markdown);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::string out;
  size_t next = 0;
  for (size_t i = 0; i < examples.size(); ++i) {
    const DocExample& e = examples[i];
    size_t query_end = e.query.line + std::count(e.query.text.begin(), e.query.text.end(), '\n');
    for (; next <= query_end; ++next) out += lines[next] + "\n";  // through the closing fence
    out += "\n```text\n" + actual[i] + "```\n";
    if (e.has_expected) {
      // Skip the old block: blank lines, its fences and its lines.
      while (lines[next].rfind("```text", 0) != 0) ++next;
      next += 1 + std::count(e.expected.begin(), e.expected.end(), '\n') + 1;
    }
  }
  for (; next < lines.size(); ++next) out += lines[next] + "\n";
  return out;
}

class QueryDocTest : public ::testing::TestWithParam<std::string> {};

TEST_P(QueryDocTest, EveryExampleShowsWhatItPrints) {
  const std::string path = SourceDir() + "/" + GetParam();
  const std::string markdown = ReadTextFile(path);
  ASSERT_FALSE(markdown.empty()) << path;
  std::vector<DocExample> examples = QueryExamples(markdown);
  ASSERT_GT(examples.size(), 0u) << path;
  copmap::testing::TempDir dir;
  auto engine = OpenExampleOrganization(dir / "org.db");
  ASSERT_NE(engine, nullptr);
  std::vector<std::string> actual;
  for (const DocExample& e : examples) {
    actual.push_back(RunExample(*engine, e.query.text));
    EXPECT_TRUE(e.has_expected) << GetParam() << ":" << e.query.line
                                << ": a ```cypher example needs the ```text block of its result";
    EXPECT_EQ(actual.back(), e.expected)
        << GetParam() << ":" << e.query.line << " (" << e.query.section << ")\n" << e.query.text;
  }
  if (std::getenv("COPMAP_DOCS_UPDATE") != nullptr) {
    std::ofstream(path, std::ios::binary) << WithResults(markdown, examples, actual);
  }
}

INSTANTIATE_TEST_SUITE_P(Docs, QueryDocTest,
                         ::testing::Values("docs/QUERY.md", "docs/DATA_MODEL.md"),
                         [](const auto& info) {
                           std::string name = info.param.substr(5, info.param.size() - 8);
                           std::erase(name, '_');
                           return name;
                         });

}  // namespace
}  // namespace copmap::docs
