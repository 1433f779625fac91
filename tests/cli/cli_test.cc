// The built `copmap` binary: exit codes, --help on every subcommand, the
// forms scripts rely on (stats --format json, check, export/import, backup
// and restore, gen, demo).
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <string>

#include "tests/cli/cli_run.h"

namespace {

using copmap::testing::ReadFile;
using copmap::testing::TempDir;
using copmap::testing::WriteFile;

struct CliRun {
  int code;
  std::string out;  // stdout and stderr together
};

CliRun Copmap(const std::string& args) {
  copmap::testing::CliResult r = copmap::testing::RunCopmap(args);
  return {r.code, r.out + r.err};
}

TEST(CliTest, HelpOnEverySubcommand) {
  for (const char* sub : {"init", "import", "export", "stats", "check", "backup", "restore", "gen", "demo",
                          "query", "shell", "render", "serve", "analyze"}) {
    CliRun r = Copmap(std::string(sub) + " --help");
    EXPECT_EQ(r.code, 0) << sub;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << sub << ": " << r.out;
  }
  EXPECT_EQ(Copmap("--help").code, 0);
}

TEST(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(Copmap("").code, 2);
  EXPECT_EQ(Copmap("frobnicate").code, 2);
  EXPECT_EQ(Copmap("gen --out x").code, 2);  // --people is required
  EXPECT_EQ(Copmap("export --format xml --out x").code, 2);
}

TEST(CliTest, ImportStatsCheckExportAndDataErrors) {
  TempDir dir;
  std::string db = dir / "db";
  WriteFile(dir / "in/nodes_Person.csv", "id:ID,name,email\n1,Ada,ada@x.example\n2,Grace,grace@x.example\n");
  WriteFile(dir / "in/rels_KNOWS.csv", ":START_ID,:END_ID,strength:float\n1,2,0.9\n");
  CliRun imported = Copmap("import --db " + db + " " + (dir / "in"));
  ASSERT_EQ(imported.code, 0) << imported.out;
  EXPECT_NE(imported.out.find("2 nodes, 1 relationships"), std::string::npos) << imported.out;

  CliRun stats = Copmap("stats --db " + db + " --format json");
  EXPECT_EQ(stats.code, 0);
  EXPECT_EQ(stats.out.substr(0, stats.out.find("\"disk_bytes\"")),
            "{\"nodes\": {\"Person\": 2}, \"relationships\": {\"KNOWS\": 1}, ");

  CliRun check = Copmap("check --db " + db);
  EXPECT_EQ(check.code, 0) << check.out;

  // A bad row: exit 1, file:line and reason on stderr, nothing changed.
  WriteFile(dir / "bad/nodes_Person.csv", "id:ID,age:int\n3,abc\n");
  CliRun bad = Copmap("import --db " + db + " " + (dir / "bad"));
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.out.find("nodes_Person.csv:2: field 2 (age:int): int column: 'abc' is not an integer"), std::string::npos)
      << bad.out;
  auto counts = [](const std::string& json) { return json.substr(0, json.find("\"disk_bytes\"")); };
  EXPECT_EQ(counts(Copmap("stats --db " + db + " --format json").out), counts(stats.out));

  CliRun jsonl = Copmap("export --db " + db + " --format jsonl --out " + (dir / "all.jsonl"));
  EXPECT_EQ(jsonl.code, 0) << jsonl.out;
  std::string lines = ReadFile(dir / "all.jsonl");
  EXPECT_NE(lines.find("{\"type\":\"node\",\"id\":"), std::string::npos) << lines;
  EXPECT_NE(lines.find("\"label\":\"KNOWS\""), std::string::npos) << lines;

  EXPECT_EQ(Copmap("export --db " + db + " --out " + (dir / "csv")).code, 0);
  CliRun again = Copmap("import --db " + (dir / "db2") + " " + (dir / "csv"));
  EXPECT_EQ(again.code, 0) << again.out;
  EXPECT_EQ(Copmap("stats --db " + (dir / "db2") + " --format json").out.substr(0, 60), stats.out.substr(0, 60));
}

