// Import -> export -> import gives the same graph; the shared datasets load
// through their mapping files with the counts their READMEs give.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include "storage/graph_store.h"
#include "storage/interchange/csv_importer.h"
#include "storage/interchange/exporter.h"
#include "tests/interchange/test_util.h"

namespace copmap::interchange {
namespace {

using copmap::testing::TempDir;
using copmap::testing::WriteFile;

std::string SourceDir() {
  const char* dir = std::getenv("COPMAP_SOURCE_DIR");
  return dir ? dir : COPMAP_TEST_SOURCE_DIR;
}

std::unique_ptr<storage::GraphStore> OpenNew(const std::string& dir) {
  auto store = storage::GraphStore::Open(dir);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return std::move(*store);
}

Status Load(storage::GraphStore& store, std::vector<std::string> paths, const ImportMapping* mapping,
            ImportSummary* summary) {
  ImportOptions options;
  options.paths = std::move(paths);
  options.mapping = mapping;
  std::vector<std::string> errors;
  Status s = ImportCsv(store, options, summary, &errors);
  for (const std::string& e : errors) ADD_FAILURE() << e;
  return s;
}

// The graph without its ids: every node as labels + properties, every
// relationship as (start node, type, end node, properties), sorted.
std::vector<std::string> Canonical(storage::GraphStore& store) {
  auto txn = store.Begin({.read_only = true});
  std::map<storage::NodeId, std::string> nodes;
  auto props = [&](const storage::Properties& ps) {
    std::vector<std::string> items;
    for (const auto& [k, v] : ps) items.push_back(txn->PropKeyName(k) + "=" + v.ToString());
    std::sort(items.begin(), items.end());
    std::string out;
    for (const auto& i : items) out += i + ";";
    return out;
  };
  for (auto it = txn->ScanAllNodes(); it->Valid(); it->Next()) {
    auto n = txn->GetNode(it->id());
    std::vector<std::string> labels;
    for (auto l : n->labels) labels.push_back(txn->LabelName(l));
    std::sort(labels.begin(), labels.end());
    std::string s = "(";
    for (const auto& l : labels) s += ":" + l;
    nodes[n->id] = s + " {" + props(n->properties) + "})";
  }
  std::vector<std::string> out;
  for (const auto& [id, s] : nodes) out.push_back(s);
  for (auto it = txn->ScanAllRels(); it->Valid(); it->Next()) {
    auto r = txn->GetRel(it->id());
    out.push_back(nodes[r->start] + "-[:" + txn->RelTypeName(r->type) + " {" + props(r->properties) + "}]->" +
                  nodes[r->end]);
  }
  std::sort(out.begin(), out.end());
  return out;
}

void ExpectRoundTrip(const std::vector<std::string>& input, const ImportMapping* mapping = nullptr) {
  TempDir dir;
  auto first = OpenNew(dir / "a");
  ImportSummary summary;
  ASSERT_TRUE(Load(*first, input, mapping, &summary).ok());
  ExportSummary exported;
  ASSERT_TRUE(ExportCsv(*first, dir / "export", &exported).ok());
  EXPECT_EQ(exported.nodes, summary.nodes);
  EXPECT_EQ(exported.relationships, summary.relationships);
  auto second = OpenNew(dir / "b");
  ImportSummary again;
  ASSERT_TRUE(Load(*second, {dir / "export"}, nullptr, &again).ok());
  auto a = Canonical(*first), b = Canonical(*second);
  EXPECT_EQ(a.size(), summary.nodes + summary.relationships);
  EXPECT_EQ(a, b);
}

TEST(RoundTripTest, TrickyValuesSurviveExportAndImport) {
  TempDir dir;
  WriteFile(dir / "in/nodes.csv",
            "id:ID,:LABEL,text,n:int,x:float,ok:boolean,d:date,t:datetime,tags:string[],nums:int[]\n"
            "1,Person;Engineer,\"comma, \"\"quote\"\"\nand newline\",-5,0.1,true,1999-12-31,2024-01-31T09:30:00.25Z,a;b,1;2\n"
            "2,,\"\",,-0.0,false,,,\"\",\n"
            "3,Person,caf\xC3\xA9 \xE2\x9C\x93,9223372036854775807,1e300,,,,,\n");
  WriteFile(dir / "in/mixed.csv", "id:ID,:LABEL,v:int,v:string\n4,Person,7,\n5,Person,,seven\n");
  WriteFile(dir / "in/rels.csv", ":START_ID,:END_ID,:TYPE,w:float\n1,2,KNOWS,0.25\n1,2,KNOWS,0.25\n3,3,SELF,\n");
  ExpectRoundTrip({dir / "in"});
}

TEST(RoundTripTest, SampleOrganizationSurvivesExportAndImport) {
  ExpectRoundTrip({SourceDir() + "/examples/org"});
}

TEST(DatasetTest, LdbcSnbExampleLoadsWithItsReadmeCounts) {
  auto mapping = LoadMapping(SourceDir() + "/examples/mappings/ldbc_snb_example.map");
  ASSERT_TRUE(mapping.ok()) << mapping.status().ToString();
  TempDir dir;
  auto store = OpenNew(dir / "db");
  ImportSummary s;
  ASSERT_TRUE(Load(*store, {SourceDir() + "/../shared/datasets/ldbc-snb-example"}, &*mapping, &s).ok());
  // README: 5 persons, 2 forums, 2 posts, 6 comments, 2 tags, 3 tag classes, 6 places, 2 organisations.
  std::map<std::string, uint64_t> labels(s.nodes_by_label.begin(), s.nodes_by_label.end());
  EXPECT_EQ(s.nodes, 28u);
  EXPECT_EQ(labels["Person"], 5u);
  EXPECT_EQ(labels["Forum"], 2u);
  EXPECT_EQ(labels["Post"], 2u);
  EXPECT_EQ(labels["Comment"], 6u);
  EXPECT_EQ(labels["Tag"], 2u);
  EXPECT_EQ(labels["TagClass"], 3u);
  EXPECT_EQ(labels["Place"], 6u);
  EXPECT_EQ(labels["Organisation"], 2u);
  EXPECT_EQ(labels["City"], 3u);
  // 34 rows of the ten relationship files plus the 41 non-empty foreign keys in entity rows.
  std::map<std::string, uint64_t> types(s.rels_by_type.begin(), s.rels_by_type.end());
  EXPECT_EQ(s.relationships, 75u);
  EXPECT_EQ(types["KNOWS"], 6u);
  EXPECT_EQ(types["HAS_MEMBER"], 6u);
  EXPECT_EQ(types["LIKES"], 7u);
  EXPECT_EQ(types["HAS_TAG"], 9u);
  EXPECT_EQ(types["REPLY_OF"], 6u);
  EXPECT_EQ(types["IS_PART_OF"], 5u);
  EXPECT_EQ(s.rows, 62u);
  ExpectRoundTrip({SourceDir() + "/../shared/datasets/ldbc-snb-example"}, &*mapping);
}

TEST(DatasetTest, KrackhardtLoadsWithItsReadmeCounts) {
  auto mapping = LoadMapping(SourceDir() + "/examples/mappings/krackhardt_hightech.map");
  ASSERT_TRUE(mapping.ok()) << mapping.status().ToString();
  TempDir dir;
  auto store = OpenNew(dir / "db");
  ImportSummary s;
  ASSERT_TRUE(Load(*store, {SourceDir() + "/../shared/datasets/krackhardt-hightech"}, &*mapping, &s).ok());
  std::map<std::string, uint64_t> types(s.rels_by_type.begin(), s.rels_by_type.end());
  EXPECT_EQ(s.nodes, 21u);
  EXPECT_EQ(types["ASKS_ADVICE"], 190u);
  EXPECT_EQ(types["KNOWS"], 102u);
  EXPECT_EQ(types["REPORTS_TO"], 20u);
  EXPECT_EQ(s.relationships, 312u);
  auto txn = store->Begin({.read_only = true});
  storage::NodeId ceo_id = 0;
  for (auto it = txn->ScanLabel(*txn->FindLabel("Manager")); it->Valid(); it->Next()) {
    if (*txn->GetNodeProperty(it->id(), *txn->FindPropKey("id")) == Value(7)) ceo_id = it->id();
  }
  ASSERT_NE(ceo_id, 0u);
  EXPECT_EQ(*txn->Degree(ceo_id, storage::Direction::kOut, txn->FindRelType("REPORTS_TO")), 0u);
  EXPECT_EQ(*txn->Degree(ceo_id, storage::Direction::kIn, txn->FindRelType("REPORTS_TO")), 4u);
  EXPECT_EQ(*txn->GetNodeProperty(ceo_id, *txn->FindPropKey("level")), Value(1));
}

}  // namespace
}  // namespace copmap::interchange
