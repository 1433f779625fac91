// The bulk loader's fast path: sorted runs, k-way merge, streams, postings.
// Each load is compared with the same graph built by ordinary transactions:
// the two stores must be identical through every read of the API.
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <gtest/gtest.h>

#include "storage/bulk_loader.h"
#include "storage/bulk_worker.h"
#include "storage/rocks_store.h"
#include "tests/storage/temp_store.h"

namespace copmap::storage::test {
namespace {

// A deterministic graph: people (unique email), teams and topics, three
// relationship types with self loops, parallel edges and some properties.
struct NodeSpec {
  std::vector<std::string> labels;
  std::vector<std::pair<std::string, Value>> props;
};
struct RelSpec {
  std::string type;
  size_t start, end;  // indexes into the node list (existing + new)
  std::vector<std::pair<std::string, Value>> props;
};
struct GraphSpec {
  std::vector<NodeSpec> nodes;
  std::vector<RelSpec> rels;
};

GraphSpec MakeGraph(size_t node_count, size_t rel_count, size_t first_node, uint64_t seed) {
  std::mt19937_64 rng(seed);
  GraphSpec g;
  for (size_t i = 0; i < node_count; ++i) {
    size_t n = first_node + i;
    NodeSpec node;
    switch (rng() % 4) {
      case 0:
        node.labels = {"Team"};
        node.props = {{"name", Value("team " + std::to_string(n))}};
        break;
      case 1:
        node.labels = {"Topic", "Team"};
        node.props = {{"name", Value("topic " + std::to_string(n))}, {"weight", Value(0.5 * n)}};
        break;
      default:
        node.labels = {"Person"};
        node.props = {{"email", Value("p" + std::to_string(n) + "@example.org")},
                      {"age", Value(int64_t(rng() % 90))}};
    }
    g.nodes.push_back(std::move(node));
  }
  const char* types[] = {"KNOWS", "MEMBER_OF", "ABOUT"};
  size_t total = first_node + node_count;
  for (size_t i = 0; i < rel_count; ++i) {
    RelSpec r{types[rng() % 3], size_t(rng() % total), size_t(rng() % total), {}};
    if (i % 5 == 0) r.end = r.start;                      // self loop
    if (i % 7 == 0 && i > 0) r.start = g.rels.back().start;  // a popular node
    if (i % 3 == 0) r.props = {{"since", Value(int64_t(2000 + i % 25))}};
    g.rels.push_back(std::move(r));
  }
  return g;
}

// Builds `g` with transactions of 400 writes each. `ids` maps node indexes.
void BuildWithTransactions(GraphStore& store, const GraphSpec& g, std::vector<NodeId>* ids) {
  auto props = [](Transaction& t, const auto& in) {
    Properties out;
    for (const auto& [k, v] : in) out.emplace_back(Must(t.GetOrCreatePropKey(k)), v);
    return out;
  };
  size_t done = 0;
  while (done < g.nodes.size() + g.rels.size()) {
    auto t = store.Begin();
    for (size_t n = 0; n < 400 && done < g.nodes.size() + g.rels.size(); ++n, ++done) {
      if (done < g.nodes.size()) {
        std::vector<LabelId> labels;
        for (const auto& l : g.nodes[done].labels) labels.push_back(Must(t->GetOrCreateLabel(l)));
        ids->push_back(Must(t->CreateNode(labels, props(*t, g.nodes[done].props))));
      } else {
        const RelSpec& r = g.rels[done - g.nodes.size()];
        Must(t->CreateRel(Must(t->GetOrCreateRelType(r.type)), (*ids)[r.start], (*ids)[r.end],
                          props(*t, r.props)));
      }
    }
    MustOk(t->Commit());
  }
}

// Loads `g` through one bulk loader; Finish() only when `finish`.
void BuildWithLoader(BulkLoader& loader, const GraphSpec& g, std::vector<NodeId>* ids) {
  auto props = [&](const auto& in) {
    Properties out;
    for (const auto& [k, v] : in) out.emplace_back(Must(loader.PropKey(k)), v);
    return out;
  };
  for (const NodeSpec& n : g.nodes) {
    std::vector<LabelId> labels;
    for (const auto& l : n.labels) labels.push_back(Must(loader.Label(l)));
    ids->push_back(Must(loader.AddNode(labels, props(n.props))));
  }
  for (const RelSpec& r : g.rels) {
    Must(loader.AddRel(Must(loader.RelType(r.type)), (*ids)[r.start], (*ids)[r.end],
                       props(r.props)));
  }
}

// Everything the API can read, as text.
std::string Dump(GraphStore& store) {
  auto t = store.Begin(TransactionOptions{.read_only = true});
  std::ostringstream out;
  auto props = [&](const Properties& p) {
    for (const auto& [k, v] : p) out << " " << t->PropKeyName(k) << "=" << v.ToString();
  };
  std::vector<std::string> types = t->AllRelTypes(), labels = t->AllLabels();
  for (auto it = t->ScanAllNodes(); it->Valid(); it->Next()) {
    NodeRecord n = Must(t->GetNode(it->id()));
    out << "node " << n.id;
    for (LabelId l : n.labels) out << " :" << t->LabelName(l);
    props(n.properties);
    for (Direction d : {Direction::kOut, Direction::kIn}) {
      out << "\n  dir " << int(d) << " degree " << Must(t->Degree(n.id, d, std::nullopt));
      for (RelTypeId type = 0; type < types.size(); ++type) {
        if (uint64_t deg = Must(t->Degree(n.id, d, type))) out << " " << types[type] << "=" << deg;
      }
      for (auto adj = t->Expand(n.id, d, std::nullopt); adj->Valid(); adj->Next()) {
        const AdjEntry& e = adj->entry();
        out << " [" << types[e.type] << " " << e.neighbor << " " << e.rel << "]";
      }
    }
    out << "\n";
  }
  for (auto it = t->ScanAllRels(); it->Valid(); it->Next()) {
    RelRecord r = Must(t->GetRel(it->id()));
    out << "rel " << r.id << " " << types[r.type] << " " << r.start << "->" << r.end;
    props(r.properties);
    out << "\n";
  }
  out << "nodes " << Must(t->CountNodes(std::nullopt)) << " rels "
      << Must(t->CountRels(std::nullopt)) << "\n";
  for (LabelId l = 0; l < labels.size(); ++l) {
    out << "label " << labels[l] << " " << Must(t->CountNodes(l)) << ":";
    for (NodeId id : Ids(t->ScanLabel(l))) out << " " << id;
    out << "\n";
  }
  for (RelTypeId type = 0; type < types.size(); ++type) {
    out << "type " << types[type] << " " << Must(t->CountRels(type)) << ":";
    for (RelId id : Ids(t->ScanRelType(type))) out << " " << id;
    out << "\n";
  }
  if (auto person = t->FindLabel("Person"), email = t->FindPropKey("email"); person && email) {
    auto range = Must(t->IndexRange(*person, *email, std::nullopt, std::nullopt));
    out << "email index:";
    for (NodeId id : Ids(range)) out << " " << id;
    out << "\n";
  }
  return out.str();
}

BulkLoadLimits TinyLimits() {
  BulkLoadLimits l;
  l.adj_run_records = 500;
  l.chunk_bytes = 4096;
  l.index_run_bytes = 16 << 10;
  l.worker_bytes = 64 << 10;
  l.sst_file_bytes = 16 << 10;
  return l;
}

std::unique_ptr<BulkLoader> StartLoader(GraphStore& store, const BulkLoadLimits& limits) {
  return Must(RocksBulkLoader::Start(dynamic_cast<RocksStore*>(&store), limits));
}

std::vector<std::string> BulkDirs(const std::string& db) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(db)) {
    if (e.path().filename().string().starts_with(kBulkDirPrefix)) out.push_back(e.path());
  }
  return out;
}

