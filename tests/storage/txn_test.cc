// Transactions: atomicity, snapshot isolation, conflicts, read-only mode.
#include <thread>

#include <gtest/gtest.h>

#include "storage/graph_store.h"
#include "tests/storage/temp_store.h"

namespace copmap::storage::test {
namespace {

class TxnTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StoreOptions options;
    options.cop_schema = false;
    store_ = OpenOrDie(dir_.Sub("db"), options);
    auto t = store_->Begin();
    person_ = Must(t->GetOrCreateLabel("Person"));
    knows_ = Must(t->GetOrCreateRelType("KNOWS"));
    name_ = Must(t->GetOrCreatePropKey("name"));
    hub_ = Must(t->CreateNode({person_}, {{name_, Value("hub")}}));
    MustOk(t->Commit());
  }

  TempDir dir_;
  std::unique_ptr<GraphStore> store_;
  LabelId person_;
  RelTypeId knows_;
  PropKeyId name_;
  NodeId hub_;
};

TEST_F(TxnTest, RollbackAndDestructionApplyNothing) {
  {
    auto t = store_->Begin();
    NodeId n = Must(t->CreateNode({person_}, {}));
    Must(t->CreateRel(knows_, n, hub_, {}));
    t->Rollback();
    EXPECT_EQ(t->CreateNode({}, {}).status().code(), Status::Code::kInvalidArgument);
  }
  {
    auto t = store_->Begin();
    Must(t->CreateNode({person_}, {}));
  }  // destroyed without commit
  auto t = store_->Begin();
  EXPECT_EQ(Must(t->CountNodes(std::nullopt)), 1u);
  EXPECT_EQ(Must(t->Degree(hub_, Direction::kIn, std::nullopt)), 0u);
  EXPECT_TRUE(ViolationTexts(*store_).empty());
}

TEST_F(TxnTest, ReadersSeeTheirSnapshotOnly) {
  auto reader = store_->Begin(TransactionOptions{.read_only = true});
  auto writer = store_->Begin();
  NodeId n = Must(writer->CreateNode({person_}, {}));
  Must(writer->CreateRel(knows_, n, hub_, {}));
  MustOk(writer->SetNodeProperty(hub_, name_, Value("renamed")));
  EXPECT_FALSE(reader->NodeExists(n));  // uncommitted
  MustOk(writer->Commit());
  // Still the old snapshot after the commit.
  EXPECT_FALSE(reader->NodeExists(n));
  EXPECT_EQ(Must(reader->GetNodeProperty(hub_, name_)), Value("hub"));
  EXPECT_EQ(Must(reader->Degree(hub_, Direction::kIn, std::nullopt)), 0u);
  EXPECT_EQ(Ids(reader->ScanLabel(person_)), std::vector<uint64_t>{hub_});
  EXPECT_FALSE(reader->Expand(hub_, Direction::kIn, std::nullopt)->Valid());
  auto fresh = store_->Begin(TransactionOptions{.read_only = true});
  EXPECT_TRUE(fresh->NodeExists(n));
  EXPECT_EQ(Must(fresh->Degree(hub_, Direction::kIn, knows_)), 1u);
}

TEST_F(TxnTest, ReadOnlyTransactionsRefuseWrites) {
  auto t = store_->Begin(TransactionOptions{.read_only = true});
  EXPECT_TRUE(t->read_only());
  EXPECT_EQ(t->CreateNode({}, {}).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(t->SetNodeProperty(hub_, name_, Value("x")).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(t->GetOrCreateLabel("New").status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(t->DeleteNode(hub_, true).code(), Status::Code::kInvalidArgument);
  MustOk(t->Commit());
}

TEST_F(TxnTest, WriteWriteConflictIsDetectedAndNothingApplied) {
  auto a = store_->Begin();
  auto b = store_->Begin();
  MustOk(a->SetNodeProperty(hub_, name_, Value("from a")));
  MustOk(b->SetNodeProperty(hub_, name_, Value("from b")));
  NodeId b_node = Must(b->CreateNode({person_}, {}));
  MustOk(a->Commit());
  Status s = b->Commit();
  EXPECT_TRUE(s.IsConflict()) << s.ToString();
  auto t = store_->Begin();
  EXPECT_EQ(Must(t->GetNodeProperty(hub_, name_)), Value("from a"));
  EXPECT_FALSE(t->NodeExists(b_node));  // the whole of b is gone
  EXPECT_TRUE(ViolationTexts(*store_).empty());
}

TEST_F(TxnTest, DeleteRacingWithAttachConflicts) {
  auto deleter = store_->Begin();
  auto attacher = store_->Begin();
  NodeId n = Must(attacher->CreateNode({person_}, {}));
  Must(attacher->CreateRel(knows_, n, hub_, {}));
  MustOk(deleter->DeleteNode(hub_, true));
  MustOk(attacher->Commit());
  EXPECT_TRUE(deleter->Commit().IsConflict());
  // And the other order.
  auto attacher2 = store_->Begin();
  auto deleter2 = store_->Begin();
  Must(attacher2->CreateRel(knows_, n, hub_, {}));
  MustOk(deleter2->DeleteNode(hub_, true));
  MustOk(deleter2->Commit());
  EXPECT_TRUE(attacher2->Commit().IsConflict());
  EXPECT_TRUE(ViolationTexts(*store_).empty());
}

TEST_F(TxnTest, ConcurrentEdgesToOnePopularNodeDoNotConflict) {
  constexpr int kThreads = 4, kPerThread = 25;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      for (int j = 0; j < kPerThread; ++j) {
        auto t = store_->Begin();
        auto n = t->CreateNode({person_}, {});
        if (!n.ok() || !t->CreateRel(knows_, *n, hub_, {}).ok() || !t->Commit().ok()) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  auto t = store_->Begin();
  EXPECT_EQ(Must(t->Degree(hub_, Direction::kIn, knows_)), uint64_t(kThreads * kPerThread));
  EXPECT_EQ(Must(t->CountRels(knows_)), uint64_t(kThreads * kPerThread));
  EXPECT_TRUE(ViolationTexts(*store_).empty());
}

// DataVersion names what a transaction reads, for caches of derived data.
TEST_F(TxnTest, DataVersionChangesWithEveryCommitAndBulkLoad) {
  auto v1 = store_->Begin({.read_only = true})->data_version();
  auto v2 = store_->Begin()->data_version();
  ASSERT_TRUE(v1 && v2);
  EXPECT_EQ(*v1, *v2);  // nothing committed in between

  auto writer = store_->Begin();
  MustOk(writer->SetNodeProperty(hub_, name_, Value("centre")));
  EXPECT_FALSE(writer->data_version());  // reads its own writes
  MustOk(writer->Commit());
  auto v3 = store_->Begin({.read_only = true})->data_version();
  ASSERT_TRUE(v3);
  EXPECT_NE(*v3, *v1);

  auto loader = Must(store_->BeginBulkLoad());
  Must(loader->AddNode({person_}, {}));
  MustOk(loader->Finish());
  auto v4 = store_->Begin({.read_only = true})->data_version();
  ASSERT_TRUE(v4);
  EXPECT_NE(*v4, *v3);

  StoreOptions options;
  options.cop_schema = false;
  auto other = OpenOrDie(dir_.Sub("other"), options);
  EXPECT_NE(other->Begin({.read_only = true})->data_version()->store, v4->store);
}

TEST_F(TxnTest, CommitTwiceIsAnError) {
  auto t = store_->Begin();
  Must(t->CreateNode({}, {}));
  MustOk(t->Commit());
  EXPECT_EQ(t->Commit().code(), Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace copmap::storage::test
