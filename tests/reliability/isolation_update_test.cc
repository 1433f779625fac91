// LDBC ACID tests of the update anomalies: LU lost update (prevented: the
// later committer gets a retryable Conflict) and WS write skew (permitted by
// snapshot isolation, which is what copmap claims: this test pins that
// behaviour down, and the way a client avoids it).
#include <atomic>

#include "tests/reliability/isolation_harness.h"

namespace copmap::reliability {
namespace {

class UpdateAnomalyTest : public IsolationTest {
 protected:
  void SetUp() override {
    IsolationTest::SetUp();
    Run("CREATE (:Person {id: 1, numFriends: 0}), "
        "(:Person {id: 11, value: 70}), (:Person {id: 12, value: 80})");
  }
  int64_t NumFriends() { return Int("MATCH (p:Person {id: 1}) RETURN p.numFriends"); }
  int64_t Friends() { return Int("MATCH (:Person {id: 1})-[k:KNOWS]->() RETURN count(k)"); }
  int64_t ValueSum() {
    return Int("MATCH (a:Person {id: 11}), (b:Person {id: 12}) RETURN a.value + b.value");
  }
};

// LU: read-modify-write of a counter, with a new friend each time; a lost
// update shows as numFriends below the number of KNOWS relationships.
constexpr char kAddFriend[] =
    "MATCH (p:Person {id: 1}) CREATE (p)-[:KNOWS]->(:Person {id: $friend}) "
    "SET p.numFriends = p.numFriends + 1 RETURN p.numFriends";

TEST_F(UpdateAnomalyTest, LULostUpdateTheLaterCommitterRetries) {
  // The outer read numFriends = 0: committing it would lose the inner's +1.
  auto [outer, inner] = Interleave(engine(), kAddFriend, Ints({{"friend", 100}}), kAddFriend,
                                   Ints({{"friend", 101}}));
  ASSERT_TRUE(inner.ok()) << inner.status().ToString();
  EXPECT_TRUE(IsRetryableConflict(outer.status())) << outer.status().ToString();
  EXPECT_NE(outer.status().ToString().find("Conflict: "), std::string::npos)
      << outer.status().ToString();
  ASSERT_TRUE(RunRetrying(engine(), kAddFriend, Ints({{"friend", 100}})).ok());
  EXPECT_EQ(NumFriends(), 2);
  EXPECT_EQ(Friends(), 2);
}

TEST_F(UpdateAnomalyTest, LULostUpdateNoneUnderConcurrentWriters) {
  constexpr int kThreads = 4, kEach = 25;
  std::atomic<int> retries{0};
  Concurrently(kThreads, kEach, [&](int t, int i) {
    int r = 0;
    EXPECT_TRUE(RunRetrying(engine(), kAddFriend, Ints({{"friend", 100 + t * kEach + i}}), &r).ok());
    retries += r;
  });
  EXPECT_EQ(NumFriends(), kThreads * kEach) << "LU anomaly";
  EXPECT_EQ(Friends(), kThreads * kEach);
  std::printf("LU: %d transactions, %d conflicts retried, 0 anomalies\n", kThreads * kEach,
              retries.load());
}

// WS: persons 11 and 12 must keep value sum > 0. Each transaction checks the
// sum and, when it allows, takes 100 from ONE of them. The two transactions
// write disjoint records, so snapshot isolation commits both.
constexpr char kTakeFrom[] =
    "MATCH (mine:Person {id: $mine}), (other:Person {id: $other}) "
    "WHERE mine.value + other.value - 100 > 0 "
    "SET mine.value = mine.value - 100 RETURN mine.value";

TEST_F(UpdateAnomalyTest, WSWriteSkewIsPermittedUnderSnapshotIsolation) {
  auto [t1, t2] = Interleave(engine(), kTakeFrom, Ints({{"mine", 11}, {"other", 12}}), kTakeFrom,
                             Ints({{"mine", 12}, {"other", 11}}));
  ASSERT_TRUE(t2.ok()) << t2.status().ToString();
  ASSERT_EQ(t2->rows.size(), 1u) << "T2 saw the sum 150 and took 100";
  ASSERT_TRUE(t1.ok()) << t1.status().ToString();
  // Both committed: the constraint is broken. copmap claims snapshot
  // isolation, not serializability, and this is the difference.
  EXPECT_EQ(ValueSum(), -50) << "write skew no longer happens: update docs/RELIABILITY.md";
}

// The client's remedy: make the check a write too (touch the other record),
// so that the two transactions conflict and the later one retries, re-reads
// and finds the sum too small.
constexpr char kTakeFromGuarded[] =
    "MATCH (mine:Person {id: $mine}), (other:Person {id: $other}) "
    "WHERE mine.value + other.value - 100 > 0 "
    "SET mine.value = mine.value - 100, other.value = other.value RETURN mine.value";

TEST_F(UpdateAnomalyTest, WSWriteSkewIsAvoidedByWritingWhatTheCheckRead) {
  auto [t1, t2] = Interleave(engine(), kTakeFromGuarded, Ints({{"mine", 11}, {"other", 12}}),
                             kTakeFromGuarded, Ints({{"mine", 12}, {"other", 11}}));
  ASSERT_TRUE(t2.ok()) << t2.status().ToString();
  EXPECT_TRUE(IsRetryableConflict(t1.status())) << t1.status().ToString();
  auto retried = RunRetrying(engine(), kTakeFromGuarded, Ints({{"mine", 11}, {"other", 12}}));
  ASSERT_TRUE(retried.ok()) << retried.status().ToString();
  EXPECT_TRUE(retried->rows.empty()) << "the retry re-checks and finds the sum too small";
  EXPECT_EQ(ValueSum(), 50);
}

TEST_F(UpdateAnomalyTest, WSWriteSkewObservedAndAvoidedUnderConcurrentWriters) {
  // Many pairs; two transactions race on each, plain and guarded.
  constexpr int kPairs = 40;
  for (int i = 0; i < kPairs; ++i) {
    Run("CREATE (:Pair {id: $a, value: 70}), (:Pair {id: $b, value: 80})",
        Ints({{"a", 1000 + 2 * i}, {"b", 1001 + 2 * i}}));
  }
  auto race = [&](const std::string& take) {
    Concurrently(2, kPairs, [&](int t, int i) {
      const int64_t a = 1000 + 2 * i, b = 1001 + 2 * i;
      auto r = RunRetrying(engine(), take,
                           Ints({{"mine", t == 0 ? a : b}, {"other", t == 0 ? b : a}}));
      EXPECT_TRUE(r.ok()) << r.status().ToString();
    });
    int broken = static_cast<int>(Int(
        "MATCH (a:Pair), (b:Pair) WHERE b.id = a.id + 1 AND a.id % 2 = 0 "
        "AND a.value + b.value <= 0 RETURN count(*)"));
    Run("MATCH (p:Pair) SET p.value = CASE p.id % 2 WHEN 0 THEN 70 ELSE 80 END");
    return broken;
  };
  std::string plain = kTakeFrom, guarded = kTakeFromGuarded;
  for (std::string* q : {&plain, &guarded}) {
    size_t at;
    while ((at = q->find(":Person")) != std::string::npos) q->replace(at, 7, ":Pair");
  }
  const int skewed = race(plain);
  const int guarded_skewed = race(guarded);
  EXPECT_EQ(guarded_skewed, 0) << "WS anomaly despite the guard write";
  // Whether a race lands inside the window is up to the scheduler: the
  // plain count is reported, not asserted (the paused test above asserts it).
  std::printf("WS: %d racing pairs, write skew in %d plain, %d guarded\n", kPairs, skewed,
              guarded_skewed);
}

}  // namespace
}  // namespace copmap::reliability
