// ImportCsv against a real store in a temporary directory. Every bad input
// must leave the database exactly as it was: compared through a full JSON
// Lines export and the stats before and after.
#include <gtest/gtest.h>

#include "storage/graph_store.h"
#include "storage/interchange/csv_importer.h"
#include "storage/interchange/exporter.h"
#include "tests/interchange/test_util.h"

namespace copmap::interchange {
namespace {

using copmap::testing::ReadFile;
using copmap::testing::TempDir;
using copmap::testing::WriteFile;

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = storage::GraphStore::Open(dir_ / "db");
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    // A small graph that is already there before each bad import.
    WriteFile(dir_ / "base/nodes_Person.csv", "id:ID,name,email,joined:date\n1,Ada,ada@x.example,2020-01-02\n2,Grace,grace@x.example,\n");
    WriteFile(dir_ / "base/rels_KNOWS.csv", ":START_ID,:END_ID,strength:float\n1,2,0.5\n");
    ASSERT_TRUE(Import({dir_ / "base"}).ok());
    before_ = Snapshot();
  }

  Status Import(std::vector<std::string> paths, size_t max_field_bytes = 64u << 20) {
    ImportOptions options;
    options.paths = std::move(paths);
    options.max_field_bytes = max_field_bytes;
    errors_.clear();
    return ImportCsv(*store_, options, &summary_, &errors_);
  }

  std::string Snapshot() {
    std::string path = dir_ / ("snap" + std::to_string(snapshots_++) + ".jsonl");
    ExportSummary s;
    EXPECT_TRUE(ExportJsonl(*store_, path, &s).ok());
    auto stats = store_->Stats();
    return ReadFile(path) + "nodes=" + std::to_string(stats->node_count) + " rels=" + std::to_string(stats->rel_count);
  }

  // Imports `csv` as `name` and expects a failure whose first error contains `expected`.
  void ExpectRejected(const std::string& name, const std::string& csv, const std::string& expected) {
    std::string path = dir_ / ("bad/" + name);
    WriteFile(path, csv);
    Status status = Import({path});
    EXPECT_FALSE(status.ok()) << name;
    std::string all = status.ToString();
    for (const std::string& e : errors_) all += "\n" + e;
    EXPECT_NE(all.find(expected), std::string::npos) << "expected '" << expected << "' in:\n" << all;
    EXPECT_EQ(Snapshot(), before_) << "the database changed after a failed import of " << name;
    std::filesystem::remove(path);
  }

  TempDir dir_;
  std::unique_ptr<storage::GraphStore> store_;
  std::string before_;
  int snapshots_ = 0;
  ImportSummary summary_;
  std::vector<std::string> errors_;
};

TEST_F(ImportTest, UnterminatedQuoteAtEndOfFile) {
  ExpectRejected("nodes_Person.csv", "id:ID,name\n10,\"Linus\n", "nodes_Person.csv:2: field 2 (name): quoted field 'Linus\\n' is not closed");
}

TEST_F(ImportTest, InvalidUtf8) {
  ExpectRejected("nodes_Person.csv", "id:ID,name\n10,Jos\xE9\n", "nodes_Person.csv:2: field 2 (name): invalid UTF-8 byte 0xE9");
}

TEST_F(ImportTest, NulByte) {
  ExpectRejected("nodes_Person.csv", std::string("id:ID,name\n10,a\0b\n", 17), "nodes_Person.csv:2: field 2 (name): NUL byte");
}

TEST_F(ImportTest, Utf16Input) {
  ExpectRejected("nodes_Person.csv", std::string("\xFF\xFEi\0d\0:\0I\0D\0\n\0", 14), "nodes_Person.csv:1: the file is UTF-16");
}

TEST_F(ImportTest, WrongColumnCount) {
  ExpectRejected("nodes_Person.csv", "id:ID,name,title\n10,Linus,engineer\n11,Ken\n", "nodes_Person.csv:3: expected 3 fields as in the header, found 2");
}

TEST_F(ImportTest, EmptyFile) {
  ExpectRejected("nodes_Person.csv", "", "nodes_Person.csv:1: the file is empty (expected a header line)");
}

TEST_F(ImportTest, HeaderOnlyFileImportsZeroRows) {
  WriteFile(dir_ / "h/nodes_Person.csv", "id:ID,name\n");
  ASSERT_TRUE(Import({dir_ / "h/nodes_Person.csv"}).ok());
  EXPECT_EQ(summary_.nodes, 0u);
  EXPECT_EQ(Snapshot(), before_);
}

