// The CoP procedures on the examples/ organization (Meridian Health), imported
// from its CSVs into a real store. Expected values were computed from the CSVs
// with networkx 2.8.8 (/usr/bin/python3), applying the rules of docs/ANALYTICS.md:
//
//   import csv, networkx as nx
//   rows = lambda f: list(csv.reader(open(f)))[1:]      # in examples/org
//   G = nx.Graph(); G.add_nodes_from(r[0] for r in rows('nodes_Person.csv'))
//   G.add_edges_from((r[0], r[1]) for r in rows('rels_KNOWS.csv'))
//   bc = nx.betweenness_centrality(G); c = nx.constraint(G)
//   # departures: min(last WORKS_AT.until if all set, last MEMBER_OF.until if all set);
//   # staying experts at level >= 4 per domain; practices with no staying author or applier;
//   # per community: ties inside / leading out of its MEMBER_OF set.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "query/analytics/cop_procedures.h"
#include "storage/interchange/csv_importer.h"
#include "tests/analytics/cop_org.h"
#include "tests/storage/temp_store.h"

namespace copmap::analytics {
namespace {

using testing::Col;
using testing::Day;

class ExamplesOrgTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new storage::test::TempDir();
    store_ = storage::test::OpenOrDie(dir_->Sub("db")).release();
    interchange::ImportOptions options;
    options.paths = {std::string(COPMAP_EXAMPLES_ORG)};
    interchange::ImportSummary summary;
    std::vector<std::string> errors;
    Status s = interchange::ImportCsv(*store_, options, &summary, &errors);
    ASSERT_TRUE(s.ok()) << s.ToString() << (errors.empty() ? "" : "\n" + errors[0]);
  }
  static void TearDownTestSuite() {
    delete store_;
    delete dir_;
  }

  Result<ProcedureRows> Run(const std::string& name, std::vector<Value> args) {
    auto txn = store_->Begin({.read_only = true});
    return RunCopProcedure(*txn, name, std::move(args));
  }

  static storage::test::TempDir* dir_;
  static storage::GraphStore* store_;
};

storage::test::TempDir* ExamplesOrgTest::dir_ = nullptr;
storage::GraphStore* ExamplesOrgTest::store_ = nullptr;

TEST_F(ExamplesOrgTest, BrokersAreTheInformaticistsWithNetworkxScores) {
  auto rows = Run("cop.brokers", {Value(ValueMap{{"limit", 5}})});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  // 250 people, 1014 ties: exact. bc and constraint of the top five from the script above.
  const std::vector<std::string> emails = {
      "amara.kelly@meridianhealth.example", "chiara.iyer@meridianhealth.example",
      "noor.silva@meridianhealth.example", "priya.fernandes@meridiandigital.example",
      "wanda.hansen@meridiandigital.example"};
  const std::vector<double> bc = {0.08263795574923491, 0.05488394384785081, 0.049399297770818265,
                                  0.03652766754632916, 0.036399082999863434};
  const std::vector<double> constraint = {0.0674212787608118, 0.07804270603501985,
                                          0.08922116126543211, 0.10616337428884386,
                                          0.1167371314151617};
  ASSERT_EQ(rows->rows.size(), 5u);
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(Col(*rows, i, "email").as_string(), emails[i]);
    EXPECT_NEAR(Col(*rows, i, "betweenness").as_float(), bc[i], 1e-9);
    EXPECT_NEAR(Col(*rows, i, "constraint").as_float(), constraint[i], 1e-9);
    EXPECT_TRUE(Col(*rows, i, "exact").as_bool());
    EXPECT_GE(Col(*rows, i, "communities").as_int(), 2);
  }
}

