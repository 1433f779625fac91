// Unique constraints and range/equality indexes.
#include <gtest/gtest.h>

#include "storage/graph_store.h"
#include "tests/storage/temp_store.h"

namespace copmap::storage::test {
namespace {

class IndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenOrDie(dir_.Sub("db"));  // with the CoP schema
    auto t = store_->Begin();
    person_ = *t->FindLabel("Person");
    email_ = *t->FindPropKey("email");
    level_ = Must(t->GetOrCreatePropKey("level"));
    MustOk(t->Commit());
  }

  NodeId Person(Transaction& t, const std::string& email, Value level = Value()) {
    return Must(t.CreateNode({person_}, {{email_, Value(email)}, {level_, std::move(level)}}));
  }

  TempDir dir_;
  std::unique_ptr<GraphStore> store_;
  LabelId person_;
  PropKeyId email_, level_;
};

TEST_F(IndexTest, CopSchemaInstallsUniqueConstraints) {
  auto t = store_->Begin();
  std::vector<std::string> names;
  for (const IndexInfo& i : t->Indexes()) {
    EXPECT_EQ(i.kind, IndexKind::kUnique);
    names.push_back(i.name);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"Person.email", "Organization.name",
                                             "Community.name", "Domain.name", "Practice.title",
                                             "Event.name"}));
}

TEST_F(IndexTest, UniqueViolationNamesLabelPropertyAndValue) {
  auto t = store_->Begin();
  NodeId ada = Person(*t, "ada@x.org");
  auto dup = t->CreateNode({person_}, {{email_, Value("ada@x.org")}});
  ASSERT_EQ(dup.status().code(), Status::Code::kConstraintError);
  EXPECT_EQ(dup.status().message(),
            "node " + std::to_string(ada) +
                " already has label :Person and property email = 'ada@x.org' (unique constraint "
                "'Person.email')");
  // The transaction stays usable and the failed write left no trace.
  NodeId bob = Person(*t, "bob@x.org");
  EXPECT_EQ(t->SetNodeProperty(bob, email_, Value("ada@x.org")).code(),
            Status::Code::kConstraintError);
  EXPECT_EQ(Must(t->GetNodeProperty(bob, email_)), Value("bob@x.org"));
  MustOk(t->Commit());

  // Across transactions, and freed values become available again.
  t = store_->Begin();
  EXPECT_EQ(t->CreateNode({person_}, {{email_, Value("bob@x.org")}}).status().code(),
            Status::Code::kConstraintError);
  MustOk(t->SetNodeProperty(ada, email_, Value("ada@new.org")));
  Person(*t, "ada@x.org");
  MustOk(t->Commit());
  EXPECT_TRUE(ViolationTexts(*store_).empty());
}

TEST_F(IndexTest, ConcurrentClaimsOfOneValueConflict) {
  auto a = store_->Begin();
  auto b = store_->Begin();
  Person(*a, "same@x.org");
  Person(*b, "same@x.org");
  MustOk(a->Commit());
  EXPECT_TRUE(b->Commit().IsConflict());
  auto t = store_->Begin();
  EXPECT_EQ(Ids(Must(t->IndexSeek(person_, email_, Value("same@x.org")))).size(), 1u);
}

