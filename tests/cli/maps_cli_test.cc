// `copmap render` and `copmap analyze` on the example organization: each
// output format's magic bytes, named and query maps, analyses and errors.
#include <gtest/gtest.h>

#include <string>

#include "tests/cli/org_db.h"

namespace {

using copmap::testing::CliResult;
using copmap::testing::OrgDbTest;
using copmap::testing::ReadFile;
using copmap::testing::RunCopmap;
using copmap::testing::ShellQuote;
using copmap::testing::TempDir;

using RenderCliTest = OrgDbTest;
using AnalyzeCliTest = OrgDbTest;

TEST_F(RenderCliTest, EveryFormatHasItsMagicBytes) {
  TempDir out;
  struct Case {
    const char* format;
    std::string magic;
  } cases[] = {{"svg", "<svg"}, {"pdf", "%PDF-"}, {"png", "\x89PNG\r\n\x1a\n"}, {"dot", "digraph"}};
  for (const Case& c : cases) {
    std::string file = out / (std::string("risk.") + c.format);
    CliResult r = RunCopmap("render risk --db " + db() + " --format " + c.format +
                            " --page A4 --landscape -o " + file);
    ASSERT_EQ(r.code, 0) << c.format << ": " << r.err;
    std::string bytes = ReadFile(file);
    if (std::string(c.format) == "svg" || std::string(c.format) == "dot") {
      EXPECT_NE(bytes.find(c.magic), std::string::npos) << c.format;
    } else {
      EXPECT_EQ(bytes.substr(0, c.magic.size()), c.magic) << c.format;
    }
  }
}

TEST_F(RenderCliTest, NamedMapsWithArgumentsAndQueryMaps) {
  TempDir out;
  CliResult community = RunCopmap("query --db " + db() + " --format csv -e " +
                                  ShellQuote("MATCH (c:Community) RETURN c.name AS name ORDER BY name LIMIT 1"));
  std::string name = community.out.substr(community.out.find('\n') + 1);
  name.pop_back();
  CliResult r = RunCopmap("render community " + ShellQuote(name) + " --db " + db() + " -o " + (out / "c.svg"));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(ReadFile(out / "c.svg").find("<svg"), std::string::npos);

  CliResult q = RunCopmap("render --db " + db() + " -o " + (out / "q.pdf") + " --query " +
                          ShellQuote("MATCH (p:Person)-[k:KNOWS]->(f:Person) RETURN p, k, f LIMIT 20"));
  ASSERT_EQ(q.code, 0) << q.err;
  EXPECT_EQ(ReadFile(out / "q.pdf").substr(0, 5), "%PDF-");  // format from the extension
}

TEST_F(RenderCliTest, BadMapsAndOptionsAreErrors) {
  TempDir out;
  CliResult unknown = RunCopmap("render galaxy --db " + db() + " -o " + (out / "x.svg"));
  EXPECT_EQ(unknown.code, 1);
  EXPECT_NE(unknown.err.find("galaxy"), std::string::npos) << unknown.err;
  CliResult missing = RunCopmap("render community 'No Such Guild' --db " + db() + " -o " + (out / "x.svg"));
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find("No Such Guild"), std::string::npos) << missing.err;
  EXPECT_FALSE(std::filesystem::exists(out / "x.svg"));
  EXPECT_EQ(RunCopmap("render risk --db " + db() + " --page B7 -o " + (out / "x.svg")).code, 2);
  EXPECT_EQ(RunCopmap("render risk --db " + db() + " --query 'RETURN 1' -o x.svg").code, 2);
  EXPECT_EQ(RunCopmap("render risk --db " + db()).code, 2);  // -o is required
}

TEST_F(AnalyzeCliTest, ExpertsAndRiskReadably) {
  CliResult domain = RunCopmap("query --db " + db() + " --format csv -e " +
                               ShellQuote("MATCH (d:Domain)<-[:EXPERT_IN]-() RETURN d.name AS name, count(*) AS n "
                                          "ORDER BY n DESC, name LIMIT 1"));
  std::string name = domain.out.substr(domain.out.find('\n') + 1);
  name = name.substr(0, name.find(','));
  CliResult experts = RunCopmap("analyze experts " + ShellQuote("'" + name + "'") + " -p limit=3 --format csv --db " + db());
  ASSERT_EQ(experts.code, 0) << experts.err;
  EXPECT_EQ(experts.out.substr(0, experts.out.find('\n')),
            "person,name,email,score,expertise,trust,hops,path,explanation");
  size_t lines = 0;
  for (char c : experts.out) lines += c == '\n';
  EXPECT_EQ(lines, 4u) << experts.out;
  EXPECT_EQ(experts.out.find("(:Person"), std::string::npos) << "nodes shown by name";

  CliResult json = RunCopmap("analyze knowledgeAtRisk --format json --db " + db());
  ASSERT_EQ(json.code, 0) << json.err;
  EXPECT_EQ(json.out.substr(0, 2), "[\n");
  EXPECT_NE(json.out.find("\"kind\":"), std::string::npos);
  EXPECT_NE(json.out.find("\"labels\":["), std::string::npos) << "json keeps whole nodes";

  CliResult silos = RunCopmap("analyze cop.silos --db " + db());
  EXPECT_EQ(silos.code, 0) << silos.err;
  EXPECT_NE(silos.out.find("| eiIndex"), std::string::npos) << silos.out;
}

TEST_F(AnalyzeCliTest, BadAnalysesAreErrors) {
  CliResult unknown = RunCopmap("analyze astrology --db " + db());
  EXPECT_EQ(unknown.code, 1);
  EXPECT_NE(unknown.err.find("cop.astrology"), std::string::npos) << unknown.err;
  CliResult option = RunCopmap("analyze brokers -p limit=abc --db " + db());
  EXPECT_EQ(option.code, 1);
  EXPECT_NE(option.err.find("limit"), std::string::npos) << option.err;
  EXPECT_EQ(RunCopmap("analyze experts --db " + (std::string("/nonexistent/db"))).code, 3);
}

}  // namespace
