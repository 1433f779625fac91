// The function tables of docs/FUNCTIONS.md: in each row, every example in
// backticks gives the result in backticks at the same position of the
// result column (rows whose result is prose, such as `date()` "today", have
// nothing to check). Aggregates run over the rows the table names.
#include <gtest/gtest.h>

#include <sstream>

#include "query/engine.h"
#include "tests/docs/doc_examples.h"
#include "tests/interchange/test_util.h"

namespace copmap::docs {
namespace {

// The cells of a table row, split at '|' outside backticks ("\|" is a '|').
std::vector<std::string> Cells(const std::string& row) {
  std::vector<std::string> cells;
  std::string cell;
  for (size_t i = 1; i < row.size(); ++i) {
    if (row[i] == '\\' && i + 1 < row.size() && row[i + 1] == '|') {
      cell += '|';
      ++i;
    } else if (row[i] == '|') {
      cells.push_back(cell);
      cell.clear();
    } else {
      cell += row[i];
    }
  }
  return cells;
}

// The `code spans` of a cell, in order.
std::vector<std::string> Spans(const std::string& cell) {
  std::vector<std::string> spans;
  for (size_t open = cell.find('`'); open != std::string::npos; open = cell.find('`', open + 1)) {
    size_t close = cell.find('`', open + 1);
    if (close == std::string::npos) break;
    spans.push_back(cell.substr(open + 1, close - open - 1));
    open = close;
  }
  return spans;
}

constexpr const char* kAggregateRows = "UNWIND [1, 2, null, 3] AS x ";

TEST(FunctionsDocTest, EveryTableExampleGivesItsResult) {
  const std::string markdown = ReadTextFile(SourceDir() + "/docs/FUNCTIONS.md");
  ASSERT_FALSE(markdown.empty());
  copmap::testing::TempDir dir;
  auto engine = OpenExampleOrganization(dir / "org.db");
  ASSERT_NE(engine, nullptr);
  std::istringstream lines(markdown);
  std::string line, section;
  int number = 0, checked = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (line.rfind("## ", 0) == 0) section = line.substr(3);
    if (line.rfind("| `", 0) != 0) continue;
    std::vector<std::string> cells = Cells(line);
    ASSERT_EQ(cells.size(), 3u) << "FUNCTIONS.md:" << number << ": " << line;
    std::vector<std::string> examples = Spans(cells[1]), results = Spans(cells[2]);
    for (size_t i = 0; i < examples.size() && i < results.size(); ++i) {
      std::string prefix = section.rfind("Aggregates", 0) == 0 ? kAggregateRows : "";
      auto result = engine->Run(prefix + "RETURN " + examples[i] + " AS r");
      if (!result.ok()) {
        ADD_FAILURE() << "FUNCTIONS.md:" << number << ": " << examples[i] << ": "
                      << result.status().ToString();
        continue;
      }
      ASSERT_EQ(result->rows.size(), 1u) << "FUNCTIONS.md:" << number << ": " << examples[i];
      EXPECT_EQ(result->rows[0][0].ToString(), results[i])
          << "FUNCTIONS.md:" << number << ": " << examples[i];
      ++checked;
    }
  }
  EXPECT_GT(checked, 60);
}

}  // namespace
}  // namespace copmap::docs