uint64_t FilesAtLevel0(GraphStore& store, Cf cf) {
  auto* rocks = dynamic_cast<RocksStore*>(&store);
  std::string n;
  EXPECT_TRUE(rocks->db()->GetProperty(rocks->cf(cf), "rocksdb.num-files-at-level0", &n));
  return std::stoull(n);
}

class BulkTest : public ::testing::Test {
 protected:
  TempDir dir_;
};

void ExpectLoadEqualsTransactions(const TempDir& dir, const BulkLoadLimits& limits) {
  GraphSpec g = MakeGraph(2000, 8000, 0, 42);
  auto expected = OpenOrDie(dir.Sub("txn"), {.sync_commits = false});
  std::vector<NodeId> txn_ids, bulk_ids;
  BuildWithTransactions(*expected, g, &txn_ids);

  auto store = OpenOrDie(dir.Sub("bulk"));
  auto loader = StartLoader(*store, limits);
  BuildWithLoader(*loader, g, &bulk_ids);
  MustOk(loader->Finish());
  loader.reset();
  EXPECT_EQ(bulk_ids, txn_ids);
  EXPECT_EQ(Dump(*store), Dump(*expected));
  EXPECT_TRUE(ViolationTexts(*store).empty());
  // Non-overlapping files go below L0 on a fresh store.
  for (Cf cf : {Cf::kNodes, Cf::kRels, Cf::kAdj, Cf::kLabels, Cf::kRelTypes}) {
    EXPECT_EQ(FilesAtLevel0(*store, cf), 0u) << CfName(cf);
  }
  EXPECT_TRUE(BulkDirs(dir.Sub("bulk")).empty());
}

