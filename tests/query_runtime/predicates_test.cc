// Three-valued logic, string predicates, regular expressions, IN, and list
// and map access.
#include <gtest/gtest.h>

#include "query/runtime/lists.h"
#include "query/runtime/logic.h"
#include "query/runtime/predicates.h"
#include "tests/query_runtime/show.h"

namespace copmap::query::runtime {
namespace {

const Value kT(true), kF(false), kN;

Value L(ValueList items) { return Value(std::move(items)); }

TEST(LogicTest, TruthTables) {
  // Rows: a, b, AND, OR, XOR.
  struct Row {
    Value a, b;
    const char *and_, *or_, *xor_;
  };
  const Row rows[] = {
      {kT, kT, "true", "true", "false"},   {kT, kF, "false", "true", "true"},
      {kF, kF, "false", "false", "false"}, {kT, kN, "null", "true", "null"},
      {kF, kN, "false", "null", "null"},   {kN, kN, "null", "null", "null"},
      {kN, kF, "false", "null", "null"},   {kN, kT, "null", "true", "null"},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.a.ToString() + " " + r.b.ToString());
    EXPECT_EQ(Show(And(r.a, r.b)), r.and_);
    EXPECT_EQ(Show(Or(r.a, r.b)), r.or_);
    EXPECT_EQ(Show(Xor(r.a, r.b)), r.xor_);
  }
  EXPECT_EQ(Show(Not(kT)), "false");
  EXPECT_EQ(Show(Not(kN)), "null");
}

TEST(LogicTest, NonBooleanOperandsAreTypeErrors) {
  EXPECT_EQ(Show(And(kT, Value(1))),
            "TypeError: InvalidArgumentType: AND expects booleans, got INTEGER 1");
  EXPECT_EQ(Show(Not(Value("x"))),
            "TypeError: InvalidArgumentType: NOT expects booleans, got STRING 'x'");
  // Even when the other side would decide the answer.
  EXPECT_FALSE(Or(kT, Value(0.5)).ok());
}

TEST(StringPredicateTest, StartsEndsContains) {
  EXPECT_EQ(StartsWith(Value("abc"), Value("ab")).ToString(), "true");
  EXPECT_EQ(StartsWith(Value("abc"), Value("")).ToString(), "true");
  EXPECT_EQ(EndsWith(Value("abc"), Value("bc")).ToString(), "true");
  EXPECT_EQ(EndsWith(Value("abc"), Value("ab")).ToString(), "false");
  EXPECT_EQ(Contains(Value("abc"), Value("b")).ToString(), "true");
  EXPECT_EQ(Contains(Value("abc"), Value("x")).ToString(), "false");
  EXPECT_EQ(Contains(Value("abc"), kN).ToString(), "null");
  EXPECT_EQ(StartsWith(Value(1), Value("1")).ToString(), "null");
}

TEST(RegexTest, WholeStringMatch) {
  EXPECT_EQ(Show(RegexMatch(Value("alice"), Value("a.*e"))), "true");
  EXPECT_EQ(Show(RegexMatch(Value("alice"), Value("lic"))), "false");
  EXPECT_EQ(Show(RegexMatch(Value("ALICE"), Value("(?:[A-Z])+"))), "true");
  EXPECT_EQ(Show(RegexMatch(kN, Value("a"))), "null");
  EXPECT_EQ(Show(RegexMatch(Value(1), Value("1"))), "null");
}

TEST(RegexTest, BadPatternSaysWhich) {
  const std::string shown = Show(RegexMatch(Value("a"), Value("(unclosed")));
  EXPECT_EQ(shown.rfind("InvalidArgument: InvalidArgumentValue: invalid regular expression "
                        "'(unclosed': ",
                        0),
            0u)
      << shown;
}

TEST(RegexTest, CacheServesManyPatterns) {
  // More patterns than the cache holds: evicted ones compile again correctly.
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 300; ++i) {
      const std::string n = std::to_string(i);
      ASSERT_EQ(Show(RegexMatch(Value("x" + n), Value("x" + n))), "true");
    }
  }
}

TEST(InTest, FollowsTheTckCases) {
  EXPECT_EQ(Show(In(Value(3), L({1, 2, 3}))), "true");
  EXPECT_EQ(Show(In(Value(1), L({"1"}))), "false");
  EXPECT_EQ(Show(In(L({1, 2}), L({L({2, 1})}))), "false");
  EXPECT_EQ(Show(In(L({1, 2}), L({1, L({1, 2})}))), "true");
  EXPECT_EQ(Show(In(kN, kN)), "null");
  EXPECT_EQ(Show(In(kN, L({kN}))), "null");
  EXPECT_EQ(Show(In(kN, L({}))), "false");
  EXPECT_EQ(Show(In(Value(2), L({1, kN}))), "null");
  EXPECT_EQ(Show(In(Value(1), L({1, kN}))), "true");
  EXPECT_EQ(Show(In(L({1, 2}), L({L({1, kN, 3})}))), "false");
  EXPECT_EQ(Show(In(L({1, 2}), L({L({1, kN})}))), "null");
  EXPECT_EQ(Show(In(L({}), L({}))), "false");
  EXPECT_EQ(Show(In(L({}), L({1, L({})}))), "true");
  EXPECT_EQ(Show(In(Value(1), Value(1))),
            "TypeError: InvalidArgumentType: IN expects a list on its right, got INTEGER 1");
}

