// GraphStore: records, adjacency, degrees, scans and counts on a real RocksDB.
#include <algorithm>

#include <gtest/gtest.h>

#include "storage/graph_store.h"
#include "tests/storage/temp_store.h"

namespace copmap::storage::test {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenOrDie(dir_.Sub("db"));
    auto t = store_->Begin();
    person_ = Must(t->GetOrCreateLabel("Person"));
    community_ = Must(t->GetOrCreateLabel("Community"));
    member_of_ = Must(t->GetOrCreateRelType("MEMBER_OF"));
    knows_ = Must(t->GetOrCreateRelType("KNOWS"));
    name_ = Must(t->GetOrCreatePropKey("name"));
    role_ = Must(t->GetOrCreatePropKey("role"));
  }

  TempDir dir_;
  std::unique_ptr<GraphStore> store_;
  LabelId person_, community_;
  RelTypeId member_of_, knows_;
  PropKeyId name_, role_;
};

TEST_F(StoreTest, CreatesReadsUpdatesAndDeletesNodes) {
  auto t = store_->Begin();
  NodeId ada = Must(t->CreateNode({person_}, {{name_, Value("Ada")}}));
  MustOk(t->Commit());

  t = store_->Begin();
  NodeRecord node = Must(t->GetNode(ada));
  EXPECT_EQ(node.labels, std::vector<LabelId>{person_});
  ASSERT_EQ(node.properties.size(), 1u);
  EXPECT_EQ(node.properties[0].second, Value("Ada"));
  MustOk(t->SetNodeProperty(ada, role_, Value("lead")));
  MustOk(t->SetNodeProperty(ada, name_, Value()));  // null removes
  MustOk(t->AddLabel(ada, community_));
  MustOk(t->RemoveLabel(ada, person_));
  MustOk(t->Commit());

  t = store_->Begin();
  node = Must(t->GetNode(ada));
  EXPECT_EQ(node.labels, std::vector<LabelId>{community_});
  EXPECT_EQ(Must(t->GetNodeProperty(ada, role_)), Value("lead"));
  EXPECT_TRUE(Must(t->GetNodeProperty(ada, name_)).is_null());
  EXPECT_EQ(Must(t->CountNodes(person_)), 0u);
  EXPECT_EQ(Must(t->CountNodes(community_)), 1u);
  MustOk(t->DeleteNode(ada, false));
  MustOk(t->Commit());

  t = store_->Begin();
  EXPECT_FALSE(t->NodeExists(ada));
  EXPECT_EQ(t->GetNode(ada).status().code(), Status::Code::kEntityNotFound);
  EXPECT_EQ(Must(t->CountNodes(std::nullopt)), 0u);
  EXPECT_TRUE(ViolationTexts(*store_).empty());
}

