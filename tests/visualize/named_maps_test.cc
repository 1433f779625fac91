// The named maps end to end: a real database in a temp dir, the real query
// engine, the real Graphviz.
#include "visualize/named_maps.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "tests/visualize/svg_check.h"

namespace copmap::visualize {
namespace {

// A small organization, written through the engine.
constexpr const char* kSetup[] = {
    "CREATE (:Organization {name: 'Acme', kind: 'company'}), "
    "(:Organization {name: 'Partner & Co', kind: 'partner'})",
    "CREATE (:Community {name: 'Data Science', kind: 'overlapping'}), "
    "(:Community {name: 'Platform', kind: 'nested'}), (:Community {name: 'Safety', kind: 'nested'})",
    "CREATE (:Domain {name: 'machine learning'}), (:Domain {name: 'kubernetes'})",
    "CREATE (:Person {email: 'ada@acme.org', name: 'Ada \"the\" <Lovelace>'}), "
    "(:Person {email: 'bob@acme.org', name: 'Bob'}), (:Person {email: 'cy@acme.org', name: 'Cy'}), "
    "(:Person {email: 'dee@partner.org', name: 'Dee'}), (:Person {email: 'eve@acme.org', name: 'Eve'})",
    "MATCH (c:Community), (o:Organization {name: 'Acme'}) WHERE c.name <> 'Data Science' "
    "CREATE (c)-[:PART_OF]->(o)",
    "MATCH (p:Person {email: 'ada@acme.org'}), (c:Community {name: 'Data Science'}) "
    "CREATE (p)-[:MEMBER_OF {role: 'core'}]->(c), (p)-[:LEADS {style: 'inspiring'}]->(c)",
    "MATCH (p:Person {email: 'bob@acme.org'}), (c:Community {name: 'Data Science'}) "
    "CREATE (p)-[:MEMBER_OF {role: 'peripheral'}]->(c)",
    "MATCH (p:Person {email: 'bob@acme.org'}), (c:Community {name: 'Platform'}) "
    "CREATE (p)-[:MEMBER_OF {role: 'active'}]->(c)",
    "MATCH (p:Person {email: 'cy@acme.org'}), (c:Community {name: 'Platform'}) "
    "CREATE (p)-[:MEMBER_OF {role: 'core'}]->(c)",
    "MATCH (p:Person {email: 'dee@partner.org'}), (c:Community {name: 'Data Science'}) "
    "CREATE (p)-[:MEMBER_OF {role: 'active'}]->(c)",
    "MATCH (p:Person {email: 'eve@acme.org'}), (c:Community {name: 'Safety'}) "
    "CREATE (p)-[:MEMBER_OF {role: 'core'}]->(c)",
    "MATCH (p:Person {email: 'ada@acme.org'}), (d:Domain {name: 'machine learning'}) "
    "CREATE (p)-[:EXPERT_IN {level: 5}]->(d)",
    "MATCH (p:Person {email: 'cy@acme.org'}), (d:Domain {name: 'kubernetes'}) "
    "CREATE (p)-[:EXPERT_IN {level: 4}]->(d)",
    "MATCH (p:Person {email: 'bob@acme.org'}), (d:Domain {name: 'machine learning'}) "
    "CREATE (p)-[:INTERESTED_IN]->(d)",
    "MATCH (a:Person {email: 'ada@acme.org'}), (b:Person {email: 'bob@acme.org'}) "
    "CREATE (a)-[:MENTORS {domain: 'machine learning'}]->(b)",
    "MATCH (c:Community {name: 'Data Science'}), (d:Domain {name: 'machine learning'}) "
    "CREATE (c)-[:FOCUSES_ON]->(d)",
    "MATCH (p:Person), (o:Organization {name: 'Acme'}) WHERE p.email ENDS WITH '@acme.org' "
    "CREATE (p)-[:WORKS_AT]->(o)",
    "MATCH (p:Person {email: 'dee@partner.org'}), (o:Organization {name: 'Partner & Co'}) "
    "CREATE (p)-[:WORKS_AT]->(o)",
    // Bob is the only one between others: cop.brokers' top broker.
    "MATCH (a:Person {email: 'ada@acme.org'}), (b:Person {email: 'bob@acme.org'}), "
    "(c:Person {email: 'cy@acme.org'}) "
    "CREATE (a)-[:KNOWS {strength: 0.8}]->(b), (b)-[:KNOWS {strength: 0.5}]->(c)",
};

class NamedMapsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("copmap_maps_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    auto engine = query::Engine::Open(dir_.string());
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = std::move(engine).value();
    for (const char* statement : kSetup) {
      auto result = engine_->Run(statement);
      ASSERT_TRUE(result.ok()) << statement << "\n" << result.status().ToString();
    }
  }
  void TearDown() override {
    engine_.reset();
    std::filesystem::remove_all(dir_);
  }

