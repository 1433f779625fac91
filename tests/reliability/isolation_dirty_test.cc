// LDBC ACID tests of the dirty anomalies, none of which snapshot isolation
// allows: G0 dirty write, G1a aborted read, G1b intermediate read, G1c
// circular information flow.
#include <atomic>
#include <map>
#include <mutex>

#include "tests/reliability/isolation_harness.h"

namespace copmap::reliability {
namespace {

class DirtyAnomalyTest : public IsolationTest {
 protected:
  void SetUp() override {
    IsolationTest::SetUp();
    Run("CREATE (:Person {id: 1, version: 1, versionHistory: []})-[:KNOWS {versionHistory: []}]->"
        "(:Person {id: 2, version: 1, versionHistory: []})");
  }
  int64_t Version(int64_t id) {
    return Int("MATCH (p:Person {id: $id}) RETURN p.version", Ints({{"id", id}}));
  }
};

// G0: each transaction appends its id to the histories of both persons and
// of the relationship between them. A dirty write would leave the three
// histories in different orders.
constexpr char kAppendHistory[] =
    "MATCH (p1:Person {id: 1})-[k:KNOWS]->(p2:Person {id: 2}) "
    "SET p1.versionHistory = p1.versionHistory + [$t], "
    "    k.versionHistory = k.versionHistory + [$t], "
    "    p2.versionHistory = p2.versionHistory + [$t] "
    "RETURN $t";

TEST_F(DirtyAnomalyTest, G0DirtyWriteTheLaterCommitterRetries) {
  // The inner writer commits while the outer holds uncommitted writes to the
  // same records: optimistic transactions take no locks, so it wins, and the
  // outer fails at commit with the retryable conflict.
  auto [outer, inner] =
      Interleave(engine(), kAppendHistory, Ints({{"t", 1}}), kAppendHistory, Ints({{"t", 2}}));
  ASSERT_TRUE(inner.ok()) << inner.status().ToString();
  EXPECT_TRUE(IsRetryableConflict(outer.status())) << outer.status().ToString();
  ASSERT_TRUE(RunRetrying(engine(), kAppendHistory, Ints({{"t", 1}})).ok());
  auto r = Run("MATCH (p1:Person {id: 1})-[k:KNOWS]->(p2:Person {id: 2}) "
               "RETURN p1.versionHistory, k.versionHistory, p2.versionHistory");
  EXPECT_EQ(r.rows[0][0].ToString(), "[2, 1]");
  EXPECT_EQ(r.rows[0][1].ToString(), "[2, 1]");
  EXPECT_EQ(r.rows[0][2].ToString(), "[2, 1]");
}

TEST_F(DirtyAnomalyTest, G0DirtyWriteNoneUnderConcurrentWriters) {
  constexpr int kThreads = 4, kEach = 25;
  std::atomic<int> retries{0};
  Concurrently(kThreads, kEach, [&](int t, int i) {
    int r = 0;
    EXPECT_TRUE(RunRetrying(engine(), kAppendHistory, Ints({{"t", t * kEach + i}}), &r).ok());
    retries += r;
  });
  auto r = Run("MATCH (p1:Person {id: 1})-[k:KNOWS]->(p2:Person {id: 2}) "
               "RETURN p1.versionHistory, k.versionHistory, p2.versionHistory");
  EXPECT_EQ(r.rows[0][0].as_list().size(), size_t(kThreads * kEach));
  EXPECT_EQ(r.rows[0][0].ToString(), r.rows[0][1].ToString()) << "G0 anomaly";
  EXPECT_EQ(r.rows[0][0].ToString(), r.rows[0][2].ToString()) << "G0 anomaly";
  std::printf("G0: %d transactions, %d conflicts retried, 0 anomalies\n", kThreads * kEach,
              retries.load());
}

// G1a: a transaction sets version 2 and aborts; nobody may ever read 2.
TEST_F(DirtyAnomalyTest, G1aAbortedReadNeverSeen) {
  for (int round = 0; round < 20; ++round) {
    PausedQuery writer(engine(), "MATCH (p:Person {id: 1}) SET p.version = 2 RETURN p.version");
    ASSERT_TRUE(writer.WaitUntilPaused());
    ASSERT_EQ(writer.first_row()[0].as_int(), 2) << "the writer sees its own write";
    EXPECT_EQ(Version(1), 1) << "G1a: read an uncommitted write";
    EXPECT_FALSE(writer.Abort().ok());
    EXPECT_EQ(Version(1), 1) << "G1a: read an aborted write";
  }
}

// G1b: a transaction writes an intermediate (even) version and then its
// final (odd) one; the intermediate one is never read.
TEST_F(DirtyAnomalyTest, G1bIntermediateReadNeverSeen) {
  // UNWIND makes the two writes happen one row apart: paused after the first.
  PausedQuery writer(engine(),
                     "UNWIND [2, 3] AS v MATCH (p:Person {id: 1}) SET p.version = v RETURN v");
  ASSERT_TRUE(writer.WaitUntilPaused());
  ASSERT_EQ(writer.first_row()[0].as_int(), 2);
  EXPECT_EQ(Version(1), 1) << "G1b: read an intermediate write";
  auto done = writer.Commit();
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_EQ(done->rows.size(), 2u);
  EXPECT_EQ(Version(1), 3);
}

// G1c: T1 writes person 1 and reads person 2; T2 writes person 2 and reads
// person 1. If each read the other's write, information flowed in a circle.
constexpr char kWriteOneReadOther[] =
    "MATCH (mine:Person {id: $mine}), (other:Person {id: $other}) "
    "SET mine.version = $t RETURN other.version";

TEST_F(DirtyAnomalyTest, G1cCircularInformationFlowInterleaved) {
  auto [t1, t2] = Interleave(engine(), kWriteOneReadOther,
                             Ints({{"mine", 1}, {"other", 2}, {"t", 11}}), kWriteOneReadOther,
                             Ints({{"mine", 2}, {"other", 1}, {"t", 12}}));
  ASSERT_TRUE(t2.ok()) << t2.status().ToString();
  EXPECT_EQ(t2->rows[0][0].as_int(), 1) << "T2 read T1's uncommitted write";
  ASSERT_TRUE(t1.ok()) << t1.status().ToString();  // disjoint writes: no conflict
  EXPECT_EQ(t1->rows[0][0].as_int(), 1) << "T1 read a write committed after it began";
  EXPECT_EQ(Version(1), 11);
  EXPECT_EQ(Version(2), 12);
}

TEST_F(DirtyAnomalyTest, G1cCircularInformationFlowNoneUnderConcurrentWriters) {
  constexpr int kThreads = 4, kEach = 50;
  std::mutex mu;
  std::map<int64_t, int64_t> read_from;  // transaction -> version it read (another's id)
  Concurrently(kThreads, kEach, [&](int t, int i) {
    const int64_t id = 1 + (t * kEach + i) % 2;  // alternate which person is written
    const int64_t txn = 100 + t * kEach + i;
    auto r = RunRetrying(engine(), kWriteOneReadOther,
                         Ints({{"mine", id}, {"other", 3 - id}, {"t", txn}}));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    std::lock_guard<std::mutex> lock(mu);
    read_from[txn] = r->rows[0][0].as_int();
  });
  int anomalies = 0;
  for (const auto& [txn, seen] : read_from) {
    auto back = read_from.find(seen);
    if (back != read_from.end() && back->second == txn) ++anomalies;
  }
  EXPECT_EQ(anomalies, 0) << "G1c: pairs of transactions that each read the other's write";
  std::printf("G1c: %zu transactions, %d anomalies\n", read_from.size(), anomalies);
}

}  // namespace
}  // namespace copmap::reliability
