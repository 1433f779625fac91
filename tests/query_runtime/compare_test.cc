#include "query/runtime/compare.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_set>

namespace copmap::query::runtime {
namespace {

const Value kNull;
const Value kNaN(std::nan(""));

Value L(ValueList items) { return Value(std::move(items)); }
Value M(ValueMap entries) { return Value(std::move(entries)); }
Value Node(uint64_t id) { return Value(NodeValue{id, {"N"}, {}}); }
Value Rel(uint64_t id) { return Value(RelationshipValue{id, "R", 1, 2, {}}); }

// Renders a ternary for readable failures: "true", "false", "null".
std::string T(const Value& v) { return v.ToString(); }

TEST(EqualsTest, NumbersCompareByValueAcrossIntAndFloat) {
  EXPECT_EQ(T(Equals(Value(1), Value(1.0))), "true");
  EXPECT_EQ(T(Equals(Value(1), Value(1.5))), "false");
  EXPECT_EQ(T(Equals(Value(2.5), Value(2.5))), "true");
}

TEST(EqualsTest, LargeIntegersAreNotRoundedThroughDouble) {
  // 2^53 + 1 has no exact double; converting it would make these equal.
  const int64_t big = (int64_t{1} << 53) + 1;
  EXPECT_EQ(T(Equals(Value(big), Value(static_cast<double>(int64_t{1} << 53)))), "false");
  EXPECT_EQ(T(Equals(Value(big), Value(big))), "true");
  EXPECT_EQ(T(Equals(Value(INT64_MAX), Value(9223372036854775808.0))), "false");
}

TEST(EqualsTest, NullMakesUnknown) {
  EXPECT_EQ(T(Equals(kNull, kNull)), "null");
  EXPECT_EQ(T(Equals(kNull, Value(1))), "null");
  EXPECT_EQ(T(NotEquals(kNull, Value(1))), "null");
}

TEST(EqualsTest, NaNEqualsNothing) {
  EXPECT_EQ(T(Equals(kNaN, kNaN)), "false");
  EXPECT_EQ(T(Equals(kNaN, Value(1))), "false");
  EXPECT_EQ(T(Equals(kNaN, Value("a"))), "false");
  EXPECT_EQ(T(NotEquals(kNaN, kNaN)), "true");
}

TEST(EqualsTest, DifferentKindsAreUnequal) {
  EXPECT_EQ(T(Equals(Value("1"), Value(1))), "false");
  EXPECT_EQ(T(Equals(Value("1.0"), Value(1.0))), "false");
  EXPECT_EQ(T(Equals(Value(true), Value(1))), "false");
}

TEST(EqualsTest, ListsFollowTheTckCases) {
  EXPECT_EQ(T(Equals(L({1, 2}), L({1}))), "false");
  EXPECT_EQ(T(Equals(L({kNull}), L({1}))), "null");
  EXPECT_EQ(T(Equals(L({"a"}), L({1}))), "false");
  EXPECT_EQ(T(Equals(L({L({1})}), L({L({1}), L({kNull})}))), "false");
  EXPECT_EQ(T(Equals(L({L({1}), L({2})}), L({L({1}), L({kNull})}))), "null");
  EXPECT_EQ(T(Equals(L({L({1}), L({2, 3})}), L({L({1}), L({kNull})}))), "false");
  EXPECT_EQ(T(Equals(L({1, 2.0}), L({1.0, 2}))), "true");
}

TEST(EqualsTest, MapsFollowTheTckCases) {
  EXPECT_EQ(T(Equals(M({}), M({}))), "true");
  EXPECT_EQ(T(Equals(M({{"k", 1}}), M({{"k", 1.0}}))), "true");
  EXPECT_EQ(T(Equals(M({}), M({{"k", kNull}}))), "false");
  EXPECT_EQ(T(Equals(M({{"k", 1}}), M({{"k", 1}, {"l", kNull}}))), "false");
  EXPECT_EQ(T(Equals(M({{"k", kNull}}), M({{"k", kNull}}))), "null");
  EXPECT_EQ(T(Equals(M({{"k", 1}, {"l", kNull}}), M({{"k", kNull}, {"l", 1}}))), "null");
  EXPECT_EQ(T(Equals(M({{"k", 1}, {"l", kNull}}), M({{"k", 2}, {"l", 1}}))), "false");
}

TEST(EqualsTest, EntitiesCompareById) {
  EXPECT_EQ(T(Equals(Node(1), Node(1))), "true");
  EXPECT_EQ(T(Equals(Node(1), Node(2))), "false");
  EXPECT_EQ(T(Equals(Node(1), Rel(1))), "false");
}

TEST(CompareTest, NumbersStringsBooleans) {
  EXPECT_EQ(T(Compare(CompareOp::kLess, Value(1), Value(3.14))), "true");
  EXPECT_EQ(T(Compare(CompareOp::kLessEqual, Value(1), Value(1.0))), "true");
  EXPECT_EQ(T(Compare(CompareOp::kLess, Value(1), Value(1.0))), "false");
  EXPECT_EQ(T(Compare(CompareOp::kGreater, Value("b"), Value("abc"))), "true");
  EXPECT_EQ(T(Compare(CompareOp::kLess, Value(false), Value(true))), "true");
  EXPECT_EQ(T(Compare(CompareOp::kGreaterEqual, Value(Date{3}), Value(Date{2}))), "true");
}

TEST(CompareTest, IncomparableKindsAndNullGiveNull) {
  EXPECT_EQ(T(Compare(CompareOp::kLess, Value("1"), Value(1))), "null");
  EXPECT_EQ(T(Compare(CompareOp::kLess, Node(1), Node(2))), "null");
  EXPECT_EQ(T(Compare(CompareOp::kLess, M({}), M({}))), "null");
  EXPECT_EQ(T(Compare(CompareOp::kLess, kNull, Value(1))), "null");
  EXPECT_EQ(T(Compare(CompareOp::kLess, Value(true), Value(1))), "null");
}

TEST(CompareTest, NaNComparesFalseWithNumbersAndNullWithOthers) {
  for (CompareOp op : {CompareOp::kLess, CompareOp::kLessEqual, CompareOp::kGreater,
                       CompareOp::kGreaterEqual}) {
    EXPECT_EQ(T(Compare(op, kNaN, Value(1))), "false");
    EXPECT_EQ(T(Compare(op, kNaN, kNaN)), "false");
    EXPECT_EQ(T(Compare(op, kNaN, Value("a"))), "null");
  }
}

TEST(CompareTest, ListsCompareLexicographically) {
  const auto ge = [](const Value& a, const Value& b) {
    return T(Compare(CompareOp::kGreaterEqual, a, b));
  };
  EXPECT_EQ(ge(L({1, 0}), L({1})), "true");
  EXPECT_EQ(ge(L({1, kNull}), L({1})), "true");
  EXPECT_EQ(ge(L({1, 2}), L({1, kNull})), "null");
  EXPECT_EQ(ge(L({1, "a"}), L({1, kNull})), "null");
  EXPECT_EQ(ge(L({1, 2}), L({3, kNull})), "false");
}

TEST(OrderCompareTest, DistinctKindsSortInTheOpenCypherOrder) {
  const Value path(PathValue{{NodeValue{1, {"N"}, {}}, NodeValue{2, {}, {}}},
                             {RelationshipValue{7, "REL", 1, 2, {}}}});
  ValueList values = {Node(1), Rel(7), path, Value(1.5), L({"list"}), Value("text"),
                      kNull,   Value(false), kNaN, M({{"a", "map"}}), Value(Date{1}),
                      Value(DateTime{1})};
  std::sort(values.begin(), values.end(),
            [](const Value& a, const Value& b) { return OrderCompare(a, b) < 0; });
  std::string order;
  for (const Value& v : values) order += std::string(Value::KindName(v.kind())) + " ";
  EXPECT_EQ(order,
            "MAP NODE RELATIONSHIP LIST PATH DATETIME DATE STRING BOOLEAN FLOAT FLOAT NULL ");
  EXPECT_TRUE(std::isnan(values[10].as_float()));  // NaN after 1.5
}

TEST(OrderCompareTest, ListsUseElementOrderWithNullsLast) {
  ValueList lists = {L({kNull, 2}), L({1, kNull}), L({1, "a"}), L({1}), L({"a", 1}),
                     L({"a"}),      L({}),         L({kNull, 1})};
  std::sort(lists.begin(), lists.end(),
            [](const Value& a, const Value& b) { return OrderCompare(a, b) < 0; });
  EXPECT_EQ(L(lists).ToString(),
            "[[], ['a'], ['a', 1], [1], [1, 'a'], [1, null], [null, 1], [null, 2]]");
}

TEST(OrderCompareTest, NumbersMixAndInfinitiesBracketThem) {
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_LT(OrderCompare(Value(-inf), Value(INT64_MIN)), 0);
  EXPECT_LT(OrderCompare(Value(INT64_MAX), Value(inf)), 0);
  EXPECT_LT(OrderCompare(Value(inf), kNaN), 0);
  EXPECT_EQ(OrderCompare(Value(1), Value(1.0)), 0);
  EXPECT_LT(OrderCompare(Value(1), Value(1.5)), 0);
  EXPECT_GT(OrderCompare(Value(2), Value(1.5)), 0);
}

TEST(EquivalentTest, NullAndNaNAreEquivalentToThemselves) {
  EXPECT_TRUE(Equivalent(kNull, kNull));
  EXPECT_TRUE(Equivalent(kNaN, kNaN));
  EXPECT_TRUE(Equivalent(Value(1), Value(1.0)));
  EXPECT_TRUE(Equivalent(L({kNull, 1}), L({kNull, 1.0})));
  EXPECT_FALSE(Equivalent(Value(1), Value("1")));
  EXPECT_FALSE(Equivalent(L({1}), L({1, kNull})));
}

TEST(HashValueTest, EquivalentValuesHashEqually) {
  EXPECT_EQ(HashValue(Value(3)), HashValue(Value(3.0)));
  EXPECT_EQ(HashValue(L({1, kNull})), HashValue(L({1.0, kNull})));
  EXPECT_EQ(HashValue(M({{"k", 2}})), HashValue(M({{"k", 2.0}})));
  EXPECT_EQ(HashValue(kNaN), HashValue(Value(-std::nan(""))));
}

TEST(HashValueTest, DistinctSetCollapsesEquivalentValues) {
  std::unordered_set<Value, ValueHash, ValueEquivalent> set;
  for (const Value& v : {Value(1), Value(1.0), kNull, kNull, Value("1"), L({1}), L({1.0}),
                         Value(2.5), kNaN, kNaN}) {
    set.insert(v);
  }
  EXPECT_EQ(set.size(), 6u);  // 1, null, '1', [1], 2.5, NaN
}

TEST(RowEquivalentTest, ComparesRowsElementwise) {
  RowHash hash;
  RowEquivalent eq;
  EXPECT_TRUE(eq({1, kNull}, {1.0, kNull}));
  EXPECT_EQ(hash({1, kNull}), hash({1.0, kNull}));
  EXPECT_FALSE(eq({1, 2}, {1}));
  EXPECT_FALSE(eq({1, 2}, {1, 3}));
}

}  // namespace
}  // namespace copmap::query::runtime