TEST_F(BulkTest, ManySortedRunsGiveTheSameStoreAsTransactions) {
  ExpectLoadEqualsTransactions(dir_, TinyLimits());
}

TEST_F(BulkTest, DefaultLimitsGiveTheSameStoreAsTransactions) {
  ExpectLoadEqualsTransactions(dir_, BulkLoadLimits{});
}

TEST_F(BulkTest, LoadOnTopOfExistingDataAddsToItsCounts) {
  GraphSpec before = MakeGraph(300, 900, 0, 7);
  GraphSpec more = MakeGraph(1500, 6000, 300, 8);  // also links to the first 300
  auto expected = OpenOrDie(dir_.Sub("txn"), {.sync_commits = false});
  auto store = OpenOrDie(dir_.Sub("bulk"), {.sync_commits = false});
  std::vector<NodeId> txn_ids, bulk_ids;
  BuildWithTransactions(*expected, before, &txn_ids);
  BuildWithTransactions(*expected, more, &txn_ids);
  BuildWithTransactions(*store, before, &bulk_ids);
  auto loader = StartLoader(*store, TinyLimits());
  BuildWithLoader(*loader, more, &bulk_ids);
  MustOk(loader->Finish());
  loader.reset();
  EXPECT_EQ(Dump(*store), Dump(*expected));
  EXPECT_TRUE(ViolationTexts(*store).empty());
}

TEST_F(BulkTest, AbandonedLoadAfterSpillingLeavesStoreAndDirectoryAsBefore) {
  auto store = OpenOrDie(dir_.Sub("db"), {.sync_commits = false});
  std::vector<NodeId> ids;
  BuildWithTransactions(*store, MakeGraph(200, 500, 0, 1), &ids);
  std::string before = Dump(*store);
  {
    auto loader = StartLoader(*store, TinyLimits());
    BuildWithLoader(*loader, MakeGraph(2000, 8000, 200, 2), &ids);
    EXPECT_EQ(BulkDirs(dir_.Sub("db")).size(), 1u);  // runs were spilled
    EXPECT_FALSE(std::filesystem::is_empty(BulkDirs(dir_.Sub("db"))[0]));
  }  // destroyed without Finish
  EXPECT_TRUE(BulkDirs(dir_.Sub("db")).empty());
  EXPECT_EQ(Dump(*store), before);
  EXPECT_TRUE(ViolationTexts(*store).empty());
  // The store takes a new load afterwards; abandoned ids are skipped.
  auto loader = StartLoader(*store, TinyLimits());
  LabelId team = Must(loader->Label("Team"));
  NodeId n = Must(loader->AddNode({team}, {}));
  EXPECT_GT(n, ids.back());
  MustOk(loader->Finish());
  EXPECT_TRUE(store->Begin()->NodeExists(n));
}