TEST_F(ImportTest, MissingIdColumn) {
  ExpectRejected("nodes_Person.csv", "name,email\nLinus,l@x.example\n", "nodes_Person.csv:1: node file has no :ID column");
}

TEST_F(ImportTest, UnknownTypeInHeader) {
  ExpectRejected("nodes_Person.csv", "id:ID,home:point\n10,x\n", "header field 'home:point': unknown type 'point'");
}

TEST_F(ImportTest, IntFieldsOutOfRangeOrNotNumbers) {
  ExpectRejected("nodes_Person.csv", "id:ID,age:int\n10,99999999999999999999\n",
                 "nodes_Person.csv:2: field 2 (age:int): int column: '99999999999999999999' is out of range for a 64-bit integer");
  ExpectRejected("nodes_Person.csv", "id:ID,age:int\n10,1e400\n", "field 2 (age:int): int column: '1e400' is not an integer");
  ExpectRejected("nodes_Person.csv", "id:ID,age:int\n10,abc\n", "field 2 (age:int): int column: 'abc' is not an integer");
}

TEST_F(ImportTest, DuplicateNodeIds) {
  ExpectRejected("nodes_Person.csv", "id:ID,name\n10,A\n11,B\n10,C\n", "nodes_Person.csv:4: field 1 (id:ID): duplicate node id '10'");
}

TEST_F(ImportTest, RelationshipToAMissingNode) {
  WriteFile(dir_ / "r/nodes_Person.csv", "id:ID,name\n10,A\n");
  WriteFile(dir_ / "r/rels_KNOWS.csv", ":START_ID,:END_ID\n10,99\n");
  EXPECT_FALSE(Import({dir_ / "r"}).ok());
  ASSERT_FALSE(errors_.empty());
  EXPECT_NE(errors_[0].find("rels_KNOWS.csv:2: field 2 (:END_ID): no node with id '99' in this import"), std::string::npos) << errors_[0];
  EXPECT_EQ(Snapshot(), before_);
}

TEST_F(ImportTest, UniqueConstraintViolationAgainstTheStoreAndWithinTheFile) {
  ExpectRejected("nodes_Person.csv", "id:ID,email\n10,ada@x.example\n", "ConstraintError");
  ExpectRejected("nodes_Person.csv", "id:ID,email\n10,z@x.example\n11,z@x.example\n", "nodes_Person.csv:3: ConstraintError");
}

TEST_F(ImportTest, TenMegabyteFieldIsStoredWhole) {
  std::string big(10u << 20, 'q');
  WriteFile(dir_ / "big/nodes_Note.csv", "id:ID,text\n1,\"" + big + "\"\n");
  ASSERT_TRUE(Import({dir_ / "big"}).ok());
  auto txn = store_->Begin({.read_only = true});
  auto note = txn->FindLabel("Note");
  ASSERT_TRUE(note.has_value());
  auto it = txn->ScanLabel(*note);
  ASSERT_TRUE(it->Valid());
  auto text = txn->GetNodeProperty(it->id(), *txn->FindPropKey("text"));
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->as_string().size(), big.size());
}

TEST_F(ImportTest, FieldOverTheConfiguredLimitIsRejected) {
  std::string path = dir_ / "big2/nodes_Note.csv";
  WriteFile(path, "id:ID,text\n1," + std::string(2u << 20, 'q') + "\n");
  EXPECT_FALSE(Import({path}, 1u << 20).ok());
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_NE(errors_[0].find("nodes_Note.csv:2: field 2 (text) is longer than the limit of 1048576 bytes"), std::string::npos) << errors_[0];
  EXPECT_EQ(Snapshot(), before_);
}

TEST_F(ImportTest, StopsAfterMaxErrors) {
  std::string csv = "id:ID,age:int\n";
  for (int i = 0; i < 100; ++i) csv += std::to_string(100 + i) + ",x\n";
  WriteFile(dir_ / "many/nodes_P.csv", csv);
  Status status = Import({dir_ / "many"});
  EXPECT_EQ(errors_.size(), 20u);
  EXPECT_NE(status.message().find("at least 20 errors"), std::string::npos) << status.ToString();
  EXPECT_EQ(Snapshot(), before_);
}

