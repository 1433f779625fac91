// Backup under load: checkpoints taken while several writers commit must each
// open cleanly, pass Check(), and hold a prefix-consistent state: for every
// writer a gap-free run of its first writes, each write whole (two nodes, the
// relationship between them, both counters), and every later backup holding
// at least what an earlier one held.
#include <atomic>
#include <map>
#include <thread>

#include <gtest/gtest.h>

#include "query/engine.h"
#include "tests/storage/temp_store.h"

namespace copmap::reliability {
namespace {

using storage::test::TempDir;

constexpr int kWriters = 3;
constexpr int kBackups = 8;

constexpr char kWrite[] =
    "MATCH (x:Tally {which: 'x'}), (y:Tally {which: 'y'}) "
    "CREATE (:Entry {writer: $w, seq: $s, end: 'a'})-[:BOTH {writer: $w, seq: $s}]->"
    "(:Entry {writer: $w, seq: $s, end: 'b'}) "
    "SET x.n = x.n + 1, y.n = y.n + 1";

// What one backup holds: writes per writer (after checking each is whole).
std::vector<int64_t> VerifyBackup(const std::string& dir, int index) {
  auto engine = query::Engine::Open(dir, {.store = {.create_if_missing = false}});
  EXPECT_TRUE(engine.ok()) << "backup " << index << ": " << engine.status().ToString();
  if (!engine.ok()) return {};
  auto violations = (*engine)->store().Check();
  EXPECT_TRUE(violations.ok() && violations->empty())
      << "backup " << index << ": "
      << (violations.ok() ? violations->front().what : violations.status().ToString());
  auto whole = (*engine)->Run(
      "MATCH (a:Entry {end: 'a'})-[r:BOTH]->(b:Entry {end: 'b'}) "
      "WHERE a.writer = r.writer AND b.writer = r.writer AND a.seq = r.seq AND b.seq = r.seq "
      "RETURN r.writer, count(r), max(r.seq), min(r.seq)");
  auto entries = (*engine)->Run("MATCH (e:Entry) RETURN count(e)");
  auto tallies = (*engine)->Run("MATCH (t:Tally) RETURN t.which, t.n ORDER BY t.which");
  EXPECT_TRUE(whole.ok() && entries.ok() && tallies.ok());
  std::vector<int64_t> per_writer(kWriters, 0);
  int64_t total = 0;
  for (const auto& row : whole->rows) {
    const int64_t writer = row[0].as_int(), count = row[1].as_int();
    // Each writer's writes are sequential: a consistent cut holds 1..count.
    EXPECT_EQ(row[3].as_int(), 1) << "backup " << index << " writer " << writer;
    EXPECT_EQ(row[2].as_int(), count) << "backup " << index << ": a gap in writer " << writer;
    per_writer[writer] = count;
    total += count;
  }
  EXPECT_EQ(entries->rows[0][0].as_int(), 2 * total) << "backup " << index << ": a partial write";
  EXPECT_EQ(tallies->rows[0][1].as_int(), total) << "backup " << index;
  EXPECT_EQ(tallies->rows[1][1].as_int(), total) << "backup " << index;
  return per_writer;
}

TEST(BackupUnderLoadTest, CheckpointsTakenDuringWritesAreWholeAndPrefixConsistent) {
  TempDir dir;
  auto opened = query::Engine::Open(dir.Sub("db"));
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  query::Engine& engine = **opened;
  ASSERT_TRUE(engine.Run("CREATE (:Tally {which: 'x', n: 0}), (:Tally {which: 'y', n: 0})").ok());

  std::atomic<bool> stop{false};
  std::atomic<int> commits{0}, conflicts{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      for (int64_t seq = 1; !stop.load();) {
        auto r = engine.Run(kWrite, {.params = {{"w", Value(int64_t{w})}, {"s", Value(seq)}}});
        if (r.ok()) {
          ++seq, ++commits;
        } else {
          ASSERT_TRUE(r.status().IsConflict()) << r.status().ToString();
          ++conflicts;  // both counters are shared: retry, as a client would
        }
      }
    });
  }
  std::vector<std::string> backups;
  for (int b = 0; b < kBackups; ++b) {
    while (commits.load() < 10 * (b + 1)) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    backups.push_back(dir.Sub("backup-" + std::to_string(b)));
    Status s = engine.store().Backup(backups.back());
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  stop = true;
  for (auto& w : writers) w.join();

  std::vector<int64_t> previous(kWriters, 0);
  for (int b = 0; b < kBackups; ++b) {
    std::vector<int64_t> held = VerifyBackup(backups[b], b);
    ASSERT_EQ(held.size(), size_t(kWriters));
    for (int w = 0; w < kWriters; ++w) {
      EXPECT_GE(held[w], previous[w]) << "backup " << b << " lost writes of writer " << w;
    }
    previous = held;
  }
  std::printf("backup under load: %d backups during %d commits by %d writers (%d conflicts "
              "retried), all clean and prefix-consistent\n",
              kBackups, commits.load(), kWriters, conflicts.load());
}

}  // namespace
}  // namespace copmap::reliability