TEST_F(StoreTest, RejectsBadInputWithClearErrors) {
  auto t = store_->Begin();
  auto bad_label = t->CreateNode({999}, {});
  EXPECT_EQ(bad_label.status().code(), Status::Code::kInvalidArgument);
  auto twice = t->CreateNode({person_}, {{name_, Value("a")}, {name_, Value("b")}});
  EXPECT_EQ(twice.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(twice.status().message().find("'name' given twice"), std::string::npos);
  auto map_value = t->CreateNode({person_}, {{name_, Value(ValueMap{{"k", Value(1)}})}});
  EXPECT_EQ(map_value.status().code(), Status::Code::kInvalidArgument);
  auto missing_end = t->CreateRel(knows_, 12345, 12346, {});
  EXPECT_EQ(missing_end.status().code(), Status::Code::kEntityNotFound);
  EXPECT_NE(missing_end.status().message().find("node 12345 does not exist"), std::string::npos);
  EXPECT_EQ(t->GetOrCreateLabel("").status().code(), Status::Code::kInvalidArgument);
}

TEST_F(StoreTest, AdjacencyIsMirroredAndOrderedByNeighbor) {
  auto t = store_->Begin();
  NodeId c = Must(t->CreateNode({community_}, {}));
  std::vector<NodeId> people;
  for (int i = 0; i < 5; ++i) people.push_back(Must(t->CreateNode({person_}, {})));
  std::vector<RelId> rels;
  // Created in reverse so that order by neighbour is not creation order.
  for (int i = 4; i >= 0; --i) {
    rels.push_back(Must(t->CreateRel(member_of_, people[i], c, {{role_, Value("core")}})));
  }
  RelId k = Must(t->CreateRel(knows_, people[0], people[1], {}));
  RelId loop = Must(t->CreateRel(knows_, people[2], people[2], {}));
  MustOk(t->Commit());

  t = store_->Begin(TransactionOptions{.read_only = true});
  std::vector<NodeId> members;
  for (auto it = t->Expand(c, Direction::kIn, member_of_); it->Valid(); it->Next()) {
    EXPECT_EQ(it->entry().type, member_of_);
    EXPECT_EQ(it->entry().direction, Direction::kIn);
    members.push_back(it->entry().neighbor);
  }
  EXPECT_EQ(members, people);  // sorted by neighbour id
  EXPECT_EQ(Must(t->Degree(c, Direction::kIn, member_of_)), 5u);
  EXPECT_EQ(Must(t->Degree(c, Direction::kIn, std::nullopt)), 5u);
  EXPECT_EQ(Must(t->Degree(c, Direction::kOut, std::nullopt)), 0u);
  EXPECT_EQ(Must(t->Degree(people[0], Direction::kOut, std::nullopt)), 2u);
  EXPECT_EQ(Must(t->Degree(people[0], Direction::kOut, knows_)), 1u);

  auto out = t->Expand(people[0], Direction::kOut, knows_);
  ASSERT_TRUE(out->Valid());
  EXPECT_EQ(out->entry().neighbor, people[1]);
  EXPECT_EQ(out->entry().rel, k);
  out->Next();
  EXPECT_FALSE(out->Valid());
  auto in = t->Expand(people[1], Direction::kIn, std::nullopt);
  ASSERT_TRUE(in->Valid());
  EXPECT_EQ(in->entry().neighbor, people[0]);

  // A self loop is seen from both directions.
  EXPECT_EQ(Must(t->Degree(people[2], Direction::kOut, knows_)), 1u);
  EXPECT_EQ(Must(t->Degree(people[2], Direction::kIn, knows_)), 1u);
  RelRecord r = Must(t->GetRel(loop));
  EXPECT_EQ(r.start, people[2]);
  EXPECT_EQ(r.end, people[2]);
  EXPECT_EQ(Must(t->CountRels(member_of_)), 5u);
  EXPECT_EQ(Must(t->CountRels(std::nullopt)), 7u);
  EXPECT_EQ(Ids(t->ScanRelType(knows_)), (std::vector<uint64_t>{k, loop}));
  EXPECT_EQ(Ids(t->ScanAllRels()).size(), 7u);
  EXPECT_EQ(Must(t->GetRelProperty(rels[0], role_)), Value("core"));
  EXPECT_TRUE(ViolationTexts(*store_).empty());
}

// Reseek moves one iterator between (node, direction, type) ranges and sees
// exactly what a new Expand would, including empty ranges and no type.
TEST_F(StoreTest, ReseekedAdjacencyIteratorMatchesAFreshOne) {
  auto t = store_->Begin();
  NodeId c = Must(t->CreateNode({community_}, {}));
  std::vector<NodeId> people;
  for (int i = 0; i < 4; ++i) people.push_back(Must(t->CreateNode({person_}, {})));
  for (NodeId p : people) Must(t->CreateRel(member_of_, p, c, {}));
  Must(t->CreateRel(knows_, people[0], people[1], {}));
  Must(t->CreateRel(knows_, people[0], people[3], {}));
  MustOk(t->Commit());

  t = store_->Begin(TransactionOptions{.read_only = true});
  auto entries = [](AdjIterator& it) {
    std::vector<std::pair<NodeId, RelId>> out;
    for (; it.Valid(); it.Next()) out.emplace_back(it.entry().neighbor, it.entry().rel);
    return out;
  };
  struct Range {
    NodeId node;
    Direction dir;
    std::optional<RelTypeId> type;
  };
  const std::vector<Range> ranges = {
      {c, Direction::kIn, member_of_},   {people[0], Direction::kOut, knows_},
      {c, Direction::kOut, std::nullopt}, {people[0], Direction::kOut, std::nullopt},
      {people[1], Direction::kIn, knows_}, {people[2], Direction::kIn, knows_},
      {c, Direction::kIn, std::nullopt}};
  auto reused = t->Expand(people[3], Direction::kOut, member_of_);
  for (const Range& r : ranges) {
    ASSERT_TRUE(reused->Reseek(r.node, r.dir, r.type));
    auto fresh = t->Expand(r.node, r.dir, r.type);
    EXPECT_EQ(entries(*reused), entries(*fresh)) << "node " << r.node;
    MustOk(reused->status());
  }
}

TEST_F(StoreTest, DeleteNeedsDetachAndDetachRemovesEverything) {
  auto t = store_->Begin();
  NodeId a = Must(t->CreateNode({person_}, {}));
  NodeId b = Must(t->CreateNode({person_}, {}));
  Must(t->CreateRel(knows_, a, b, {}));
  Must(t->CreateRel(knows_, a, a, {}));
  Must(t->CreateRel(member_of_, b, a, {}));
  MustOk(t->Commit());

  t = store_->Begin();
  Status s = t->DeleteNode(a, false);
  EXPECT_EQ(s.code(), Status::Code::kConstraintError);
  EXPECT_NE(s.message().find("DETACH DELETE"), std::string::npos);
  EXPECT_TRUE(t->NodeExists(a));  // the failed write left no trace
  MustOk(t->DeleteNode(a, true));
  MustOk(t->Commit());

  t = store_->Begin();
  EXPECT_FALSE(t->NodeExists(a));
  EXPECT_EQ(Must(t->CountRels(std::nullopt)), 0u);
  EXPECT_EQ(Must(t->Degree(b, Direction::kIn, std::nullopt)), 0u);
  EXPECT_EQ(Must(t->Degree(b, Direction::kOut, std::nullopt)), 0u);
  EXPECT_FALSE(t->Expand(b, Direction::kIn, std::nullopt)->Valid());
  EXPECT_EQ(Must(t->CountNodes(person_)), 1u);
  EXPECT_TRUE(ViolationTexts(*store_).empty());
}

TEST_F(StoreTest, LabelScanSeesOwnWritesAndCommittedNodes) {
  auto t = store_->Begin();
  NodeId a = Must(t->CreateNode({person_}, {}));
  NodeId c = Must(t->CreateNode({community_}, {}));
  NodeId both = Must(t->CreateNode({person_, community_}, {}));
  EXPECT_EQ(Ids(t->ScanLabel(person_)), (std::vector<uint64_t>{a, both}));  // own writes
  MustOk(t->Commit());
  t = store_->Begin();
  EXPECT_EQ(Ids(t->ScanLabel(community_)), (std::vector<uint64_t>{c, both}));
  EXPECT_EQ(Ids(t->ScanAllNodes()), (std::vector<uint64_t>{a, c, both}));
  EXPECT_EQ(Must(t->CountNodes(person_)), 2u);
}

TEST_F(StoreTest, IdsAreStableAndNeverReusedAcrossReopen) {
  NodeId last;
  {
    auto t = store_->Begin();
    Must(t->CreateNode({}, {}));
    last = Must(t->CreateNode({}, {}));
    MustOk(t->Commit());
    t = store_->Begin();
    MustOk(t->DeleteNode(last, false));
    MustOk(t->Commit());
  }
  store_.reset();
  store_ = OpenOrDie(dir_.Sub("db"));
  auto t = store_->Begin();
  EXPECT_GT(Must(t->CreateNode({}, {})), last);
  EXPECT_EQ(t->LabelName(person_), "Person");
  EXPECT_EQ(t->FindRelType("KNOWS"), knows_);
  EXPECT_FALSE(t->FindLabel("Nope").has_value());
}

TEST_F(StoreTest, CatalogListsNamesInIdOrder) {
  auto t = store_->Begin();
  auto labels = t->AllLabels();
  // The CoP schema interned its labels first.
  EXPECT_NE(std::find(labels.begin(), labels.end(), "Person"), labels.end());
  EXPECT_EQ(labels[person_], "Person");
  EXPECT_EQ(t->AllRelTypes(), (std::vector<std::string>{"MEMBER_OF", "KNOWS"}));
}

TEST_F(StoreTest, BulkLoadIsInvisibleUntilFinishAndThenWhole) {
  NodeId first, second;
  {
    auto loader = Must(store_->BeginBulkLoad());
    LabelId org = Must(loader->Label("Organization"));
    LabelId lab = Must(loader->Label("Lab"));
    PropKeyId n = Must(loader->PropKey("name"));
    RelTypeId part = Must(loader->RelType("PART_OF"));
    first = Must(loader->AddNode({org}, {{n, Value("Acme")}}));
    second = Must(loader->AddNode({lab}, {{n, Value("R&D")}}));
    Must(loader->AddRel(part, second, first, {}));
    auto t = store_->Begin();
    EXPECT_FALSE(t->NodeExists(first));
    EXPECT_FALSE(t->FindLabel("Lab").has_value());
    MustOk(loader->Finish());
  }
  auto t = store_->Begin();
  EXPECT_TRUE(t->NodeExists(first));
  EXPECT_EQ(Must(t->Degree(first, Direction::kIn, std::nullopt)), 1u);
  EXPECT_EQ(Must(t->CountNodes(*t->FindLabel("Lab"))), 1u);
  EXPECT_EQ(Must(t->CountRels(std::nullopt)), 1u);
  auto seek = Must(t->IndexSeek(*t->FindLabel("Organization"), name_, Value("Acme")));
  EXPECT_EQ(Ids(seek), std::vector<uint64_t>{first});
  EXPECT_TRUE(ViolationTexts(*store_).empty());
}

TEST_F(StoreTest, AbandonedBulkLoadLeavesNothing) {
  {
    auto loader = Must(store_->BeginBulkLoad());
    LabelId ghost = Must(loader->Label("Ghost"));
    Must(loader->AddNode({ghost}, {}));
  }  // destroyed without Finish
  auto t = store_->Begin();
  EXPECT_FALSE(t->FindLabel("Ghost").has_value());
  EXPECT_EQ(Must(t->CountNodes(std::nullopt)), 0u);
  auto labels = t->AllLabels();
  EXPECT_EQ(std::find(labels.begin(), labels.end(), "Ghost"), labels.end());
  EXPECT_TRUE(ViolationTexts(*store_).empty());
}

TEST_F(StoreTest, BulkLoadSpillsManyRunsAndStaysConsistent) {
  // A small budget would normally come from a huge import; here the default
  // is exercised through many nodes with a unique key and relationships.
  auto loader = Must(store_->BeginBulkLoad());
  LabelId p = Must(loader->Label("Person"));
  PropKeyId email = Must(loader->PropKey("email"));
  RelTypeId k = Must(loader->RelType("KNOWS"));
  std::vector<NodeId> ids;
  for (int i = 0; i < 2000; ++i) {
    ids.push_back(Must(loader->AddNode({p}, {{email, Value("p" + std::to_string(i))}})));
  }
  for (int i = 0; i < 2000; ++i) Must(loader->AddRel(k, ids[i], ids[(i * 7 + 1) % 2000], {}));
  auto dup = loader->AddNode({p}, {{email, Value("p5")}});
  EXPECT_EQ(dup.status().code(), Status::Code::kConstraintError);
  MustOk(loader->Finish());
  auto t = store_->Begin();
  EXPECT_EQ(Must(t->CountNodes(p)), 2000u);
  EXPECT_EQ(Must(t->CountRels(k)), 2000u + 0u);
  EXPECT_TRUE(ViolationTexts(*store_).empty());
}

}  // namespace
}  // namespace copmap::storage::test
