// The workload generator: deterministic, the WORKLOAD.md files and headers,
// its guarantees (no self loops, no duplicate pairs), and it imports.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "storage/graph_store.h"
#include "storage/interchange/csv_importer.h"
#include "storage/interchange/workload_generator.h"
#include "tests/interchange/test_util.h"

namespace copmap::interchange {
namespace {

using copmap::testing::ReadFile;
using copmap::testing::TempDir;

std::vector<std::string> Lines(const std::string& path) {
  std::istringstream in(ReadFile(path));
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

GenSummary Generate(const std::string& out, int64_t people, uint64_t seed) {
  GenOptions options;
  options.people = people;
  options.seed = seed;
  options.out = out;
  GenSummary summary;
  Status s = GenerateWorkload(options, &summary);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return summary;
}

TEST(GenTest, WritesTheWorkloadFilesWithTheirHeaders) {
  TempDir dir;
  GenSummary s = Generate(dir / "g", 500, 7);
  const std::pair<const char*, const char*> headers[] = {
      {"nodes_Person.csv", "id:ID,name,email,title,org,joined:int"},
      {"nodes_Organization.csv", "id:ID,name"},
      {"nodes_Community.csv", "id:ID,name,kind,founded:int"},
      {"nodes_Domain.csv", "id:ID,name"},
      {"nodes_Practice.csv", "id:ID,title,kind,created:int"},
      {"rels_WORKS_AT.csv", ":START_ID,:END_ID"},
      {"rels_MEMBER_OF.csv", ":START_ID,:END_ID,role,since:int"},
      {"rels_EXPERT_IN.csv", ":START_ID,:END_ID,level:int"},
      {"rels_KNOWS.csv", ":START_ID,:END_ID,strength:float"},
      {"rels_MENTORS.csv", ":START_ID,:END_ID"},
      {"rels_AUTHORED.csv", ":START_ID,:END_ID"},
      {"rels_ABOUT.csv", ":START_ID,:END_ID"},
      {"rels_FOCUSES_ON.csv", ":START_ID,:END_ID"},
  };
  for (const auto& [file, header] : headers) {
    auto lines = Lines(dir / ("g/" + std::string(file)));
    ASSERT_FALSE(lines.empty()) << file;
    EXPECT_EQ(lines[0], header) << file;
  }
  // Sizes as gen_cop.py: N people, N/25 organizations, N/50 communities, N/20 domains, N/2 practices.
  EXPECT_EQ(s.nodes["Person"], 500u);
  EXPECT_EQ(s.nodes["Organization"], 20u);
  EXPECT_EQ(s.nodes["Community"], 10u);
  EXPECT_EQ(s.nodes["Domain"], 25u);
  EXPECT_EQ(s.nodes["Practice"], 250u);
  EXPECT_EQ(s.relationships["WORKS_AT"], 500u);
  EXPECT_EQ(Lines(dir / "g/rels_KNOWS.csv").size() - 1, s.relationships["KNOWS"]);
  std::string meta = ReadFile(dir / "g/meta.json");
  EXPECT_NE(meta.find("\"Person\": [1, 500]"), std::string::npos) << meta;
  std::string params = ReadFile(dir / "g/params.json");
  for (const char* q : {"\"Q1\":[", "\"Q5\":[[", "\"Q6\":[[", "\"Q10\":[["}) {
    EXPECT_NE(params.find(q), std::string::npos) << q;
  }
}

TEST(GenTest, KnowsHasNoSelfLoopsOrDuplicatePairs) {
  TempDir dir;
  Generate(dir / "g", 2000, 3);
  auto lines = Lines(dir / "g/rels_KNOWS.csv");
  std::set<std::pair<std::string, std::string>> pairs;
  for (size_t i = 1; i < lines.size(); ++i) {
    std::istringstream row(lines[i]);
    std::string a, b, w;
    std::getline(row, a, ',');
    std::getline(row, b, ',');
    std::getline(row, w, ',');
    EXPECT_NE(a, b) << lines[i];
    EXPECT_TRUE(pairs.insert({a, b}).second) << "duplicate " << lines[i];
    double strength = std::stod(w);
    EXPECT_TRUE(strength >= 0 && strength <= 1) << lines[i];
  }
  // Average out-degree near the workload's (about 9.5 at any size).
  double avg = static_cast<double>(pairs.size()) / 2000;
  EXPECT_GT(avg, 7);
  EXPECT_LT(avg, 12);
}

TEST(GenTest, SameSeedSameBytesOtherSeedOtherData) {
  TempDir dir;
  Generate(dir / "a", 300, 11);
  Generate(dir / "b", 300, 11);
  Generate(dir / "c", 300, 12);
  for (const char* f : {"nodes_Person.csv", "rels_KNOWS.csv", "params.json"}) {
    EXPECT_EQ(ReadFile(dir / ("a/" + std::string(f))), ReadFile(dir / ("b/" + std::string(f)))) << f;
    EXPECT_NE(ReadFile(dir / ("a/" + std::string(f))), ReadFile(dir / ("c/" + std::string(f)))) << f;
  }
}

TEST(GenTest, GeneratedDataImportsWithTheCopSchema) {
  TempDir dir;
  GenSummary gen = Generate(dir / "g", 400, 5);
  auto store = storage::GraphStore::Open(dir / "db");
  ASSERT_TRUE(store.ok());
  ImportOptions options;
  options.paths = {dir / "g"};
  ImportSummary s;
  std::vector<std::string> errors;
  Status status = ImportCsv(**store, options, &s, &errors);
  ASSERT_TRUE(status.ok()) << status.ToString() << (errors.empty() ? "" : "\n" + errors[0]);
  for (const auto& [label, n] : s.nodes_by_label) EXPECT_EQ(n, gen.nodes[label]) << label;
  for (const auto& [type, n] : s.rels_by_type) EXPECT_EQ(n, gen.relationships[type]) << type;
  auto violations = (*store)->Check();
  ASSERT_TRUE(violations.ok());
  EXPECT_TRUE(violations->empty());
}

}  // namespace
}  // namespace copmap::interchange