TEST(SubscriptTest, ListIndexing) {
  const Value l = L({10, 20, 30});
  EXPECT_EQ(Show(Subscript(l, Value(0))), "10");
  EXPECT_EQ(Show(Subscript(l, Value(-1))), "30");
  EXPECT_EQ(Show(Subscript(l, Value(-3))), "10");
  EXPECT_EQ(Show(Subscript(l, Value(3))), "null");
  EXPECT_EQ(Show(Subscript(l, Value(-4))), "null");
  EXPECT_EQ(Show(Subscript(l, kN)), "null");
  EXPECT_EQ(Show(Subscript(kN, Value(0))), "null");
  EXPECT_EQ(Show(Subscript(l, Value(1.0))),
            "TypeError: InvalidArgumentType: a list index must be an integer, got FLOAT 1.0");
  EXPECT_EQ(Show(Subscript(Value(123), Value(0))),
            "TypeError: InvalidArgumentType: only lists, maps, nodes and relationships can be "
            "subscripted, got INTEGER 123");
}

TEST(SubscriptTest, MapAndEntityAccess) {
  const Value m(ValueMap{{"a", 1}, {"b", "x"}});
  EXPECT_EQ(Show(Subscript(m, Value("b"))), "'x'");
  EXPECT_EQ(Show(Subscript(m, Value("zz"))), "null");
  EXPECT_EQ(Show(Subscript(m, Value(1))),
            "TypeError: MapElementAccessByNonString: a map key must be a string, got INTEGER 1");
  const Value node(NodeValue{1, {"P"}, {{"name", "Ada"}}});
  EXPECT_EQ(Show(Subscript(node, Value("name"))), "'Ada'");
}

TEST(SliceTest, FollowsTheTckCases) {
  const Value l = L({1, 2, 3});
  auto s = [&](std::optional<Value> a, std::optional<Value> b) { return Show(Slice(l, a, b)); };
  EXPECT_EQ(s(Value(1), Value(3)), "[2, 3]");
  EXPECT_EQ(s(Value(1), std::nullopt), "[2, 3]");
  EXPECT_EQ(s(std::nullopt, Value(2)), "[1, 2]");
  EXPECT_EQ(s(Value(0), Value(1)), "[1]");
  EXPECT_EQ(s(Value(0), Value(0)), "[]");
  EXPECT_EQ(s(Value(-3), Value(-1)), "[1, 2]");
  EXPECT_EQ(s(Value(3), Value(1)), "[]");
  EXPECT_EQ(s(Value(-5), Value(5)), "[1, 2, 3]");
  EXPECT_EQ(s(kN, kN), "null");
  EXPECT_EQ(s(Value(1), kN), "null");
  EXPECT_EQ(s(std::nullopt, kN), "null");
  EXPECT_EQ(s(Value("a"), Value(1)),
            "TypeError: InvalidArgumentType: a slice bound must be an integer, got STRING 'a'");
}

TEST(RangeTest, StepsAndDirections) {
  EXPECT_EQ(Show(Range(Value(0), Value(5), Value(1))), "[0, 1, 2, 3, 4, 5]");
  EXPECT_EQ(Show(Range(Value(0), Value(10), Value(3))), "[0, 3, 6, 9]");
  EXPECT_EQ(Show(Range(Value(5), Value(1), Value(-2))), "[5, 3, 1]");
  EXPECT_EQ(Show(Range(Value(5), Value(1), Value(1))), "[]");
  EXPECT_EQ(Show(Range(Value(3), Value(3), Value(1))), "[3]");
  EXPECT_EQ(Show(Range(Value(INT64_MAX - 1), Value(INT64_MAX), Value(5))),
            "[9223372036854775806]");
}

TEST(RangeTest, BadArguments) {
  EXPECT_EQ(Show(Range(Value(2), Value(8), Value(0))),
            "InvalidArgument: NumberOutOfRange: range() step must not be 0");
  EXPECT_EQ(Show(Range(Value(0.0), Value(1), Value(1))),
            "InvalidArgument: InvalidArgumentType: range() expects integer arguments, got "
            "FLOAT 0.0");
  EXPECT_EQ(Show(Range(Value(0), Value(1000), Value(1), 10)),
            "ResourceExhausted: range(0, 1000, 1) would hold 1001 elements; the limit is 10");
}

}  // namespace
}  // namespace copmap::query::runtime