TEST(CliTest, MissingFilesAndDatabases) {
  TempDir dir;
  CliRun missing = Copmap("import --db " + (dir / "db") + " " + (dir / "nope.csv"));
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.out.find("nope.csv: no such file"), std::string::npos) << missing.out;
  EXPECT_EQ(Copmap("stats --db " + (dir / "never")).code, 1);
  WriteFile(dir / "notadb/readme.txt", "hello");
  CliRun notdb = Copmap("check --db " + (dir / "notadb"));
  EXPECT_NE(notdb.code, 0);
  EXPECT_NE(notdb.code, 2);
}

TEST(CliTest, DbDefaultsToTheEnvironment) {
  TempDir dir;
  std::string env = "COPMAP_DB=" + (dir / "envdb") + " ";
  std::string cmd = std::string(COPMAP_BINARY);
  EXPECT_EQ(std::system((env + cmd + " init > /dev/null").c_str()), 0);
  EXPECT_TRUE(std::filesystem::exists(dir / "envdb"));
}

TEST(CliTest, BackupAndRestore) {
  TempDir dir;
  std::string db = dir / "db";
  WriteFile(dir / "in/nodes_Domain.csv", "id:ID,name\n1,kubernetes\n");
  ASSERT_EQ(Copmap("import --db " + db + " " + (dir / "in")).code, 0);
  ASSERT_EQ(Copmap("backup --db " + db + " " + (dir / "bk")).code, 0);
  WriteFile(dir / "more/nodes_Domain.csv", "id:ID,name\n2,patient safety\n");
  ASSERT_EQ(Copmap("import --db " + db + " " + (dir / "more")).code, 0);
  CliRun restored = Copmap("restore --db " + db + " " + (dir / "bk"));
  ASSERT_EQ(restored.code, 0) << restored.out;
  EXPECT_NE(Copmap("stats --db " + db + " --format json").out.find("{\"Domain\": 1}"), std::string::npos);
}

TEST(CliTest, GenWritesTheWorkloadAndItImports) {
  TempDir dir;
  CliRun gen = Copmap("gen --people 200 --seed 9 --out " + (dir / "g"));
  ASSERT_EQ(gen.code, 0) << gen.out;
  EXPECT_TRUE(std::filesystem::exists(dir / "g/params.json"));
  CliRun imported = Copmap("import --db " + (dir / "db") + " " + (dir / "g"));
  EXPECT_EQ(imported.code, 0) << imported.out;
  EXPECT_EQ(Copmap("gen --people 5 --out " + (dir / "h")).code, 1);
}

TEST(CliTest, DemoLoadsTheSampleAndRefusesToReplaceOtherDirectories) {
  TempDir dir;
  CliRun demo = Copmap("demo --db " + (dir / "demo.db") + " --maps " + (dir / "maps"));
  ASSERT_EQ(demo.code, 0) << demo.out;
  // The walk-through: analyses, maps and how to serve.
  EXPECT_NE(demo.out.find("Whom to ask about"), std::string::npos) << demo.out;
  EXPECT_NE(demo.out.find("Knowledge at risk"), std::string::npos) << demo.out;
  EXPECT_NE(demo.out.find("| eiIndex"), std::string::npos) << demo.out;
  EXPECT_NE(demo.out.find("| betweenness"), std::string::npos) << demo.out;
  EXPECT_NE(demo.out.find("copmap serve --db"), std::string::npos) << demo.out;
  EXPECT_EQ(ReadFile(dir / "maps/organization.pdf").substr(0, 5), "%PDF-");
  EXPECT_NE(ReadFile(dir / "maps/risk.svg").find("<svg"), std::string::npos);
  EXPECT_NE(demo.out.find("Person 250"), std::string::npos) << demo.out;
  EXPECT_NE(demo.out.find("hl7 v2 interfaces"), std::string::npos) << demo.out;
  EXPECT_NE(demo.out.find("Radiology AI Study Group"), std::string::npos) << demo.out;
  EXPECT_EQ(Copmap("demo --maps '' --db " + (dir / "demo.db")).code, 0);  // recreates
  WriteFile(dir / "precious/data.txt", "keep me");
  EXPECT_NE(Copmap("demo --db " + (dir / "precious")).code, 0);
  EXPECT_EQ(ReadFile(dir / "precious/data.txt"), "keep me");
}

}  // namespace