  testing::SvgSummary RenderSvg(const std::string& map, const std::string& arg) {
    MapRequest request;
    request.map = map;
    request.argument = arg;
    Result<RenderedMap> out = RenderNamedMap(*engine_, request);
    EXPECT_TRUE(out.ok()) << out.status().ToString();
    if (!out.ok()) return {};
    EXPECT_EQ(out->media_type, "image/svg+xml");
    std::string error;
    const auto elements = testing::ParseXml(out->bytes, &error);
    EXPECT_EQ(error, "");
    return testing::SummarizeSvg(elements);
  }

  static bool Has(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
  }

  std::filesystem::path dir_;
  std::unique_ptr<query::Engine> engine_;
};

TEST_F(NamedMapsTest, OrganizationHasOneClusterPerCommunity) {
  const testing::SvgSummary svg = RenderSvg("organization", "");
  EXPECT_EQ(svg.clusters, 4);  // three communities and the organizations
  EXPECT_TRUE(Has(svg.texts, "Organizations"));
  for (const char* title : {"Community: Data Science", "Community: Platform", "Community: Safety",
                            "Person: ada@acme.org", "Person: dee@partner.org"}) {
    EXPECT_TRUE(Has(svg.node_titles, title)) << title;
  }
  EXPECT_TRUE(Has(svg.texts, "Legend"));
  EXPECT_TRUE(Has(svg.texts, "Ada \"the\" <Lovelace>"));
  EXPECT_TRUE(Has(svg.texts, "boundary spanner (double outline)"));
  // cop.brokers' top ten with betweenness > 0: only Bob, between Ada and Cy.
  EXPECT_TRUE(Has(svg.texts, "\u25C6 Bob"));
  EXPECT_TRUE(Has(svg.texts, "broker #1, betweenness 0.17"));
  EXPECT_FALSE(Has(svg.texts, "\u25C6 Cy"));
  EXPECT_TRUE(Has(svg.texts, "\u25C6 broker: top 1 by betweenness (cop.brokers), purple"));
}

TEST_F(NamedMapsTest, NamedOrganizationKeepsItsCommunities) {
  const testing::SvgSummary svg = RenderSvg("organization", "Acme");
  // Platform and Safety (Data Science is not part of Acme), and the other
  // organizations; Acme itself is the focus, outside every cluster.
  EXPECT_EQ(svg.clusters, 3);
  EXPECT_TRUE(Has(svg.node_titles, "Organization: Acme"));
}

TEST_F(NamedMapsTest, CommunityGroupsByRole) {
  const testing::SvgSummary svg = RenderSvg("community", "Data Science");
  EXPECT_EQ(svg.clusters, 4);  // core, active, peripheral; the domains
  EXPECT_TRUE(Has(svg.texts, "Core members"));
  EXPECT_TRUE(Has(svg.texts, "Domains"));
  EXPECT_TRUE(Has(svg.node_titles, "Domain: machine learning"));
  EXPECT_TRUE(Has(svg.texts, "Legend"));
}

TEST_F(NamedMapsTest, DomainPersonAndRiskMaps) {
  testing::SvgSummary svg = RenderSvg("domain", "machine learning");
  EXPECT_EQ(svg.clusters, 3);  // level 5; the people interested; the communities
  EXPECT_TRUE(Has(svg.texts, "Expertise level 5"));
  EXPECT_TRUE(Has(svg.node_titles, "Person: bob@acme.org"));  // interested, mentee

  svg = RenderSvg("person", "bob@acme.org");
  EXPECT_TRUE(Has(svg.node_titles, "Person: ada@acme.org"));  // mentor
  EXPECT_TRUE(Has(svg.node_titles, "Community: Platform"));

  // cop.knowledgeAtRisk({minExperts: 3}) lists both domains, one staying expert each.
  svg = RenderSvg("risk", "");
  EXPECT_EQ(svg.clusters, 2);  // one per domain the procedure lists
  EXPECT_TRUE(Has(svg.texts, "1 staying expert"));
  EXPECT_TRUE(Has(svg.texts, "risk 0.67"));
  EXPECT_TRUE(Has(svg.node_titles, "Domain: machine learning"));
  EXPECT_TRUE(Has(svg.node_titles, "Person: bob@acme.org"));  // could learn from Ada
  EXPECT_TRUE(Has(svg.texts, "one staying expert: at risk"));
}

TEST_F(NamedMapsTest, RiskMapListsWhatKnowledgeAtRiskLists) {
  // A second expert in kubernetes (two stay: still under the map's bar of
  // three); Ada's only membership ended, so she is gone and machine learning
  // has no staying expert.
  for (const char* change :
       {"MATCH (p:Person {email: 'eve@acme.org'}), (d:Domain {name: 'kubernetes'}) "
        "CREATE (p)-[:EXPERT_IN {level: 5}]->(d)",
        "MATCH (p:Person {email: 'ada@acme.org'})-[m:MEMBER_OF]->() SET m.until = '2000-01-01'"}) {
    auto done = engine_->Run(change);
    ASSERT_TRUE(done.ok()) << change << "\n" << done.status().ToString();
  }
  auto listed = engine_->Run(
      "CALL cop.knowledgeAtRisk({minExperts: 3}) YIELD kind, name, reason "
      "WHERE kind = 'domain' RETURN name, reason");
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_EQ(listed->rows.size(), 2u);
  const testing::SvgSummary svg = RenderSvg("risk", "");
  EXPECT_EQ(svg.clusters, 2);
  for (const auto& row : listed->rows) {
    EXPECT_TRUE(Has(svg.node_titles, "Domain: " + row[0].as_string())) << row[0].ToString();
  }
  EXPECT_TRUE(Has(svg.texts, "no staying expert"));
  EXPECT_TRUE(Has(svg.texts, "1 expert(s) left"));
  EXPECT_TRUE(Has(svg.texts, "2 staying experts"));
  EXPECT_TRUE(Has(svg.texts, "risk 1.00"));
}

TEST_F(NamedMapsTest, BadRequestsAreClear) {
  MapRequest request;
  request.map = "galaxy";
  EXPECT_EQ(RenderNamedMap(*engine_, request).status().ToString(),
            "InvalidArgument: unknown map 'galaxy'; known maps: community NAME, domain NAME, "
            "organization [NAME], person EMAIL, risk");
  request.map = "community";
  request.argument = "Nowhere";
  EXPECT_EQ(RenderNamedMap(*engine_, request).status().ToString(),
            "NotFound: no Community with name 'Nowhere' in the result");
  Result<RenderedMap> out =
      RenderQueryMap(*engine_, "MATCH (p:Person) RETURN count(p)", RenderOptions{});
  EXPECT_EQ(out.status().code(), Status::Code::kInvalidArgument);
}

// Two DOT renders in one process once quoted a node name differently
// (<...> vs "..."): cgraph decided "HTML or not" by reading memory before a
// name that was not one of its pooled strings (graphviz_handles.cc). Names
// are pooled now; this runs in process too, where the heap is not fresh.
TEST_F(NamedMapsTest, AnyQueryCanBeDrawnAndIsDeterministic) {
  RenderOptions options;
  options.format = Format::kDot;
  const char* query = "MATCH (p:Person)-[m:MEMBER_OF]->(c:Community) RETURN p, m, c";
  Result<RenderedMap> first = RenderQueryMap(*engine_, query, options);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->nodes, 8u);
  Result<RenderedMap> second = RenderQueryMap(*engine_, query, options);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(first->bytes, second->bytes);
  EXPECT_EQ(first->bytes.rfind("digraph copmap {", 0), 0u) << first->bytes.substr(0, 40);
  EXPECT_NE(first->bytes.find("\"Person: ada@acme.org\""), std::string::npos);
  options.isolate = false;
  for (int i = 0; i < 3; ++i) {
    Result<RenderedMap> in_process = RenderQueryMap(*engine_, query, options);
    ASSERT_TRUE(in_process.ok()) << in_process.status().ToString();
    EXPECT_EQ(in_process->bytes, first->bytes) << "in-process render " << i;
  }
}

}  // namespace
}  // namespace copmap::visualize
