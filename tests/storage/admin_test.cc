// Opening, format checks, Check() on injected corruption, backup/restore, stats.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "storage/graph_store.h"
#include "storage/keys.h"
#include "storage/testing.h"
#include "tests/storage/temp_store.h"

namespace copmap::storage::test {
namespace {

namespace raw = ::copmap::storage::testing;

bool Contains(const std::vector<std::string>& texts, const std::string& needle) {
  for (const auto& t : texts) {
    if (t.find(needle) != std::string::npos) return true;
  }
  return false;
}

TEST(OpenTest, RefusesADirectoryThatIsNotACopmapDatabase) {
  TempDir dir;
  std::string path = dir.Sub("notes");
  std::filesystem::create_directories(path);
  std::ofstream(path + "/readme.txt") << "hello";
  auto store = GraphStore::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(store.status().message().find("'" + path + "' is not a copmap database"),
            std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(path + "/readme.txt"));  // untouched

  std::ofstream(dir.Sub("file")) << "x";
  EXPECT_EQ(GraphStore::Open(dir.Sub("file")).status().code(), Status::Code::kInvalidArgument);
  StoreOptions no_create;
  no_create.create_if_missing = false;
  EXPECT_EQ(GraphStore::Open(dir.Sub("missing"), no_create).status().code(),
            Status::Code::kNotFound);
}

TEST(OpenTest, RefusesANewerFormatVersion) {
  TempDir dir;
  std::string path = dir.Sub("db");
  {
    auto store = OpenOrDie(path);
    MustOk(raw::PutRaw(*store, keys::kMetaCf, keys::kVersionKey, keys::Big32Key(99)));
  }
  auto store = GraphStore::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kNotSupported);
  EXPECT_NE(store.status().message().find("'" + path + "' was written by copmap format version 99"),
            std::string::npos);
}

// A new store is created with RocksDB's syncs held back and synced once at
// the end (or not at all without synced commits); either way it must reopen
// whole: every column family, the format marker and the CoP constraints.
TEST(OpenTest, NewStoreReopensWholeWhetherCreationWasSyncedOrNot) {
  for (bool sync : {true, false}) {
    TempDir dir;
    std::string db = dir.Sub("db");
    {
      auto store = OpenOrDie(db, {.sync_commits = sync});
      auto t = store->Begin();
      LabelId team = Must(t->GetOrCreateLabel("Team"));
      Must(t->CreateNode({team}, {}));
      MustOk(t->Commit());
    }
    auto store = OpenOrDie(db, {.create_if_missing = false, .sync_commits = sync});
    auto t = store->Begin();
    EXPECT_EQ(t->Indexes().size(), 6u) << "sync=" << sync;
    EXPECT_EQ(Must(t->CountNodes(t->FindLabel("Team"))), 1u);
    EXPECT_TRUE(ViolationTexts(*store).empty());
    // Writes after creation are synced again when asked for.
    LabelId topic = Must(t->GetOrCreateLabel("Topic"));
    Must(t->CreateNode({topic}, {}));
    MustOk(t->Commit());
  }
}

class CheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenOrDie(dir_.Sub("db"));
    auto t = store_->Begin();
    LabelId person = *t->FindLabel("Person");
    PropKeyId email = *t->FindPropKey("email");
    RelTypeId knows = Must(t->GetOrCreateRelType("KNOWS"));
    a_ = Must(t->CreateNode({person}, {{email, Value("a@x")}}));
    b_ = Must(t->CreateNode({person}, {{email, Value("b@x")}}));
    r_ = Must(t->CreateRel(knows, a_, b_, {}));
    knows_ = knows;
    person_ = person;
    MustOk(t->Commit());
    ASSERT_TRUE(ViolationTexts(*store_).empty());
  }
  TempDir dir_;
  std::unique_ptr<GraphStore> store_;
  NodeId a_, b_;
  RelId r_;
  RelTypeId knows_;
  LabelId person_;
};

