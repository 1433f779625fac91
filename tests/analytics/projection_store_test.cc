// Projection::FromStore on a real store: which nodes and ties it takes, the
// weights it reads from the relationship records, and a transaction's own
// writes.
#include <gtest/gtest.h>

#include <vector>

#include "query/analytics/projection.h"
#include "tests/storage/temp_store.h"

namespace copmap::analytics {
namespace {

using storage::test::Must;
using storage::test::MustOk;

std::vector<LocalId> Vec(std::span<const LocalId> s) { return {s.begin(), s.end()}; }
std::vector<double> Vec(std::span<const double> s) { return {s.begin(), s.end()}; }

class ProjectionStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = storage::test::OpenOrDie(dir_.Sub("db"), {.sync_commits = false, .cop_schema = false});
    ASSERT_NE(store_, nullptr);
    auto txn = store_->Begin();
    storage::LabelId person = Must(txn->GetOrCreateLabel("Person"));
    storage::LabelId domain = Must(txn->GetOrCreateLabel("Domain"));
    knows_ = Must(txn->GetOrCreateRelType("KNOWS"));
    storage::RelTypeId likes = Must(txn->GetOrCreateRelType("LIKES"));
    strength_ = Must(txn->GetOrCreatePropKey("strength"));
    storage::PropKeyId note = Must(txn->GetOrCreatePropKey("note"));
    for (int i = 0; i < 4; ++i) people_.push_back(Must(txn->CreateNode({person}, {})));
    storage::NodeId topic = Must(txn->CreateNode({domain}, {}));
    // Created out of order on purpose: the scan reads relationship-id order.
    Tie(*txn, knows_, 2, 3, {{strength_, Value(0.4)}, {note, Value("x")}});
    Tie(*txn, knows_, 0, 1, {{strength_, Value(0.9)}});
    Tie(*txn, knows_, 1, 0, {{strength_, Value(0.3)}});  // reciprocal: max 0.9 kept
    Tie(*txn, knows_, 0, 2, {});                          // no strength: the default
    Tie(*txn, knows_, 3, 3, {{strength_, Value(1.0)}});   // self loop: dropped
    Tie(*txn, likes, 1, 3, {{strength_, Value(0.7)}});    // another type
    Must(txn->CreateRel(knows_, people_[1], topic, {}));  // an end outside Person
    MustOk(txn->Commit());
  }

  void Tie(storage::Transaction& txn, storage::RelTypeId type, int a, int b,
           storage::Properties props) {
    Must(txn.CreateRel(type, people_[a], people_[b], std::move(props)));
  }

  static ProjectionSpec KnowsByStrength() {
    ProjectionSpec spec;
    spec.node_labels = {"Person"};
    spec.rel_types = {"KNOWS"};
    spec.weight_property = "strength";
    spec.default_weight = 0.5;
    return spec;
  }

  storage::test::TempDir dir_;
  std::unique_ptr<storage::GraphStore> store_;
  std::vector<storage::NodeId> people_;
  storage::RelTypeId knows_ = 0;
  storage::PropKeyId strength_ = 0;
};

TEST_F(ProjectionStoreTest, TakesTiesOfTheTypeBetweenProjectedNodesWithTheirWeights) {
  auto txn = store_->Begin({.read_only = true});
  Projection g = Must(Projection::FromStore(*txn, KnowsByStrength()));
  EXPECT_EQ(g.num_nodes(), 4u);
  EXPECT_EQ(g.num_edges(), 3u);
  EXPECT_EQ(g.Global(0), people_[0]);
  EXPECT_EQ(Vec(g.Out(0)), (std::vector<LocalId>{1, 2}));
  EXPECT_EQ(Vec(g.OutWeights(0)), (std::vector<double>{0.9, 0.5}));
  EXPECT_EQ(Vec(g.Out(1)), (std::vector<LocalId>{0}));
  EXPECT_EQ(Vec(g.Out(3)), (std::vector<LocalId>{2}));
  EXPECT_EQ(Vec(g.OutWeights(3)), (std::vector<double>{0.4}));
}

TEST_F(ProjectionStoreTest, DirectedEveryTypeAndEveryNode) {
  auto txn = store_->Begin({.read_only = true});
  ProjectionSpec spec;
  spec.directed = true;
  spec.parallel = ParallelEdges::kKeep;
  spec.keep_self_loops = true;
  Projection g = Must(Projection::FromStore(*txn, spec));
  EXPECT_EQ(g.num_nodes(), 5u);
  EXPECT_EQ(g.num_edges(), 7u);
  EXPECT_EQ(Vec(g.Out(1)), (std::vector<LocalId>{0, 3, 4}));
  EXPECT_EQ(Vec(g.In(3)), (std::vector<LocalId>{1, 2, 3}));
}

TEST_F(ProjectionStoreTest, SeesTheTransactionsOwnWritesAndUnknownNamesMatchNothing) {
  auto txn = store_->Begin();
  Tie(*txn, knows_, 1, 2, {{strength_, Value(0.6)}});
  Projection g = Must(Projection::FromStore(*txn, KnowsByStrength()));
  EXPECT_EQ(Vec(g.Out(2)), (std::vector<LocalId>{0, 1, 3}));
  EXPECT_EQ(Vec(g.OutWeights(2)), (std::vector<double>{0.5, 0.6, 0.4}));

  ProjectionSpec unknown = KnowsByStrength();
  unknown.rel_types = {"NEVER_USED"};
  EXPECT_EQ(Must(Projection::FromStore(*txn, unknown)).num_edges(), 0u);
}

}  // namespace
}  // namespace copmap::analytics
