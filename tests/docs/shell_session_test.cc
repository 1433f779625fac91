// `copmap shell` apart from the terminal: completion candidates, `:param`,
// tables squeezed to a width, and the binary reading statements from a pipe.
#include <sys/wait.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <regex>

#include "cli/shell_completion.h"
#include "cli/shell_session.h"
#include "cli/table_layout.h"
#include "tests/docs/doc_examples.h"
#include "tests/interchange/test_util.h"

namespace copmap::cli {
namespace {

using copmap::testing::TempDir;
using ::testing::ElementsAre;

TEST(ShellCompletionTest, KeywordsNamesAfterSeparatorsAndCommands) {
  CompletionWords words{{"MATCH", "MERGE", "cop.experts", "cop.silos", ":param", ":quit"},
                        {"Person", "email", "name", "KNOWS", "MEMBER_OF"}};
  EXPECT_THAT(CompletionCandidates(words, "ma", false), ElementsAre("MATCH"));
  EXPECT_THAT(CompletionCandidates(words, "M", false), ElementsAre("MATCH", "MEMBER_OF", "MERGE"));
  EXPECT_THAT(CompletionCandidates(words, "p.na", false), ElementsAre("p.name"));
  EXPECT_THAT(CompletionCandidates(words, "p:Pe", false), ElementsAre("p:Person"));
  EXPECT_THAT(CompletionCandidates(words, ":KNOWS|MEM", false), ElementsAre(":KNOWS|MEMBER_OF"));
  EXPECT_THAT(CompletionCandidates(words, ":KNO", false), ElementsAre(":KNOWS"));
  // After a separator keywords do not fit; shell commands start a line.
  EXPECT_THAT(CompletionCandidates(words, "p.MA", false), ElementsAre());
  EXPECT_THAT(CompletionCandidates(words, ":pa", true), ElementsAre(":param"));
  EXPECT_THAT(CompletionCandidates(words, ":pa", false), ElementsAre());
  EXPECT_THAT(CompletionCandidates(words, "cop.s", false), ElementsAre("cop.silos"));
  EXPECT_THAT(CompletionCandidates(words, "zz", false), ElementsAre());
}

class ShellSessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    engine_ = docs::OpenExampleOrganization(dir_ / "org.db");
    ASSERT_NE(engine_, nullptr);
    out_ = ::open_memstream(&out_data_, &out_size_);
    err_ = ::open_memstream(&err_data_, &err_size_);
    session_ = std::make_unique<ShellSession>(*engine_, out_, err_, /*color=*/false);
  }
  void TearDown() override {
    session_.reset();
    std::fclose(out_);
    std::fclose(err_);
    std::free(out_data_);
    std::free(err_data_);
  }
  // What the session wrote to stdout and stderr since the last call.
  std::pair<std::string, std::string> Take() {
    std::fflush(out_);
    std::fflush(err_);
    std::string out(out_data_, out_size_), err(err_data_, err_size_);
    std::pair<std::string, std::string> taken{out.substr(out_seen_), err.substr(err_seen_)};
    out_seen_ = out.size();
    err_seen_ = err.size();
    return taken;
  }

  TempDir dir_;
  std::unique_ptr<query::Engine> engine_;
  char* out_data_ = nullptr;
  char* err_data_ = nullptr;
  size_t out_size_ = 0, err_size_ = 0, out_seen_ = 0, err_seen_ = 0;
  std::FILE* out_ = nullptr;
  std::FILE* err_ = nullptr;
  std::unique_ptr<ShellSession> session_;
};

TEST_F(ShellSessionTest, ParamSetsListsAndRemovesParameters) {
  session_->Feed(":param domain 'hl7 v2 interfaces'");
  session_->Feed(":param min 5");
  session_->Feed("MATCH (p:Person)-[e:EXPERT_IN]->(:Domain {name: $domain})");
  EXPECT_TRUE(session_->pending());
  session_->Feed("WHERE e.level >= $min RETURN p.name AS name;");
  auto [out, err] = Take();
  EXPECT_EQ(out, "+------------+\n| name       |\n+------------+\n| Mateo Sato |\n+------------+\n");
  EXPECT_TRUE(std::regex_match(err, std::regex("1 row \\([0-9.]+ ms\\)\n"))) << err;  // timed

  session_->Feed(":param");
  EXPECT_EQ(Take().first, "$domain = 'hl7 v2 interfaces'\n$min = 5\n");
  session_->Feed(":param min");
  session_->Feed(":param");
  EXPECT_EQ(Take().first, "$domain = 'hl7 v2 interfaces'\n");
  session_->Feed(":param names ['a', 'b']");
  session_->Feed("RETURN size($names) AS n, $min AS min;");
  auto [missing_out, missing_err] = Take();
  EXPECT_EQ(missing_err, "ParameterMissing: Expected parameter(s): min\n");
  EXPECT_EQ(session_->failures(), 1);

  session_->Feed(":param bad [1,");
  EXPECT_NE(Take().second.find("column"), std::string::npos);
  EXPECT_EQ(session_->failures(), 2);
}

TEST_F(ShellSessionTest, CompletionsComeFromTheDatabaseAndTheProcedures) {
  CompletionWords words = session_->Completions();
  for (const char* name : {"Person", "Community", "EXPERT_IN", "email", "strength"}) {
    EXPECT_NE(std::find(words.names.begin(), words.names.end(), name), words.names.end()) << name;
  }
  for (const char* keyword : {"MATCH", "cop.experts", "db.labels", ":param"}) {
    EXPECT_NE(std::find(words.keywords.begin(), words.keywords.end(), keyword), words.keywords.end())
        << keyword;
  }
}

TEST(ShellTableTest, TablesFitTheWidthGiven) {
  Table table{{"name", "purpose"},
              {{{"Platform Guild"}, {"one paved road to production, for every team"}}}};
  std::string fitted = FormatTable(table, 40);
  std::istringstream lines(fitted);
  for (std::string line; std::getline(lines, line);) {
    EXPECT_LE(line.size() - (line.find("…") != std::string::npos ? 2 : 0), 40u) << line;
  }
  EXPECT_NE(fitted.find("…"), std::string::npos) << fitted;
}

TEST(ShellPipeTest, ReadsStatementsAndCommandsFromAPipe) {
  TempDir dir;
  std::string db = dir / "org.db";
  ASSERT_NE(docs::OpenExampleOrganization(db), nullptr);
  copmap::testing::WriteFile(dir / "in.txt",
                             ":param d 'kubernetes'\n"
                             "MATCH (:Domain {name: $d})<-[e:EXPERT_IN]-()\n"
                             "RETURN max(e.level) AS top;\n"
                             ":format csv\n"
                             "RETURN 'a,b' AS s\n");
  std::string command = std::string(COPMAP_BINARY) + " shell --db " + db + " <" + (dir / "in.txt") +
                        " >" + (dir / "out.txt") + " 2>" + (dir / "err.txt");
  int status = std::system(command.c_str());
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_EQ(copmap::testing::ReadFile(dir / "out.txt"),
            "+-----+\n| top |\n+-----+\n|   4 |\n+-----+\ns\n\"a,b\"\n");
  std::string err = copmap::testing::ReadFile(dir / "err.txt");
  EXPECT_TRUE(std::regex_match(err, std::regex("1 row \\([0-9.]+ ms\\)\n1 row \\([0-9.]+ ms\\)\n"))) << err;
  EXPECT_EQ(err.find("\033["), std::string::npos) << "no colour on a pipe";
}

}  // namespace
}  // namespace copmap::cli