namespace copmap::query::runtime {
namespace {

TEST(PredicateHoldsTest, NullAndFalseDropTheRow) {
  EXPECT_TRUE(PredicateHolds(Value(true)).value());
  EXPECT_FALSE(PredicateHolds(Value(false)).value());
  EXPECT_FALSE(PredicateHolds(Value()).value());
  EXPECT_EQ(PredicateHolds(Value(1)).status().ToString(),
            "TypeError: InvalidArgumentType: a predicate must be a boolean, got INTEGER 1");
}

// Folds `values` with a quantifier and renders the result.
std::string Fold(QuantifierFold::Kind kind, ValueList values) {
  QuantifierFold fold(kind);
  for (const Value& v : values) {
    if (fold.Decided()) break;
    Status s = fold.Add(v);
    if (!s.ok()) return s.ToString();
  }
  return fold.Finish().ToString();
}

TEST(QuantifierFoldTest, ThreeValuedResults) {
  using K = QuantifierFold::Kind;
  const Value t(true), f(false), n;
  EXPECT_EQ(Fold(K::kAll, {}), "true");
  EXPECT_EQ(Fold(K::kAll, {t, n}), "null");
  EXPECT_EQ(Fold(K::kAll, {n, f}), "false");
  EXPECT_EQ(Fold(K::kAny, {}), "false");
  EXPECT_EQ(Fold(K::kAny, {f, n}), "null");
  EXPECT_EQ(Fold(K::kAny, {n, t}), "true");
  EXPECT_EQ(Fold(K::kNone, {f, f}), "true");
  EXPECT_EQ(Fold(K::kNone, {f, n}), "null");
  EXPECT_EQ(Fold(K::kNone, {n, t}), "false");
  EXPECT_EQ(Fold(K::kSingle, {f, t}), "true");
  EXPECT_EQ(Fold(K::kSingle, {t, n}), "null");
  EXPECT_EQ(Fold(K::kSingle, {t, n, t}), "false");
  EXPECT_EQ(Fold(K::kSingle, {}), "false");
  EXPECT_EQ(Fold(K::kAny, {Value("x")}),
            "TypeError: InvalidArgumentType: a quantifier's predicate must be a boolean, got "
            "STRING 'x'");
}

TEST(PropertyOfTest, MapsEntitiesAndNull) {
  EXPECT_EQ(Show(PropertyOf(Value(ValueMap{{"name", "Mats"}, {"Name", "Pontus"}}), "Name")),
            "'Pontus'");
  EXPECT_EQ(Show(PropertyOf(Value(ValueMap{{"name", "Mats"}}), "nAMe")), "null");
  EXPECT_EQ(Show(PropertyOf(Value(), "x")), "null");
  EXPECT_EQ(Show(PropertyOf(Value(RelationshipValue{1, "R", 1, 2, {{"w", 2}}}), "w")), "2");
  EXPECT_EQ(Show(PropertyOf(Value(123), "num")),
            "TypeError: InvalidArgumentType: property access .num needs a map, node, "
            "relationship, date or datetime, got INTEGER 123");
}

TEST(PropertyOfTest, TemporalComponents) {
  const Value d(Date{DaysFromCivil(2024, 2, 29)});  // a Thursday
  EXPECT_EQ(Show(PropertyOf(d, "year")), "2024");
  EXPECT_EQ(Show(PropertyOf(d, "month")), "2");
  EXPECT_EQ(Show(PropertyOf(d, "day")), "29");
  EXPECT_EQ(Show(PropertyOf(d, "quarter")), "1");
  EXPECT_EQ(Show(PropertyOf(d, "dayOfWeek")), "4");
  EXPECT_EQ(Show(PropertyOf(d, "ordinalDay")), "60");
  EXPECT_EQ(Show(PropertyOf(Value(Date{-1}), "dayOfWeek")), "3");  // 1969-12-31, a Wednesday
  const Value t(ParseDateTime("1969-12-31T23:59:58.5Z").value());
  EXPECT_EQ(Show(PropertyOf(t, "year")), "1969");
  EXPECT_EQ(Show(PropertyOf(t, "hour")), "23");
  EXPECT_EQ(Show(PropertyOf(t, "second")), "58");
  EXPECT_EQ(Show(PropertyOf(t, "millisecond")), "500");
  EXPECT_EQ(Show(PropertyOf(t, "epochMillis")), "-1500");
  EXPECT_EQ(Show(PropertyOf(d, "hour")),
            "TypeError: InvalidArgumentType: no component 'hour', got DATE '2024-02-29'");
}

}  // namespace
}  // namespace copmap::query::runtime
