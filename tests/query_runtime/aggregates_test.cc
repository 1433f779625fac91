#include "query/runtime/aggregates.h"

#include <gtest/gtest.h>

#include <cmath>

#include "tests/query_runtime/show.h"

namespace copmap::query::runtime {
namespace {

// Feeds `values` to a fresh aggregate and renders its result or error.
std::string Aggregate(std::string_view name, ValueList values, bool distinct = false) {
  auto agg = MakeAggregator(name, distinct);
  if (!agg.ok()) return agg.status().ToString();
  for (const Value& v : values) {
    Status s = (*agg)->Add(v);
    if (!s.ok()) return s.ToString();
  }
  return Show((*agg)->Finish());
}

std::string Percentile(std::string_view name, ValueList values, const Value& p,
                       bool distinct = false) {
  auto agg = MakeAggregator(name, distinct);
  if (!agg.ok()) return agg.status().ToString();
  for (const Value& v : values) {
    Status s = (*agg)->Add(v, p);
    if (!s.ok()) return s.ToString();
  }
  return Show((*agg)->Finish());
}

const Value kN;

TEST(AggregateTest, CountIgnoresNullsButCountStarDoesNot) {
  EXPECT_EQ(Aggregate("count", {1, kN, 2, kN}), "2");
  auto star = MakeAggregator("count", false, /*star=*/true).value();
  for (const Value& v : {Value(1), kN, kN}) ASSERT_TRUE(star->Add(v).ok());
  EXPECT_EQ(Show(star->Finish()), "3");
  EXPECT_EQ(Aggregate("count", {}), "0");
  EXPECT_EQ(Aggregate("COUNT", {1, 1.0, 2, kN}, /*distinct=*/true), "2");
}

TEST(AggregateTest, CollectSkipsNulls) {
  EXPECT_EQ(Aggregate("collect", {1, kN, "a"}), "[1, 'a']");
  EXPECT_EQ(Aggregate("collect", {kN, kN}), "[]");
  EXPECT_EQ(Aggregate("collect", {kN, kN}, true), "[]");
  EXPECT_EQ(Aggregate("collect", {1, 2, 1, kN, 2}, true), "[1, 2]");
}

TEST(AggregateTest, SumStaysIntegerUntilAFloatArrives) {
  EXPECT_EQ(Aggregate("sum", {1, 2, kN, 3}), "6");
  EXPECT_EQ(Aggregate("sum", {1, 2.5}), "3.5");
  EXPECT_EQ(Aggregate("sum", {}), "0");
  EXPECT_EQ(Aggregate("sum", {INT64_MAX, 1}),
            "InvalidArgument: ArithmeticError: integer overflow in sum()");
  EXPECT_EQ(Aggregate("sum", {1, "a"}),
            "TypeError: InvalidArgumentType: sum() expects numbers, got STRING 'a'");
  EXPECT_EQ(Aggregate("sum", {1, 1, 2}, true), "3");
}

TEST(AggregateTest, SumOfTheTckRange) {
  // UNWIND range(1000000, 2000000) ... LIMIT 3000 RETURN sum(i)
  ValueList values;
  for (int64_t i = 1000000; i < 1003000; ++i) values.emplace_back(i);
  EXPECT_EQ(Aggregate("sum", values), "3004498500");
}

TEST(AggregateTest, AvgAndStandardDeviations) {
  EXPECT_EQ(Aggregate("avg", {1, 2, kN, 6}), "3.0");
  EXPECT_EQ(Aggregate("avg", {}), "null");
  EXPECT_EQ(Aggregate("avg", {kN}), "null");
  EXPECT_EQ(Aggregate("stDev", {2, 4, 4, 4, 5, 5, 7, 9}), Value(std::sqrt(32.0 / 7)).ToString());
  EXPECT_EQ(Aggregate("stDevP", {2, 4, 4, 4, 5, 5, 7, 9}), "2.0");
  EXPECT_EQ(Aggregate("stDev", {5}), "0.0");
  EXPECT_EQ(Aggregate("avg", {true}),
            "TypeError: InvalidArgumentType: avg() expects numbers, got BOOLEAN true");
}

TEST(AggregateTest, MinMaxUseTheOrderByOrderAcrossKinds) {
  const Value mixed_list(ValueList{1, 2});
  EXPECT_EQ(Aggregate("max", {1, "a", kN, mixed_list, 0.2, "b"}), "1");
  EXPECT_EQ(Aggregate("min", {1, "a", kN, mixed_list, 0.2, "b"}), "[1, 2]");
  EXPECT_EQ(Aggregate("max", {1, 2.5, kN}), "2.5");
  EXPECT_EQ(Aggregate("min", {"b", "a"}), "'a'");
  EXPECT_EQ(Aggregate("min", {}), "null");
}

TEST(AggregateTest, Percentiles) {
  const ValueList prices = {10.0, 20.0, 30.0};
  EXPECT_EQ(Percentile("percentileDisc", prices, 0.0), "10.0");
  EXPECT_EQ(Percentile("percentileDisc", prices, 0.5), "20.0");
  EXPECT_EQ(Percentile("percentileDisc", prices, 1.0), "30.0");
  EXPECT_EQ(Percentile("percentileCont", prices, 0.0), "10.0");
  EXPECT_EQ(Percentile("percentileCont", prices, 0.5), "20.0");
  EXPECT_EQ(Percentile("percentileCont", prices, 0.25), "15.0");
  EXPECT_EQ(Percentile("percentileCont", {}, 0.5), "null");
  EXPECT_EQ(Percentile("percentileDisc", {1, 1, 1, 3}, 0.5, true), "1");
  EXPECT_EQ(Percentile("percentileCont", prices, 1.5),
            "InvalidArgument: NumberOutOfRange: percentileCont() percentile must be in [0, 1], "
            "got 1.5");
  EXPECT_EQ(Percentile("percentileDisc", prices, -1),
            "InvalidArgument: NumberOutOfRange: percentileDisc() percentile must be in [0, 1], "
            "got -1");
}

TEST(AggregateTest, Registry) {
  EXPECT_TRUE(IsAggregateFunction("Collect"));
  EXPECT_TRUE(IsAggregateFunction("percentileCont"));
  EXPECT_FALSE(IsAggregateFunction("size"));
  EXPECT_EQ(AggregateArity("percentileDisc"), 2);
  EXPECT_EQ(AggregateArity("count"), 1);
  EXPECT_EQ(Aggregate("median", {}),
            "SyntaxError: UnknownFunction: unknown aggregate function 'median'");
  EXPECT_FALSE(MakeAggregator("sum", false, /*star=*/true).ok());
  EXPECT_FALSE(MakeAggregator("count", true, /*star=*/true).ok());
  EXPECT_EQ(Show(MakeAggregator("count", false).value()->Add(1, 0.5)),
            "Internal: this aggregate takes one argument");
}

}  // namespace
}  // namespace copmap::query::runtime
