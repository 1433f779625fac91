// An import racing other transactions: what another transaction commits
// while the import reads its files either is seen by the import (which then
// fails, nothing imported) or conflicts at its own commit. The race is made
// deterministic with the progress callback, which runs after every row has
// been read and before the import's atomic ingestion.
#include <gtest/gtest.h>

#include "storage/graph_store.h"
#include "storage/interchange/csv_importer.h"
#include "tests/interchange/test_util.h"

namespace copmap::interchange {
namespace {

using copmap::testing::TempDir;
using copmap::testing::WriteFile;

class ImportRaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = storage::GraphStore::Open(dir_ / "db");
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    WriteFile(dir_ / "base/nodes_Person.csv", "id:ID,name,email\n1,Ada,ada@x.example\n2,Grace,grace@x.example\n");
    ASSERT_TRUE(Import(dir_ / "base", nullptr).ok());
    ASSERT_TRUE(store_->CreateIndex("Person.id", storage::IndexKind::kUnique, "Person", "id").ok());
    // A later import of relationships between the stored persons.
    WriteFile(dir_ / "later/rels_KNOWS.csv", ":START_ID,:END_ID\n1,2\n2,1\n");
  }

  // Imports `path`, calling `during` once after the last row was read.
  Status Import(const std::string& path, std::function<void()> during) {
    ImportOptions options;
    options.paths = {path};
    bool called = false;
    options.on_progress = [&](const ImportProgress&) {
      if (during && !called) {
        called = true;
        during();
      }
    };
    errors_.clear();
    return ImportCsv(*store_, options, &summary_, &errors_);
  }

  storage::NodeId Person(int64_t id) {
    auto txn = store_->Begin({.read_only = true});
    auto it = txn->IndexSeek(*txn->FindLabel("Person"), *txn->FindPropKey("id"), Value(id));
    EXPECT_TRUE(it.ok() && (*it)->Valid());
    return (*it)->id();
  }

  uint64_t Relationships() { return store_->Stats()->rel_count; }

  TempDir dir_;
  std::unique_ptr<storage::GraphStore> store_;
  ImportSummary summary_;
  std::vector<std::string> errors_;
};

TEST_F(ImportRaceTest, AnEndDeletedWhileTheImportRunsFailsTheImport) {
  storage::NodeId ada = Person(1);
  Status s = Import(dir_ / "later", [&] {
    auto txn = store_->Begin();
    ASSERT_TRUE(txn->DeleteNode(ada, /*detach=*/true).ok());
    ASSERT_TRUE(txn->Commit().ok());
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kConflict) << s.ToString();
  EXPECT_NE(s.ToString().find("node " + std::to_string(ada) +
                              ", an end of an imported relationship, was deleted by another "
                              "transaction while the import ran"),
            std::string::npos)
      << s.ToString();
  EXPECT_EQ(Relationships(), 0u);
  EXPECT_TRUE(store_->Check()->empty());
}

TEST_F(ImportRaceTest, ADeletionInFlightAtTheIngestionConflictsAtItsCommit) {
  storage::NodeId ada = Person(1);
  std::unique_ptr<storage::Transaction> deleter;
  Status s = Import(dir_ / "later", [&] {
    deleter = store_->Begin();
    // Reads Ada and her (still empty) adjacency: no relationship to detach yet.
    ASSERT_TRUE(deleter->DeleteNode(ada, /*detach=*/true).ok());
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Relationships(), 2u);
  Status committed = deleter->Commit();
  EXPECT_EQ(committed.code(), Status::Code::kConflict) << committed.ToString();
  EXPECT_EQ(Relationships(), 2u);
  EXPECT_TRUE(store_->Check()->empty());
}

TEST_F(ImportRaceTest, AUniqueValueCommittedWhileTheImportRunsFailsTheImport) {
  WriteFile(dir_ / "more/nodes_Person.csv", "id:ID,name,email\n3,Linus,linus@x.example\n");
  Status s = Import(dir_ / "more", [&] {
    auto txn = store_->Begin();
    auto person = txn->FindLabel("Person");
    auto email = txn->FindPropKey("email");
    ASSERT_TRUE(txn->CreateNode({*person}, {{*email, Value("linus@x.example")}}).ok());
    ASSERT_TRUE(txn->Commit().ok());
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kConstraintError) << s.ToString();
  EXPECT_NE(s.ToString().find("committed by another transaction while the import ran"),
            std::string::npos)
      << s.ToString();
  EXPECT_EQ(store_->Stats()->node_count, 3u);  // Ada, Grace and the transaction's node
  EXPECT_TRUE(store_->Check()->empty());
}

}  // namespace
}  // namespace copmap::interchange
