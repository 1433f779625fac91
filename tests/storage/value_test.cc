#include "storage/value.h"

#include <gtest/gtest.h>

namespace copmap {
namespace {

TEST(DateTest, RoundTripsAcrossEpochAndLeapYears) {
  for (const char* text : {"1970-01-01", "1969-12-31", "2000-02-29", "2024-12-31", "0001-01-01"}) {
    auto date = ParseDate(text);
    ASSERT_TRUE(date.ok()) << text;
    EXPECT_EQ(FormatDate(*date), text);
  }
  EXPECT_EQ(ParseDate("1970-01-02")->days, 1);
  EXPECT_EQ(ParseDate("1969-12-31")->days, -1);
}

TEST(DateTest, RejectsImpossibleDates) {
  for (const char* text : {"2023-02-29", "2024-13-01", "2024-00-10", "24-01-01", "2024-01-01x", ""}) {
    EXPECT_FALSE(ParseDate(text).ok()) << text;
  }
}

TEST(DateTimeTest, AppliesOffsetsAndKeepsFractions) {
  auto utc = ParseDateTime("2024-03-01T12:00:00Z");
  auto offset = ParseDateTime("2024-03-01T14:00:00+02:00");
  ASSERT_TRUE(utc.ok() && offset.ok());
  EXPECT_EQ(utc->micros, offset->micros);
  EXPECT_EQ(FormatDateTime(*utc), "2024-03-01T12:00:00Z");
  EXPECT_EQ(FormatDateTime(*ParseDateTime("1969-12-31T23:59:59.5Z")), "1969-12-31T23:59:59.500000Z");
  EXPECT_FALSE(ParseDateTime("2024-03-01T25:00").ok());
}

TEST(ValueTest, MapsSortKeysAndKeepTheLastDuplicate) {
  Value map(ValueMap{{"b", 1}, {"a", 2}, {"b", 3}});
  ASSERT_EQ(map.as_map().size(), 2u);
  EXPECT_EQ(map.ToString(), "{a: 2, b: 3}");
}

TEST(ValueTest, PropertyKindsExcludeNestedListsAndGraphValues) {
  EXPECT_TRUE(Value(ValueList{1, "x", 2.5}).IsPropertyValue());
  EXPECT_FALSE(Value(ValueList{Value(ValueList{1})}).IsPropertyValue());
  EXPECT_FALSE(Value(ValueMap{{"a", 1}}).IsPropertyValue());
  EXPECT_FALSE(Value(NodeValue{}).IsPropertyValue());
}

TEST(ValueTest, EqualityIsStructural) {
  EXPECT_EQ(Value(1), Value(int64_t{1}));
  EXPECT_NE(Value(1), Value(1.0));
  EXPECT_EQ(Value(ValueList{1, "a"}), Value(ValueList{1, "a"}));
  EXPECT_EQ(Value(1.0).ToString(), "1.0");
}

}  // namespace
}  // namespace copmap
