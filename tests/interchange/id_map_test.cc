// IdMap: every id found again with its node, duplicates refused, whichever
// of its maps (runs, dense array, hash maps) holds the id.
#include <gtest/gtest.h>

#include "storage/interchange/id_map.h"

namespace copmap::interchange {
namespace {

TEST(IdMapTest, RunsInAnyFileOrderAndTheOtherMapsAgree) {
  IdMap ids;
  uint32_t s = ids.Space("");
  // A later file's ids first (1000..1099 -> nodes 0..99), then 1..500 -> 100..599.
  for (int i = 0; i < 100; ++i) ASSERT_TRUE(ids.Insert(s, std::to_string(1000 + i), i));
  for (int i = 1; i <= 500; ++i) ASSERT_TRUE(ids.Insert(s, std::to_string(i), 99 + i));
  // Ids that break the pattern: a gap filled late, a jump in node ids, text, negatives.
  EXPECT_TRUE(ids.Insert(s, "700", 5000));
  EXPECT_TRUE(ids.Insert(s, "600", 7000));
  EXPECT_TRUE(ids.Insert(s, "601", 6000));
  EXPECT_TRUE(ids.Insert(s, "p7", 8000));
  EXPECT_TRUE(ids.Insert(s, "-3", 9000));
  EXPECT_TRUE(ids.Insert(s, "007", 9001));  // not canonical: text, not 7

  for (int i = 0; i < 100; ++i) EXPECT_EQ(ids.Find(s, std::to_string(1000 + i)), uint64_t(i));
  for (int i = 1; i <= 500; ++i) EXPECT_EQ(ids.Find(s, std::to_string(i)), uint64_t(99 + i));
  EXPECT_EQ(ids.Find(s, "700"), 5000u);
  EXPECT_EQ(ids.Find(s, "600"), 7000u);
  EXPECT_EQ(ids.Find(s, "601"), 6000u);
  EXPECT_EQ(ids.Find(s, "p7"), 8000u);
  EXPECT_EQ(ids.Find(s, "-3"), 9000u);
  EXPECT_EQ(ids.Find(s, "007"), 9001u);
  EXPECT_EQ(ids.Find(s, "7"), 106u);
  for (const char* absent : {"0", "501", "599", "602", "999", "1100", "p8", "-4"}) {
    EXPECT_EQ(ids.Find(s, absent), std::nullopt) << absent;
  }
  for (const char* dup : {"1", "250", "500", "1000", "1099", "700", "601", "p7", "-3", "007"}) {
    EXPECT_FALSE(ids.Insert(s, dup, 1)) << dup;
  }
  // Id spaces are separate.
  uint32_t other = ids.Space("Other");
  EXPECT_EQ(ids.Find(other, "1"), std::nullopt);
  EXPECT_TRUE(ids.Insert(other, "1", 42));
  EXPECT_EQ(ids.Find(other, "1"), 42u);
}

}  // namespace
}  // namespace copmap::interchange