TEST_F(BulkTest, SchemaChangeDuringLoadFailsFinishAndChangesNothing) {
  auto store = OpenOrDie(dir_.Sub("db"), {.sync_commits = false});
  std::vector<NodeId> ids;
  BuildWithTransactions(*store, MakeGraph(100, 200, 0, 3), &ids);
  std::string before = Dump(*store);
  auto loader = StartLoader(*store, TinyLimits());
  BuildWithLoader(*loader, MakeGraph(1000, 3000, 100, 4), &ids);
  MustOk(store->CreateIndex("team_name", IndexKind::kRange, "Team", "name"));
  Status s = loader->Finish();
  EXPECT_EQ(s.code(), Status::Code::kConflict) << s.ToString();
  // Its buffers are spent: no second attempt, nothing half-applied.
  EXPECT_EQ(loader->Finish().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(loader->AddNode({}, {}).status().code(), Status::Code::kInvalidArgument);
  loader.reset();
  EXPECT_EQ(Dump(*store), before);
  EXPECT_TRUE(BulkDirs(dir_.Sub("db")).empty());
  EXPECT_TRUE(ViolationTexts(*store).empty());
}

TEST_F(BulkTest, DuplicateUniqueValueIsRefusedAfterIndexRunsSpilled) {
  auto store = OpenOrDie(dir_.Sub("db"));
  auto loader = StartLoader(*store, TinyLimits());
  LabelId person = Must(loader->Label("Person"));
  PropKeyId email = Must(loader->PropKey("email"));
  for (int i = 0; i < 3000; ++i) {
    Must(loader->AddNode({person}, {{email, Value("p" + std::to_string(i) + "@x.org")}}));
  }
  auto dup = loader->AddNode({person}, {{email, Value("p17@x.org")}});
  EXPECT_EQ(dup.status().code(), Status::Code::kConstraintError);
  EXPECT_NE(dup.status().message().find("p17@x.org"), std::string::npos) << dup.status().ToString();
  MustOk(loader->Finish());
  auto t = store->Begin();
  EXPECT_EQ(Must(t->CountNodes(person)), 3000u);
  EXPECT_EQ(Ids(Must(t->IndexSeek(person, email, Value("p17@x.org")))).size(), 1u);
  EXPECT_TRUE(ViolationTexts(*store).empty());
}

TEST_F(BulkTest, OpenRemovesTheDirectoryOfALoadThatDied) {
  std::string db = dir_.Sub("db");
  OpenOrDie(db).reset();
  std::filesystem::create_directories(db + "/bulk-999999-0");
  std::ofstream(db + "/bulk-999999-0/adj-run-0.bin") << "partial";
  auto store = OpenOrDie(db);
  EXPECT_TRUE(BulkDirs(db).empty());
  EXPECT_TRUE(ViolationTexts(*store).empty());
}

TEST(BulkWorkerTest, RunsTasksInOrderAndStopsAtTheFirstError) {
  std::vector<int> ran;
  BulkWorker worker(100);
  MustOk(worker.Submit([&] { ran.push_back(1); return Status::OK(); }, 60));
  MustOk(worker.Submit([&] { ran.push_back(2); return Status::OK(); }, 60));  // waits for room
  MustOk(worker.Drain());
  Status first = worker.Submit([&] { ran.push_back(3); return Status::IOError("disk full"); }, 1);
  EXPECT_TRUE(first.ok());
  EXPECT_EQ(worker.Drain().code(), Status::Code::kIOError);
  Status later = worker.Submit([&] { ran.push_back(4); return Status::OK(); }, 1);
  EXPECT_EQ(later.code(), Status::Code::kIOError);
  EXPECT_NE(later.message().find("disk full"), std::string::npos);
  EXPECT_EQ(worker.Drain().code(), Status::Code::kIOError);
  EXPECT_EQ(ran, (std::vector<int>{1, 2, 3}));
}

}  // namespace
}  // namespace copmap::storage::test
