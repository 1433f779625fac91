// `copmap query` and `copmap shell` on a small real database: every output
// format byte for byte, parameters, errors and exit codes, piped shell input.
#include <gtest/gtest.h>

#include <string>

#include "tests/cli/cli_run.h"

namespace {

using copmap::testing::CliResult;
using copmap::testing::RunCopmap;
using copmap::testing::ShellQuote;
using copmap::testing::TempDir;
using copmap::testing::WriteFile;

class QueryCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_ / "in/nodes_Person.csv",
              "id:ID,name,email,age:int\n1,Ada,ada@x.example,36\n2,\"Grace, H\",grace@x.example,\n");
    WriteFile(dir_ / "in/rels_KNOWS.csv", ":START_ID,:END_ID,strength:float\n1,2,0.5\n");
    CliResult r = RunCopmap("import --db " + db_ + " " + (dir_ / "in"));
    ASSERT_EQ(r.code, 0) << r.out << r.err;
  }
  CliResult Query(const std::string& text, const std::string& extra = "") {
    return RunCopmap("query --db " + db_ + " -e " + ShellQuote(text) + " " + extra);
  }

  TempDir dir_;
  std::string db_ = dir_ / "db";
};

constexpr const char* kByName =
    "MATCH (p:Person) RETURN p.name AS name, p.age AS age ORDER BY name";

TEST_F(QueryCliTest, TableAlignsAndSummarizesOnStderr) {
  CliResult r = Query(kByName);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            "+----------+------+\n"
            "| name     | age  |\n"
            "+----------+------+\n"
            "| Ada      |   36 |\n"
            "| Grace, H | null |\n"
            "+----------+------+\n");
  EXPECT_EQ(r.err.substr(0, 8), "2 rows (") << r.err;
}

TEST_F(QueryCliTest, CsvQuotesFieldsAndLeavesNullEmpty) {
  CliResult r = Query(kByName, "--format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "name,age\nAda,36\n\"Grace, H\",\n");
  EXPECT_EQ(r.err, "");
  CliResult q = Query("RETURN 'say \"hi\"\nthere' AS s", "--format csv");
  EXPECT_EQ(q.out, "s\n\"say \"\"hi\"\"\nthere\"\n");
}

TEST_F(QueryCliTest, JsonAndJsonlRows) {
  EXPECT_EQ(Query(kByName, "--format json").out,
            "[\n{\"name\":\"Ada\",\"age\":36},\n{\"name\":\"Grace, H\",\"age\":null}\n]\n");
  EXPECT_EQ(Query(kByName, "--format jsonl").out,
            "{\"name\":\"Ada\",\"age\":36}\n{\"name\":\"Grace, H\",\"age\":null}\n");
  EXPECT_EQ(Query("MATCH (p:Person) WHERE p.age > 100 RETURN p", "--format json").out, "[]\n");
}

TEST_F(QueryCliTest, JsonEntitiesPathsDatesAndEscapes) {
  CliResult node = Query("MATCH (p:Person {name: 'Ada'}) RETURN p", "--format jsonl");
  ASSERT_EQ(node.code, 0) << node.err;
  EXPECT_NE(node.out.find("\"labels\":[\"Person\"],\"properties\":{"), std::string::npos) << node.out;
  EXPECT_NE(node.out.find("\"email\":\"ada@x.example\""), std::string::npos) << node.out;
  CliResult rel = Query("MATCH ()-[k:KNOWS]->() RETURN k", "--format jsonl");
  EXPECT_NE(rel.out.find("\"type\":\"KNOWS\",\"start\":"), std::string::npos) << rel.out;
  EXPECT_NE(rel.out.find("\"properties\":{\"strength\":0.5}}"), std::string::npos) << rel.out;
  CliResult path = Query("MATCH p = (:Person)-[:KNOWS]->(:Person) RETURN p", "--format jsonl");
  EXPECT_EQ(path.out.rfind("{\"p\":{\"nodes\":[{\"id\":", 0), 0u) << path.out;
  EXPECT_NE(path.out.find("],\"relationships\":[{\"id\":"), std::string::npos) << path.out;
  CliResult date = Query("RETURN date('2024-02-29') AS d", "--format jsonl");
  EXPECT_EQ(date.out, "{\"d\":\"2024-02-29\"}\n") << date.err;
  CliResult esc = RunCopmap("query --db " + db_ + " --format jsonl -e 'RETURN $s AS s' -p " +
                            ShellQuote("s='tab\\there \"q\" \\u00e9 \\u0001'"));
  EXPECT_EQ(esc.out, "{\"s\":\"tab\\there \\\"q\\\" \xC3\xA9 \\u0001\"}\n") << esc.err;
}

