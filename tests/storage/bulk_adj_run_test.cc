// EncodedRun (storage/bulk_adj_run.h): a sorted run read back through a
// cursor over any node_dir range gives exactly the records of that range,
// across block restarts, repeated keys, node 0 and ids past 32 bits.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "storage/bulk_adj_run.h"

namespace copmap::storage {
namespace {

std::vector<AdjRecord> Read(const EncodedRun& run, uint64_t lo, uint64_t hi) {
  std::vector<AdjRecord> out;
  for (EncodedRun::Cursor c(run, lo, hi); c.Valid(); c.Next()) out.push_back(c.Get());
  return out;
}

bool Same(const AdjRecord& a, const AdjRecord& b) {
  return a.node_dir == b.node_dir && a.type == b.type && a.neighbor == b.neighbor && a.rel == b.rel;
}

TEST(EncodedRunTest, EveryRangeReadsBackExactly) {
  std::mt19937_64 rng(7);
  std::vector<AdjRecord> records;
  for (int i = 0; i < 5000; ++i) {
    uint64_t node = rng() % 300 + (i % 7 == 0 ? (uint64_t{1} << 40) : 0);
    records.push_back(AdjRecord{node << 1 | (rng() & 1), uint32_t(rng() % 4 == 0 ? 0xFFFFFFF0u : rng() % 3),
                                rng() % 1000 + (i % 11 == 0 ? (uint64_t{1} << 50) : 0), rng()});
  }
  records.push_back(AdjRecord{0, 0, 0, 0});
  records.push_back(records[17]);  // a duplicate entry
  std::sort(records.begin(), records.end());
  EncodedRun run(records.data(), records.size());
  EXPECT_EQ(run.size(), records.size());
  EXPECT_LT(run.bytes(), records.size() * sizeof(AdjRecord));

  std::vector<uint64_t> bounds = {0, 1, 2, 301, run.MiddleNodeDir(), uint64_t{1} << 41,
                                  (uint64_t{1} << 41) + 400, ~uint64_t{0}};
  for (int i = 0; i < 20; ++i) bounds.push_back(records[rng() % records.size()].node_dir);
  for (uint64_t lo : bounds) {
    for (uint64_t hi : bounds) {
      if (hi < lo) continue;
      std::vector<AdjRecord> expected;
      for (const AdjRecord& r : records) {
        if (r.node_dir >= lo && r.node_dir < hi) expected.push_back(r);
      }
      std::vector<AdjRecord> got = Read(run, lo, hi);
      ASSERT_EQ(got.size(), expected.size()) << lo << ".." << hi;
      for (size_t k = 0; k < got.size(); ++k) ASSERT_TRUE(Same(got[k], expected[k])) << k;
    }
  }
}

TEST(EncodedRunTest, AnEmptyRunHasNoRecords) {
  EncodedRun run(nullptr, 0);
  EXPECT_TRUE(Read(run, 0, ~uint64_t{0}).empty());
}

}  // namespace
}  // namespace copmap::storage
