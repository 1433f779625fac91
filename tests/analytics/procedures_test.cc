#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "query/analytics/cop_procedures.h"
#include "tests/analytics/cop_org.h"

namespace copmap::analytics {
namespace {

using testing::Col;
using testing::CopOrg;
using testing::Day;

std::vector<std::string> Strings(const ProcedureRows& rows, const std::string& column) {
  std::vector<std::string> out;
  for (size_t i = 0; i < rows.rows.size(); ++i) out.push_back(Col(rows, i, column).as_string());
  return out;
}

Value Options(ValueMap map) { return Value(std::move(map)); }

// One organization for all tests: procedures only read, and building it costs a synced commit.
CopOrg& Org() {
  static CopOrg org;  // destroyed at exit, which removes its temp dir
  return org;
}

TEST(CopRegistryTest, ListsEveryProcedureAndChecksArguments) {
  std::vector<std::string> names;
  for (const ProcedureDef& def : CopProcedures()) names.push_back(def.name);
  EXPECT_EQ(names, (std::vector<std::string>{
                       "cop.brokers", "cop.communities", "cop.experts", "cop.knowledgeAtRisk",
                       "cop.mentoringMatches", "cop.overlap", "cop.participation", "cop.silos",
                       "cop.transfer", "cop.whatIfLeaves"}));
  auto missing = FindCopProcedure("cop.nothing");
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(missing.status().IsNotFound());
  const ProcedureDef* experts = FindCopProcedure("cop.experts").value();
  auto too_few = CheckProcedureArgs(*experts, {});
  EXPECT_EQ(too_few.status().message(),
            "cop.experts takes 1 to 2 argument(s) (domain :: STRING, options? :: MAP), got 0");
  auto padded = CheckProcedureArgs(*experts, {Value("rust")});
  ASSERT_TRUE(padded.ok());
  EXPECT_EQ(padded->size(), 2u);
  EXPECT_TRUE((*padded)[1].is_null());
}

TEST(CopProceduresTest, ExpertsRankByEvidence) {
  CopOrg& org = Org();
  auto rows = org.Run("cop.experts", {Value("kubernetes"), Options({{"asOf", Day("2025-06-01")}})});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  // ada: level 5 (10) + authored (3) + leads (3) + core (2) = 18; bob: level 3 (6) + applied (1)
  // + active (1) = 8; cy: applied (1) + peripheral (0.5); dee: applied (1).
  EXPECT_EQ(Strings(*rows, "email"), (std::vector<std::string>{"ada@example.org", "bob@example.org",
                                                              "cy@example.org", "dee@example.org"}));
  EXPECT_EQ(Col(*rows, 0, "score").as_float(), 18.0);
  EXPECT_EQ(Col(*rows, 1, "score").as_float(), 8.0);
  EXPECT_EQ(Col(*rows, 2, "score").as_float(), 1.5);
  EXPECT_EQ(Col(*rows, 0, "explanation").as_string(),
            "level 5; authored 1 practice(s); leads Cloud Guild; core in Cloud Guild");
  EXPECT_TRUE(Col(*rows, 0, "trust").is_null());
  EXPECT_EQ(Col(*rows, 0, "person").as_node().id, org.id("ada"));
}

TEST(CopProceduresTest, ExpertsFromAPersonFollowTheMostTrustedPath) {
  CopOrg& org = Org();
  auto rows = org.Run("cop.experts", {Value("kubernetes"),
                                      Options({{"from", "dee@example.org"},
                                               {"asOf", Day("2025-06-01")}})});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  // dee reaches ada better through cy and bob (.9 * .8 * .9 = .648) than directly (.2):
  // ada 18 * .648 = 11.664, bob 8 * .72 = 5.76, cy 1.5 * .9 = 1.35; dee herself is left out.
  ASSERT_EQ(rows->rows.size(), 3u);
  EXPECT_EQ(Strings(*rows, "email"), (std::vector<std::string>{"ada@example.org", "bob@example.org",
                                                              "cy@example.org"}));
  EXPECT_NEAR(Col(*rows, 0, "trust").as_float(), 0.648, 1e-12);
  EXPECT_NEAR(Col(*rows, 0, "score").as_float(), 11.664, 1e-9);
  EXPECT_NEAR(Col(*rows, 1, "score").as_float(), 5.76, 1e-9);
  EXPECT_EQ(Col(*rows, 0, "hops").as_int(), 3);
  EXPECT_EQ(Col(*rows, 0, "path"), Value(ValueList{"Dee", "Cy", "Bob", "Ada"}));
  // limit 1 stops the search early but must give the same top row.
  auto top = org.Run("cop.experts", {Value("kubernetes"),
                                     Options({{"from", int64_t(org.id("dee"))}, {"limit", 1},
                                              {"asOf", Day("2025-06-01")}})});
  ASSERT_TRUE(top.ok());
  ASSERT_EQ(top->rows.size(), 1u);
  EXPECT_EQ(Col(*top, 0, "path"), Col(*rows, 0, "path"));
}

TEST(CopProceduresTest, ExpertsRejectBadInput) {
  CopOrg& org = Org();
  EXPECT_EQ(org.Run("cop.experts", {Value("cobol")}).status().ToString(),
            "NotFound: cop.experts: no Domain with name 'cobol'");
  EXPECT_EQ(org.Run("cop.experts", {Value("rust"), Options({{"limt", 3}})}).status().message(),
            "cop.experts: unknown option 'limt' (known: from, limit, asOf, maxHops)");
  EXPECT_EQ(org.Run("cop.experts", {Value("rust"), Options({{"limit", "3"}})}).status().message(),
            "cop.experts: option 'limit' must be an integer in 1..1000000, got '3'");
  EXPECT_EQ(org.Run("cop.experts", {Value("rust"), Options({{"from", "zed@example.org"}})})
                .status()
                .message(),
            "cop.experts: no Person with email 'zed@example.org'");
}

TEST(CopProceduresTest, KnowledgeAtRisk) {
  CopOrg& org = Org();
  auto rows = org.Run("cop.knowledgeAtRisk", {Options({{"asOf", Day("2025-06-01")}})});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  // rust: its only expert (eve) left on 2024-12-31 -> risk 1; eve's practice was never
  // applied -> orphaned; kubernetes and patient-safety have one staying expert of 2 -> 0.5.
  EXPECT_EQ(Strings(*rows, "name"),
            (std::vector<std::string>{"rust", "Borrow checker tips", "kubernetes", "patient-safety"}));
  EXPECT_EQ(Strings(*rows, "kind"),
            (std::vector<std::string>{"domain", "practice", "domain", "domain"}));
  EXPECT_EQ(Col(*rows, 0, "risk").as_float(), 1.0);
  EXPECT_EQ(Col(*rows, 0, "reason").as_string(),
            "0 staying expert(s) at level >= 4, fewer than 2; 1 expert(s) left");
  EXPECT_EQ(Col(*rows, 1, "reason").as_string(),
            "authors gone or leaving: Eve (left); never applied");
  EXPECT_EQ(Col(*rows, 2, "risk").as_float(), 0.5);
  // Before eve's departure date she is "leaving"; with minExperts 1 only rust remains at risk.
  auto early = org.Run("cop.knowledgeAtRisk",
                       {Options({{"asOf", Day("2024-06-01")}, {"minExperts", 1}})});
  ASSERT_TRUE(early.ok());
  EXPECT_EQ(Strings(*early, "name"), (std::vector<std::string>{"rust", "Borrow checker tips"}));
  EXPECT_EQ(Col(*early, 0, "reason").as_string(),
            "0 staying expert(s) at level >= 4, fewer than 1; 1 expert(s) leaving from 2024-12-31");
}

TEST(CopProceduresTest, WhatIfLeaves) {
  CopOrg& org = Org();
  auto rows = org.Run("cop.whatIfLeaves", {Value("ada@example.org"),
                                            Options({{"asOf", Day("2025-06-01")}})});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  // kubernetes loses its only level >= 4 expert; Cloud Guild (ada, bob, cy) reaches dee (via
  // ada and cy) and fay (via ada only): reach 2 -> 1.
  EXPECT_EQ(Strings(*rows, "name"), (std::vector<std::string>{"kubernetes", "Cloud Guild"}));
  EXPECT_EQ(Col(*rows, 0, "before").as_int(), 1);
  EXPECT_EQ(Col(*rows, 0, "after").as_int(), 0);
  EXPECT_EQ(Col(*rows, 0, "loss").as_float(), 1.0);
  EXPECT_EQ(Col(*rows, 1, "loss").as_float(), 0.5);
  EXPECT_EQ(Col(*rows, 1, "detail").as_string(),
            "members 3 -> 2; reach 2 -> 1 outsiders; loses its only leader");
}

TEST(CopProceduresTest, BrokersMatchNetworkx) {
  CopOrg& org = Org();
  auto rows = org.Run("cop.brokers", {Options({{"limit", 3}})});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  // /usr/bin/python3 -c "import networkx as nx; G=nx.Graph(); G.add_nodes_from('ada bob cy dee
  //   eve fay gus hal'.split()); G.add_edges_from([('ada','bob'),('bob','cy'),('cy','dee'),
  //   ('dee','ada'),('eve','fay'),('ada','fay'),('gus','hal')]);
  //   print(nx.betweenness_centrality(G), nx.constraint(G))"
  // ada 0.30952380952380953 (constraint 1/3), fay 0.19047619047619047 (0.5), bob and dee
  // 0.07142857142857142: the tie goes to the lower node id (bob).
  EXPECT_EQ(Strings(*rows, "email"), (std::vector<std::string>{"ada@example.org", "fay@example.org",
                                                              "bob@example.org"}));
  EXPECT_NEAR(Col(*rows, 0, "betweenness").as_float(), 0.30952380952380953, 1e-12);
  EXPECT_NEAR(Col(*rows, 1, "betweenness").as_float(), 0.19047619047619047, 1e-12);
  EXPECT_NEAR(Col(*rows, 0, "constraint").as_float(), 1.0 / 3, 1e-12);
  EXPECT_NEAR(Col(*rows, 1, "constraint").as_float(), 0.5, 1e-12);
  // ada's ties (bob, dee, fay) and she reach Cloud Guild, Safety Circle, Rustaceans; Acme, Beta.
  EXPECT_EQ(Col(*rows, 0, "communities").as_int(), 3);
  EXPECT_EQ(Col(*rows, 0, "organizations").as_int(), 2);
  EXPECT_EQ(Col(*rows, 0, "exact").as_bool(), true);
  auto scoped = org.Run("cop.brokers", {Options({{"scope", "Cloud Guild"}})});
  ASSERT_TRUE(scoped.ok());
  // Inside Cloud Guild the ties are ada-bob-cy: bob is the only broker (1.0).
  EXPECT_EQ(Col(*scoped, 0, "email").as_string(), "bob@example.org");
  EXPECT_NEAR(Col(*scoped, 0, "betweenness").as_float(), 1.0, 1e-12);
}

TEST(CopProceduresTest, Silos) {
  CopOrg& org = Org();
  auto rows = org.Run("cop.silos", {});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  // E-I: Quiet Club (1 inside, 0 out) -1; Rustaceans (1, 1) 0; Cloud Guild (2, 3) 0.2;
  // Safety Circle (1, 2) 1/3.
  EXPECT_EQ(Strings(*rows, "name"), (std::vector<std::string>{"Quiet Club", "Rustaceans",
                                                             "Cloud Guild", "Safety Circle"}));
  EXPECT_EQ(Col(*rows, 0, "eiIndex").as_float(), -1.0);
  EXPECT_EQ(Col(*rows, 0, "silo").as_bool(), true);
  EXPECT_EQ(Col(*rows, 2, "internal").as_int(), 2);
  EXPECT_EQ(Col(*rows, 2, "external").as_int(), 3);
  EXPECT_NEAR(Col(*rows, 2, "eiIndex").as_float(), 0.2, 1e-12);
  EXPECT_EQ(Col(*rows, 2, "spanners").as_int(), 2);  // ada and cy; bob's ties stay inside
  EXPECT_EQ(Col(*rows, 2, "tiesTo"), Value(ValueMap{{"Rustaceans", 1}, {"Safety Circle", 3}}));
  EXPECT_EQ(Col(*rows, 2, "silo").as_bool(), false);
}

TEST(CopProceduresTest, CommunitiesCompareWithDeclared) {
  CopOrg& org = Org();
  auto rows = org.Run("cop.communities", {Options({{"seed", 1}})});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  // Three groups of ties: {ada, bob, cy, dee}, {eve, fay}, {gus, hal} (networkx's
  // louvain_communities(G, seed=1) finds the same on this graph).
  ASSERT_EQ(rows->rows.size(), 3u);
  EXPECT_EQ(Col(*rows, 0, "size").as_int(), 4);
  EXPECT_EQ(Col(*rows, 2, "members"), Value(ValueList{"Gus", "Hal"}));
  EXPECT_EQ(Col(*rows, 2, "bestMatch").as_string(), "Quiet Club");
  EXPECT_EQ(Col(*rows, 2, "jaccard").as_float(), 1.0);
  EXPECT_EQ(Col(*rows, 1, "bestMatch").as_string(), "Rustaceans");
  EXPECT_GT(Col(*rows, 0, "modularity").as_float(), 0.3);
  auto again = org.Run("cop.communities", {Options({{"seed", 1}})});
  EXPECT_EQ(again->rows, rows->rows);
  auto lpa = org.Run("cop.communities", {Options({{"algorithm", "labelPropagation"}})});
  ASSERT_TRUE(lpa.ok());
  EXPECT_EQ(Col(*lpa, 0, "algorithm").as_string(), "labelPropagation");
  EXPECT_EQ(org.Run("cop.communities", {Options({{"algorithm", "girvan"}})}).status().message(),
            "cop.communities: algorithm must be 'louvain' or 'labelPropagation', got 'girvan'");
}

TEST(CopProceduresTest, MentoringMatches) {
  CopOrg& org = Org();
  auto rows = org.Run("cop.mentoringMatches", {Options({{"asOf", Day("2025-06-01")}})});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  // dee (interested in kubernetes) gets ada; fay (rust) gets nobody: rust's expert has left.
  // score = 1 + risk (1 - 1/3) + across communities .5 + level (5-4)*.1 + capacity 3/3*.1.
  ASSERT_EQ(rows->rows.size(), 1u);
  EXPECT_EQ(Col(*rows, 0, "menteeName").as_string(), "Dee");
  EXPECT_EQ(Col(*rows, 0, "mentorName").as_string(), "Ada");
  EXPECT_NEAR(Col(*rows, 0, "score").as_float(), 1 + 2.0 / 3 + 0.5 + 0.1 + 0.1, 1e-12);
  EXPECT_EQ(Col(*rows, 0, "reason").as_string(),
            "level 5 expert; domain at risk (1 expert(s)); across communities");
}

TEST(CopProceduresTest, Participation) {
  CopOrg& org = Org();
  auto rows = org.Run("cop.participation",
                      {Options({{"from", Day("2024-01-01")}, {"to", "2024-12-31"}})});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_EQ(Strings(*rows, "name"), (std::vector<std::string>{"Cloud Guild", "Quiet Club",
                                                             "Rustaceans", "Safety Circle"}));
  // Cloud Guild in 2024: ada, bob, cy active; ada authored P1, bob and cy applied it; one
  // meetup with 2 attendees -> 1 + 2 + 2 = 5 contributions; 2023: none.
  EXPECT_EQ(Col(*rows, 0, "activeMembers").as_int(), 3);
  EXPECT_EQ(Col(*rows, 0, "authored").as_int(), 1);
  EXPECT_EQ(Col(*rows, 0, "applied").as_int(), 2);
  EXPECT_EQ(Col(*rows, 0, "events").as_int(), 1);
  EXPECT_EQ(Col(*rows, 0, "attendance").as_int(), 2);
  EXPECT_EQ(Col(*rows, 0, "contributions").as_int(), 5);
  EXPECT_EQ(Col(*rows, 0, "previousContributions").as_int(), 0);
  EXPECT_EQ(Col(*rows, 0, "change").as_int(), 5);
  EXPECT_EQ(Col(*rows, 0, "trend").as_string(), "growing");
  // Rustaceans: eve (until 2024-12-31) and fay active, nothing contributed in 2024; eve
  // authored in 2023 -> declining.
  EXPECT_EQ(Col(*rows, 2, "previousContributions").as_int(), 1);
  EXPECT_EQ(Col(*rows, 2, "trend").as_string(), "declining");
  EXPECT_EQ(org.Run("cop.participation", {Options({{"from", "2025-01-01"}, {"to", "2024-01-01"}})})
                .status()
                .message(),
            "cop.participation: from 2025-01-01 is after to 2024-01-01");
}

TEST(CopProceduresTest, Transfer) {
  CopOrg& org = Org();
  auto rows = org.Run("cop.transfer", {});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_EQ(Strings(*rows, "title"),
            (std::vector<std::string>{"Borrow checker tips", "Rolling upgrades"}));
  EXPECT_EQ(Col(*rows, 0, "travelled").as_string(), "unused");
  // Rolling upgrades (ada, Cloud Guild): bob and cy applied it at home, dee beyond.
  EXPECT_EQ(Col(*rows, 1, "inside").as_int(), 2);
  EXPECT_EQ(Col(*rows, 1, "beyond").as_int(), 1);
  EXPECT_EQ(Col(*rows, 1, "communitiesReached").as_int(), 1);
  EXPECT_NEAR(Col(*rows, 1, "stickiness").as_float(), 2.0 / 3, 1e-12);
  EXPECT_EQ(Col(*rows, 1, "travelled").as_string(), "beyond");
}

TEST(CopProceduresTest, Overlap) {
  CopOrg& org = Org();
  auto rows = org.Run("cop.overlap", {});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_EQ(Strings(*rows, "name"), (std::vector<std::string>{"Cloud Guild", "Quiet Club",
                                                             "Rustaceans", "Safety Circle"}));
  EXPECT_EQ(Strings(*rows, "measured"),
            (std::vector<std::string>{"overlapping", "nested", "nested", "nested"}));
  EXPECT_EQ(Col(*rows, 0, "agrees"), Value(false));  // declared nested, Beta's cy is a member
  EXPECT_NEAR(Col(*rows, 0, "mainShare").as_float(), 2.0 / 3, 1e-12);
  EXPECT_EQ(Col(*rows, 1, "mainOrganization").as_string(), "Gamma");  // from Person.org
  EXPECT_TRUE(Col(*rows, 1, "agrees").is_null());
  EXPECT_EQ(Col(*rows, 2, "agrees"), Value(true));
  EXPECT_EQ(Col(*rows, 3, "agrees"), Value(false));
}

}  // namespace
}  // namespace copmap::analytics