TEST_F(QueryCliTest, ParametersAreLiterals) {
  auto one = [&](const std::string& param, const std::string& expr) {
    return RunCopmap("query --db " + db_ + " --format csv -e " + ShellQuote("RETURN " + expr + " AS v") +
                     " -p " + ShellQuote(param)).out;
  };
  EXPECT_EQ(one("n=41", "$n + 1"), "v\n42\n");
  EXPECT_EQ(one("f=2.5", "$f * 2"), "v\n5.0\n");
  EXPECT_EQ(one("b=TRUE", "NOT $b"), "v\nfalse\n");
  EXPECT_EQ(one("z=null", "$z IS NULL"), "v\ntrue\n");
  EXPECT_EQ(one("l=[1, 2, [3]]", "size($l)"), "v\n3\n");
  EXPECT_EQ(one("m={k: 'v', 'odd key': [true]}", "$m.k"), "v\nv\n");
  EXPECT_EQ(one("s='42'", "$s + '!'"), "v\n42!\n");
  EXPECT_EQ(one("e=ada@x.example", "$e"), "v\nada@x.example\n");
  CliResult matched = RunCopmap("query --db " + db_ + " --format csv -p who=Ada -p who=Grace -e " +
                                ShellQuote("MATCH (p:Person) WHERE p.name STARTS WITH $who RETURN p.age AS a"));
  EXPECT_EQ(matched.out, "a\n\n") << matched.err;  // the later --param wins
  CliResult bad = RunCopmap("query --db " + db_ + " -e 'RETURN 1' -p " + ShellQuote("l=[1,"));
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("parameter value \"[1,\": column 4"), std::string::npos) << bad.err;
  EXPECT_EQ(RunCopmap("query --db " + db_ + " -e 'RETURN 1' -p noequals").code, 2);
  EXPECT_EQ(RunCopmap("query --db " + db_ + " -e 'RETURN 1' -p 1x=2").code, 2);
}

TEST_F(QueryCliTest, ErrorsAndExitCodes) {
  CliResult syntax = Query("MATCH (p:Person RETURN p");
  EXPECT_EQ(syntax.code, 1);
  EXPECT_EQ(syntax.out, "");
  EXPECT_NE(syntax.err.find("1:"), std::string::npos) << syntax.err;
  EXPECT_NE(syntax.err.find("MATCH (p:Person RETURN p\n"), std::string::npos) << syntax.err;
  EXPECT_NE(syntax.err.find("^"), std::string::npos) << syntax.err;
  EXPECT_EQ(Query("RETURN $missing").code, 1);
  EXPECT_EQ(RunCopmap("query --db " + (dir_ / "nowhere") + " -e 'RETURN 1'").code, 3);
  EXPECT_EQ(RunCopmap("query --db " + db_).code, 2);  // neither -e nor -f
  EXPECT_EQ(RunCopmap("query --db " + db_ + " -e 'RETURN 1' -f x").code, 2);
  EXPECT_EQ(RunCopmap("query --db " + db_ + " -e 'RETURN 1' --format xml").code, 2);
  EXPECT_EQ(RunCopmap("query --db " + db_ + " -f " + (dir_ / "none.cypher")).code, 3);
}

TEST_F(QueryCliTest, StatementFromFileOrStdinAndWrites) {
  WriteFile(dir_ / "q.cypher", "CREATE (:Person {name: 'Linus', email: 'l@x.example'})");
  CliResult created = RunCopmap("query --db " + db_ + " -f " + (dir_ / "q.cypher"));
  ASSERT_EQ(created.code, 0) << created.err;
  EXPECT_NE(created.err.find("0 rows, 1 node created, 2 properties set"), std::string::npos) << created.err;
  CliResult count = RunCopmap("query --db " + db_ + " --format csv -f -",
                              "MATCH (p:Person) RETURN count(*) AS n");
  EXPECT_EQ(count.out, "n\n3\n");
}

TEST_F(QueryCliTest, ShellRunsPipedStatementsAndCommands) {
  CliResult r = RunCopmap("shell --db " + db_,
                          "MATCH (p:Person)\n"
                          "RETURN count(*) AS n;\n"
                          ":param who 'Ada'\n"
                          "// a comment; not the end\n"
                          "MATCH (p:Person {name: $who}) RETURN p.age AS age; RETURN ';' AS semi;\n"
                          ":format csv\n"
                          "RETURN 1 AS one;\n"
                          ":explain MATCH (p:Person) RETURN p\n"
                          ":schema\n"
                          ":quit\n"
                          "RETURN 2 AS two;\n");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("| n |\n+---+\n| 2 |"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| age |\n+-----+\n|  36 |"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| semi |\n+------+\n| ;    |"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("one\n1\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("labels: Person"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("relationship types: KNOWS"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("two"), std::string::npos) << r.out;  // after :quit
  EXPECT_NE(r.err.find("1 row ("), std::string::npos) << r.err;

  CliResult failed = RunCopmap("shell --db " + db_, "RETURN nope;\nRETURN 5 AS five\n");
  EXPECT_EQ(failed.code, 1);
  EXPECT_NE(failed.err.find("nope"), std::string::npos) << failed.err;
  EXPECT_NE(failed.out.find("|    5 |"), std::string::npos) << failed.out;  // runs on at the end
}

}  // namespace