TEST_F(ImportTest, LabelsTypesArraysAndIdSpaces) {
  WriteFile(dir_ / "s/people.csv", "pid:ID(Person),name,:LABEL,langs:string[]\n1,Ann,Person;Engineer,en;fr\n");
  WriteFile(dir_ / "s/forums.csv", "fid:ID(Forum),title\n1,Ski\n");
  WriteFile(dir_ / "s/members.csv", ":START_ID(Forum),:END_ID(Person),:TYPE,since:int\n1,1,HAS_MEMBER,2010\n");
  ASSERT_TRUE(Import({dir_ / "s"}).ok()) << (errors_.empty() ? "" : errors_[0]);
  EXPECT_EQ(summary_.nodes, 2u);
  EXPECT_EQ(summary_.relationships, 1u);
  auto txn = store_->Begin({.read_only = true});
  auto engineer = txn->ScanLabel(*txn->FindLabel("Engineer"));
  ASSERT_TRUE(engineer->Valid());
  auto langs = txn->GetNodeProperty(engineer->id(), *txn->FindPropKey("langs"));
  EXPECT_EQ(*langs, Value(ValueList{Value("en"), Value("fr")}));
  EXPECT_EQ(*txn->GetNodeProperty(engineer->id(), *txn->FindPropKey("pid")), Value(1));
  EXPECT_EQ(*txn->Degree(engineer->id(), storage::Direction::kIn, txn->FindRelType("HAS_MEMBER")), 1u);
}

// Relationship files may name nodes of earlier imports: an id missing from
// the import is looked up as the id property through a unique index.
class EarlierNodesTest : public ImportTest {
 protected:
  void SetUp() override {
    ImportTest::SetUp();
    ASSERT_TRUE(store_->CreateIndex("Person.id", storage::IndexKind::kUnique, "Person", "id").ok());
    before_ = Snapshot();
  }
  uint64_t KnowsDegree(int64_t person_id, storage::Direction dir) {
    auto txn = store_->Begin({.read_only = true});
    auto it = txn->IndexSeek(*txn->FindLabel("Person"), *txn->FindPropKey("id"), Value(person_id));
    EXPECT_TRUE(it.ok() && (*it)->Valid());
    return *txn->Degree((*it)->id(), dir, txn->FindRelType("KNOWS"));
  }
};

TEST_F(EarlierNodesTest, RelationshipsBetweenNewAndStoredNodes) {
  WriteFile(dir_ / "later/nodes_Person.csv", "id:ID,name,email\n3,Linus,linus@x.example\n");
  WriteFile(dir_ / "later/rels_KNOWS.csv", ":START_ID,:END_ID,strength:float\n3,1,0.9\n2,3,0.4\n");
  ASSERT_TRUE(Import({dir_ / "later"}).ok()) << (errors_.empty() ? "" : errors_[0]);
  EXPECT_EQ(summary_.nodes, 1u);
  EXPECT_EQ(summary_.relationships, 2u);
  EXPECT_EQ(KnowsDegree(1, storage::Direction::kIn), 1u);
  EXPECT_EQ(KnowsDegree(1, storage::Direction::kOut), 1u);  // the base tie
  EXPECT_EQ(KnowsDegree(2, storage::Direction::kOut), 1u);
  EXPECT_EQ(KnowsDegree(3, storage::Direction::kOut), 1u);
  EXPECT_TRUE(store_->Check()->empty());
}

TEST_F(EarlierNodesTest, ARelationshipFileAlone) {
  WriteFile(dir_ / "only/rels_KNOWS.csv", ":START_ID,:END_ID,strength:float\n2,1,0.7\n");
  ASSERT_TRUE(Import({dir_ / "only/rels_KNOWS.csv"}).ok()) << (errors_.empty() ? "" : errors_[0]);
  EXPECT_EQ(summary_.relationships, 1u);
  EXPECT_EQ(KnowsDegree(1, storage::Direction::kIn), 1u);
}

TEST_F(EarlierNodesTest, AMissingKeyRejectsTheWholeFileNamingRowAndKey) {
  ExpectRejected("rels_KNOWS.csv", ":START_ID,:END_ID\n2,1\n1,77\n",
                 "rels_KNOWS.csv:3: field 2 (:END_ID): no node with id '77' in this import, nor "
                 "among the stored nodes (unique index 'Person.id')");
}

TEST_F(ImportTest, EarlierNodesNeedAUniqueIndexOnTheIdProperty) {
  ExpectRejected("rels_KNOWS.csv", ":START_ID,:END_ID\n2,1\n",
                 "rels_KNOWS.csv:2: field 1 (:START_ID): no node with id '2' in this import, and "
                 "no unique index on property 'id' to look for it among the stored nodes");
}

}  // namespace
}  // namespace copmap::interchange