TEST_F(CheckTest, FindsAMissingMirrorAndWrongDegree) {
  MustOk(raw::DeleteRaw(*store_, keys::kAdjCf, keys::AdjKey(b_, Direction::kIn, knows_, a_, r_)));
  auto v = ViolationTexts(*store_);
  EXPECT_TRUE(Contains(v, "relationship " + std::to_string(r_) +
                              " (:KNOWS) has no incoming adjacency entry at node " +
                              std::to_string(b_)));
  EXPECT_TRUE(Contains(v, "has a degree count of 1 but no such relationships"));
}

TEST_F(CheckTest, FindsADanglingAdjacencyEntryAndBadCounts) {
  MustOk(raw::PutRaw(*store_, keys::kAdjCf, keys::AdjKey(a_, Direction::kOut, knows_, 777, 888), ""));
  MustOk(raw::PutRaw(*store_, keys::kCountsCf, keys::LabelCountKey(person_), keys::EncodeCount(5)));
  auto v = ViolationTexts(*store_);
  EXPECT_TRUE(Contains(v, "outgoing adjacency entry of node " + std::to_string(a_) +
                              " for relationship 888 has no matching relationship record"));
  EXPECT_TRUE(Contains(v, "degree count of node " + std::to_string(a_) +
                              " outgoing :KNOWS is 1 but 2 adjacency entries exist"));
  EXPECT_TRUE(Contains(v, "label :Person count is 5 but 2 exist"));
}

TEST_F(CheckTest, FindsUndecodableRecordsAndIndexDrift) {
  MustOk(raw::PutRaw(*store_, keys::kNodesCf, keys::IdKey(a_), "\x05garbage"));
  MustOk(raw::DeleteRaw(*store_, keys::kLabelsCf, keys::ScanKey(person_, b_)));
  auto v = ViolationTexts(*store_);
  EXPECT_TRUE(Contains(v, "node " + std::to_string(a_) + " cannot be decoded"));
  EXPECT_TRUE(Contains(v, "node " + std::to_string(b_) +
                              " has label :Person but no label scan entry"));
  EXPECT_TRUE(Contains(v, "index 'Person.email' has an entry for node " + std::to_string(a_)));
}

TEST_F(CheckTest, FindsAMissingUniqueEntry) {
  auto t = store_->Begin();
  // Re-point a's email entry at b: a's value is now claimed by another node.
  std::string key = keys::Big32Key(0);
  key += "\x30" "a@x";
  key += std::string("\0\1", 2);
  MustOk(raw::PutRaw(*store_, keys::kIndexCf, key, keys::IdKey(b_)));
  auto v = ViolationTexts(*store_);
  EXPECT_TRUE(Contains(v, "unique constraint 'Person.email' broken: node " + std::to_string(a_) +
                              " and node " + std::to_string(b_) + " share the value 'a@x'"));
}

TEST_F(CheckTest, BackupAndRestoreRoundTrip) {
  std::string backup = dir_.Sub("backup");
  MustOk(store_->Backup(backup));
  EXPECT_EQ(store_->Backup(backup).code(), Status::Code::kInvalidArgument);  // exists
  {
    auto t = store_->Begin();
    MustOk(t->DeleteNode(a_, true));
    MustOk(t->Commit());
  }
  store_.reset();
  MustOk(RestoreBackup(backup, dir_.Sub("db")));
  store_ = OpenOrDie(dir_.Sub("db"));
  auto t = store_->Begin();
  EXPECT_TRUE(t->NodeExists(a_));
  EXPECT_EQ(Must(t->GetRel(r_)).start, a_);
  EXPECT_TRUE(ViolationTexts(*store_).empty());
  EXPECT_FALSE(RestoreBackup(dir_.Sub("nothing"), dir_.Sub("db2")).ok());
}

TEST_F(CheckTest, StatsCountByLabelAndType) {
  StoreStats stats = Must(store_->Stats());
  EXPECT_EQ(stats.node_count, 2u);
  EXPECT_EQ(stats.rel_count, 1u);
  EXPECT_EQ(stats.nodes_by_label,
            (std::vector<std::pair<std::string, uint64_t>>{{"Person", 2}}));
  EXPECT_EQ(stats.rels_by_type, (std::vector<std::pair<std::string, uint64_t>>{{"KNOWS", 1}}));
  EXPECT_GT(stats.disk_bytes, 0u);
}

}  // namespace
}  // namespace copmap::storage::test
