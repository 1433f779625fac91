// `copmap shell` as a person uses it: on a pseudo-terminal (readline,
// colours, history file, tables as wide as the terminal) and, for contrast,
// with piped input and output (no colour, no squeezing).
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>

#include "tests/cli/cli_run.h"
#include "tests/cli/pty_session.h"

namespace {

using copmap::testing::CliResult;
using copmap::testing::PtySession;
using copmap::testing::RunCopmap;
using copmap::testing::TempDir;
using copmap::testing::WriteFile;

constexpr const char* kPrompt = "copmap> ";
constexpr const char* kRed = "\033[31m";
constexpr const char* kDim = "\033[2m";

class ShellTerminalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_ / "in/nodes_Person.csv", "id:ID,name,email\n1,Ada,ada@x.example\n");
    CliResult r = RunCopmap("import --db " + db_ + " " + (dir_ / "in"));
    ASSERT_EQ(r.code, 0) << r.out << r.err;
  }
  // A shell on a terminal `columns` wide, its history in history_.
  std::unique_ptr<PtySession> Shell(unsigned short columns = 100) {
    auto shell = std::make_unique<PtySession>(
        std::vector<std::string>{"shell", "--db", db_},
        std::vector<std::string>{"COPMAP_HISTORY=" + history_, "TERM=dumb"}, columns);
    EXPECT_TRUE(shell->started());
    return shell;
  }

  TempDir dir_;
  std::string db_ = dir_ / "db";
  std::string history_ = dir_ / "history";
};

// The lines of a boxed table in `text` (terminal output ends lines in \r\n),
// and the widest of them in code points.
size_t WidestTableLine(const std::string& text, size_t* lines) {
  std::istringstream in(text);
  std::string line;
  size_t widest = 0;
  *lines = 0;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || (line[0] != '+' && line[0] != '|')) continue;
    ++*lines;
    size_t width = 0;
    for (unsigned char c : line) width += (c & 0xC0) != 0x80;
    widest = std::max(widest, width);
  }
  return widest;
}

TEST_F(ShellTerminalTest, ColourOnATerminalOnly) {
  const std::string input = "RETURN nope;\nRETURN 1 AS one;\n";
  CliResult piped = RunCopmap("shell --db " + db_, input);
  EXPECT_EQ(piped.code, 1);
  EXPECT_EQ(piped.out.find('\033'), std::string::npos) << piped.out;
  EXPECT_EQ(piped.err.find('\033'), std::string::npos) << piped.err;
  EXPECT_NE(piped.err.find("nope"), std::string::npos) << piped.err;

  auto shell = Shell();
  ASSERT_TRUE(shell->WaitFor(kPrompt)) << shell->output();
  shell->Type("RETURN nope;\r");
  ASSERT_TRUE(shell->WaitFor(std::string(kRed) + "SemanticError")) << shell->output();
  ASSERT_TRUE(shell->WaitFor(kPrompt)) << shell->output();
  shell->Type("RETURN 1 AS one;\r");
  ASSERT_TRUE(shell->WaitFor(std::string(kDim) + "1 row (")) << shell->output();
  ASSERT_TRUE(shell->WaitFor(kPrompt)) << shell->output();
  shell->Type(":quit\r");
  EXPECT_EQ(shell->Finish(), 0) << shell->output();
}

TEST_F(ShellTerminalTest, HistoryIsWrittenToItsFileAndReadBackNextTime) {
  auto first = Shell();
  ASSERT_TRUE(first->WaitFor(kPrompt)) << first->output();
  first->Type("RETURN 40 +\r");
  ASSERT_TRUE(first->WaitFor("...> ")) << first->output();
  first->Type("2 AS answer;\r");
  ASSERT_TRUE(first->WaitFor("1 row (")) << first->output();
  ASSERT_TRUE(first->WaitFor(kPrompt)) << first->output();
  first->Type(":quit\r");
  ASSERT_EQ(first->Finish(), 0) << first->output();
  // One entry per statement or command, each after its timestamp line
  // ("#" and the seconds), which keeps a statement's lines together.
  std::istringstream file(copmap::testing::ReadFile(history_));
  std::string line, entries;
  int stamps = 0;
  while (std::getline(file, line)) {
    if (line.rfind('#', 0) == 0) ++stamps;
    else entries += line + "\n";
  }
  EXPECT_EQ(entries, "RETURN 40 +\n2 AS answer;\n:quit\n");
  EXPECT_EQ(stamps, 2);

  auto second = Shell();
  ASSERT_TRUE(second->WaitFor(kPrompt)) << second->output();
  // Ctrl-P twice: back past ":quit" to the statement, then run it again.
  second->Type("\x10\x10\r");
  ASSERT_TRUE(second->WaitFor("| answer |")) << second->output();
  ASSERT_TRUE(second->WaitFor("|     42 |")) << second->output();
  ASSERT_TRUE(second->WaitFor(kPrompt)) << second->output();
  second->Type(":quit\r");
  EXPECT_EQ(second->Finish(), 0) << second->output();
}

TEST_F(ShellTerminalTest, TablesFitTheTerminalsWidth) {
  const std::string wide = "RETURN 'a rather long text that cannot fit in thirty columns' AS t, 1 AS n";
  auto shell = Shell(30);
  ASSERT_TRUE(shell->WaitFor(kPrompt)) << shell->output();
  const size_t before = shell->output().size();
  shell->Type(wide + ";\r");
  ASSERT_TRUE(shell->WaitFor("1 row (")) << shell->output();
  ASSERT_TRUE(shell->WaitFor(kPrompt)) << shell->output();
  const std::string table = shell->output().substr(before);
  size_t lines = 0;
  EXPECT_LE(WidestTableLine(table, &lines), 30u) << table;
  EXPECT_EQ(lines, 5u) << table;  // rule, header, rule, row, rule
  EXPECT_NE(table.find("…"), std::string::npos) << table;
  shell->Type(":quit\r");
  EXPECT_EQ(shell->Finish(), 0);

  // Piped: nothing is cut, unless COLUMNS asks for a width.
  const std::string query = "query --db " + db_ + " -e \"" + wide + "\"";
  CliResult piped = RunCopmap(query);
  ASSERT_EQ(piped.code, 0) << piped.err;
  EXPECT_EQ(WidestTableLine(piped.out, &lines), 60u) << piped.out;
  ::setenv("COLUMNS", "30", 1);
  CliResult narrow = RunCopmap(query);
  ::unsetenv("COLUMNS");
  ASSERT_EQ(narrow.code, 0) << narrow.err;
  EXPECT_EQ(WidestTableLine(narrow.out, &lines), 30u) << narrow.out;
  EXPECT_NE(narrow.out.find("…"), std::string::npos) << narrow.out;
}

}  // namespace