TEST_F(ExamplesOrgTest, KnowledgeAtRiskFindsThePlantedRisks) {
  auto rows = Run("cop.knowledgeAtRisk", {Value(ValueMap{{"asOf", Day("2026-06-01")}})});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  // 7 domains without a staying expert at level >= 4 (risk 1), the 7 orphaned practices
  // (never applied, risk 1), then 11 domains with one such expert (risk 0.5).
  ASSERT_EQ(rows->rows.size(), 25u);
  std::vector<std::string> first;
  for (size_t i = 0; i < 14; ++i) first.push_back(Col(*rows, i, "name").as_string());
  EXPECT_EQ(first, (std::vector<std::string>{
                       "data engineering", "data visualization", "hl7 v2 interfaces",
                       "identity management", "machine learning", "medication safety",
                       "palliative care", "case study: radiology at the Providence site",
                       "case study: threat modeling at the Providence site",
                       "cloud security standard work", "epidemiology for newcomers",
                       "lessons from rolling out api design",
                       "lessons from rolling out nursing practice",
                       "palliative care for newcomers"}));
  EXPECT_EQ(Col(*rows, 13, "risk").as_float(), 1.0);
  EXPECT_EQ(Col(*rows, 14, "risk").as_float(), 0.5);
  // hl7 v2's only senior expert (Mateo Sato) has left: his employment ended 2026-03-31.
  EXPECT_EQ(Col(*rows, 2, "reason").as_string(),
            "0 staying expert(s) at level >= 4, fewer than 2; 1 expert(s) left");
  // Before that day he is leaving.
  auto before = Run("cop.knowledgeAtRisk", {Value(ValueMap{{"asOf", Day("2026-01-01")}})});
  ASSERT_TRUE(before.ok());
  bool found = false;
  for (size_t i = 0; i < before->rows.size(); ++i) {
    if (Col(*before, i, "name").as_string() != "hl7 v2 interfaces") continue;
    found = true;
    EXPECT_EQ(Col(*before, i, "reason").as_string(),
              "0 staying expert(s) at level >= 4, fewer than 2; 1 expert(s) leaving from "
              "2026-03-31");
  }
  EXPECT_TRUE(found);
}

TEST_F(ExamplesOrgTest, SilosPutTheRadiologyStudyGroupFirst) {
  auto rows = Run("cop.silos", {});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->rows.size(), 12u);
  // Radiology AI Study Group: 15 members, 37 ties inside, 40 out: E-I 3/77.
  EXPECT_EQ(Col(*rows, 0, "name").as_string(), "Radiology AI Study Group");
  EXPECT_EQ(Col(*rows, 0, "members").as_int(), 15);
  EXPECT_EQ(Col(*rows, 0, "internal").as_int(), 37);
  EXPECT_EQ(Col(*rows, 0, "external").as_int(), 40);
  EXPECT_NEAR(Col(*rows, 0, "eiIndex").as_float(), 3.0 / 77, 1e-12);
  // The most open: Clinical Informatics Forum, 102 inside, 275 out.
  EXPECT_EQ(Col(*rows, 11, "name").as_string(), "Clinical Informatics Forum");
  EXPECT_NEAR(Col(*rows, 11, "eiIndex").as_float(), 173.0 / 377, 1e-12);
}

TEST_F(ExamplesOrgTest, ExpertsAndOtherProceduresRun) {
  auto experts = Run("cop.experts", {Value("hl7 v2 interfaces"),
                                     Value(ValueMap{{"asOf", Day("2025-06-01")}})});
  ASSERT_TRUE(experts.ok()) << experts.status().ToString();
  // Mateo Sato (level 5, employed until 2026-03-31) is among them with his declared level.
  bool mateo = false;
  for (size_t i = 0; i < experts->rows.size(); ++i) {
    if (Col(*experts, i, "email").as_string() != "mateo.sato@caldera.example") continue;
    mateo = true;
    EXPECT_EQ(Col(*experts, i, "explanation").as_string().rfind("level 5", 0), 0u);
    if (i > 0) {
      EXPECT_GE(Col(*experts, i - 1, "score").as_float(), Col(*experts, i, "score").as_float());
    }
  }
  EXPECT_TRUE(mateo);
  // After his departure he is no longer listed.
  auto later = Run("cop.experts", {Value("hl7 v2 interfaces"),
                                   Value(ValueMap{{"asOf", Day("2026-06-01")}, {"limit", 100}})});
  ASSERT_TRUE(later.ok());
  for (size_t i = 0; i < later->rows.size(); ++i) {
    EXPECT_NE(Col(*later, i, "email").as_string(), "mateo.sato@caldera.example");
  }
  auto from = Run("cop.experts",
                  {Value("hl7 v2 interfaces"),
                   Value(ValueMap{{"from", "amara.kelly@meridianhealth.example"},
                                  {"asOf", Day("2025-06-01")}})});
  ASSERT_TRUE(from.ok()) << from.status().ToString();
  for (size_t i = 0; i < from->rows.size(); ++i) {
    const Value& path = Col(*from, i, "path");
    EXPECT_EQ(path.as_list().front().as_string(), "Amara Kelly");
    EXPECT_GT(Col(*from, i, "trust").as_float(), 0.0);
  }
  for (const char* name : {"cop.communities", "cop.mentoringMatches", "cop.participation",
                           "cop.transfer", "cop.overlap"}) {
    auto rows = Run(name, {});
    ASSERT_TRUE(rows.ok()) << name << ": " << rows.status().ToString();
    EXPECT_FALSE(rows->rows.empty()) << name;
  }
}

}  // namespace
}  // namespace copmap::analytics