TEST_F(IndexTest, EqualityAndRangeLookups) {
  std::vector<NodeId> ids;
  {
    auto t = store_->Begin();
    for (int i = 0; i < 10; ++i) ids.push_back(Person(*t, "p" + std::to_string(i) + "@x", Value(i % 5)));
    ids.push_back(Person(*t, "f@x", Value(2.5)));
    ids.push_back(Person(*t, "s@x", Value("three")));
    MustOk(t->Commit());
  }
  MustOk(store_->CreateIndex("person_level", IndexKind::kRange, "Person", "level"));
  auto t = store_->Begin();
  ASSERT_TRUE(t->FindIndex(person_, level_).has_value());
  EXPECT_EQ(Ids(Must(t->IndexSeek(person_, level_, Value(2)))),
            (std::vector<uint64_t>{ids[2], ids[7]}));
  EXPECT_EQ(Ids(Must(t->IndexSeek(person_, level_, Value(2.0)))),
            (std::vector<uint64_t>{ids[2], ids[7]}));  // 2 = 2.0
  // 2 < level <= 3: 2.5 then both 3s, in value order.
  auto range = Must(t->IndexRange(person_, level_, Bound{Value(2), false}, Bound{Value(3), true}));
  EXPECT_EQ(Ids(range), (std::vector<uint64_t>{ids[10], ids[3], ids[8]}));
  // Open upper end stays among numbers: the string is not >= 4.
  EXPECT_EQ(Ids(Must(t->IndexRange(person_, level_, Bound{Value(4), true}, std::nullopt))),
            (std::vector<uint64_t>{ids[4], ids[9]}));
  EXPECT_EQ(Ids(Must(t->IndexRange(person_, level_, std::nullopt, Bound{Value(1), false}))),
            (std::vector<uint64_t>{ids[0], ids[5]}));
  EXPECT_TRUE(Ids(Must(t->IndexRange(person_, level_, Bound{Value(1), true},
                                     Bound{Value("z"), true}))).empty());
  // Own writes are visible to index lookups.
  NodeId fresh = Person(*t, "new@x", Value(2));
  EXPECT_EQ(Ids(Must(t->IndexSeek(person_, level_, Value(2)))),
            (std::vector<uint64_t>{ids[2], ids[7], fresh}));
  MustOk(t->RemoveLabel(ids[2], person_));  // leaves the index
  EXPECT_EQ(Ids(Must(t->IndexSeek(person_, level_, Value(2)))),
            (std::vector<uint64_t>{ids[7], fresh}));
  MustOk(t->Commit());
  EXPECT_TRUE(ViolationTexts(*store_).empty());

  MustOk(store_->DropIndex("person_level"));
  t = store_->Begin();
  EXPECT_EQ(t->IndexSeek(person_, level_, Value(2)).status().code(), Status::Code::kNotFound);
  EXPECT_TRUE(ViolationTexts(*store_).empty());
}

TEST_F(IndexTest, CreatingAUniqueConstraintOverDuplicatesFails) {
  auto t = store_->Begin();
  LabelId tag = Must(t->GetOrCreateLabel("Tag"));
  PropKeyId word = Must(t->GetOrCreatePropKey("word"));
  NodeId a = Must(t->CreateNode({tag}, {{word, Value("x")}}));
  NodeId b = Must(t->CreateNode({tag}, {{word, Value("x")}}));
  MustOk(t->Commit());
  Status s = store_->CreateIndex("Tag.word", IndexKind::kUnique, "Tag", "word");
  EXPECT_EQ(s.code(), Status::Code::kConstraintError);
  EXPECT_NE(s.message().find("nodes " + std::to_string(a) + " and " + std::to_string(b)),
            std::string::npos);
  EXPECT_NE(s.message().find("'x'"), std::string::npos);
  EXPECT_TRUE(store_->Begin()->Indexes().size() == 6u);
  EXPECT_EQ(store_->CreateIndex("Person.email", IndexKind::kRange, "Tag", "word").code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(store_->DropIndex("nope").code(), Status::Code::kNotFound);
}

TEST_F(IndexTest, TransactionBegunBeforeASchemaChangeMustRetry) {
  auto t = store_->Begin();
  Person(*t, "late@x", Value(1));
  MustOk(store_->CreateIndex("person_level", IndexKind::kRange, "Person", "level"));
  EXPECT_TRUE(t->Commit().IsConflict());
  EXPECT_TRUE(ViolationTexts(*store_).empty());
}

}  // namespace
}  // namespace copmap::storage::test
