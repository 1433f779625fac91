#include "query/runtime/functions.h"

#include <gtest/gtest.h>

#include <set>

#include "tests/query_runtime/show.h"

namespace copmap::query::runtime {
namespace {

std::string Call(std::string_view name, ValueList args) {
  return Show(CallScalarFunction(name, args));
}

Value L(ValueList items) { return Value(std::move(items)); }

TEST(FunctionRegistryTest, LookupIsCaseInsensitive) {
  ASSERT_NE(FindScalarFunction("toUpper"), nullptr);
  EXPECT_EQ(FindScalarFunction("TOUPPER"), FindScalarFunction("toupper"));
  EXPECT_EQ(FindScalarFunction("toupper")->name, "toUpper");
  EXPECT_EQ(FindScalarFunction("nope"), nullptr);
  EXPECT_EQ(Call("nope", {}), "SyntaxError: UnknownFunction: unknown function 'nope'");
}

TEST(FunctionRegistryTest, EveryIssueFunctionIsRegistered) {
  for (const char* name :
       {"coalesce", "head", "last", "tail", "range", "size", "toString", "toInteger", "toFloat",
        "toBoolean", "toLower", "toUpper", "trim", "ltrim", "rtrim", "substring", "replace",
        "split", "left", "right", "reverse", "abs", "ceil", "floor", "round", "sqrt", "sign",
        "exp", "log", "log10", "rand", "pi", "e", "keys", "properties", "date", "datetime"}) {
    EXPECT_NE(FindScalarFunction(name), nullptr) << name;
  }
  std::set<std::string> names;
  for (const auto& f : AllScalarFunctions()) {
    EXPECT_TRUE(names.insert(std::string(f.name)).second) << "duplicate " << f.name;
    EXPECT_FALSE(f.signature.empty()) << f.name;
  }
}

TEST(FunctionRegistryTest, ArityErrorsExplainUsage) {
  EXPECT_EQ(Call("substring", {"a"}),
            "SyntaxError: InvalidNumberOfArguments: substring() takes 2 or 3 arguments, got 1 "
            "(usage: substring(s, start[, length]))");
  EXPECT_EQ(Call("abs", {}),
            "SyntaxError: InvalidNumberOfArguments: abs() takes 1 argument, got 0 (usage: "
            "abs(number))");
  EXPECT_EQ(Call("coalesce", {}),
            "SyntaxError: InvalidNumberOfArguments: coalesce() takes at least 1 arguments, got "
            "0 (usage: coalesce(x, ...))");
}

TEST(FunctionNullTest, NullArgumentsGiveNull) {
  EXPECT_EQ(Call("toUpper", {Value()}), "null");
  EXPECT_EQ(Call("substring", {"abc", Value()}), "null");
  EXPECT_EQ(Call("size", {Value()}), "null");
  EXPECT_EQ(Call("abs", {Value()}), "null");
  EXPECT_EQ(Call("date", {Value()}), "null");
  EXPECT_EQ(Call("coalesce", {Value(), Value(), 3, 4}), "3");
  EXPECT_EQ(Call("coalesce", {Value()}), "null");
}

TEST(StringFunctionTest, CaseAndTrim) {
  EXPECT_EQ(Call("toUpper", {"abc é"}), "'ABC é'");
  EXPECT_EQ(Call("toLower", {"ABC"}), "'abc'");
  EXPECT_EQ(Call("trim", {"  a b  "}), "'a b'");
  EXPECT_EQ(Call("ltrim", {"  a  "}), "'a  '");
  EXPECT_EQ(Call("rtrim", {"  a  "}), "'  a'");
  EXPECT_EQ(Call("toUpper", {1}),
            "TypeError: InvalidArgumentType: toUpper() expects a string as argument 1, got "
            "INTEGER 1");
}

TEST(StringFunctionTest, SubstringCountsCodePoints) {
  EXPECT_EQ(Call("substring", {"hello", 1, 3}), "'ell'");
  EXPECT_EQ(Call("substring", {"hello", 2}), "'llo'");
  EXPECT_EQ(Call("substring", {"hello", 10}), "''");
  EXPECT_EQ(Call("substring", {"héllo", 1, 2}), "'él'");
  EXPECT_EQ(Call("substring", {"hello", -1}),
            "InvalidArgument: NumberOutOfRange: substring() start must not be negative, got -1");
  EXPECT_EQ(Call("left", {"héllo", 2}), "'hé'");
  EXPECT_EQ(Call("right", {"héllo", 4}), "'éllo'");
  EXPECT_EQ(Call("right", {"abc", 10}), "'abc'");
  EXPECT_EQ(Call("size", {"héllo"}), "5");
  EXPECT_EQ(Call("reverse", {"héllo"}), "'olléh'");
}

TEST(StringFunctionTest, ReplaceAndSplit) {
  EXPECT_EQ(Call("replace", {"a-b-c", "-", "+"}), "'a+b+c'");
  EXPECT_EQ(Call("replace", {"aaa", "aa", "b"}), "'ba'");
  EXPECT_EQ(Call("replace", {"abc", "", "x"}), "'abc'");
  EXPECT_EQ(Call("split", {"a,b,,c", ","}), "['a', 'b', '', 'c']");
  EXPECT_EQ(Call("split", {"abc", ""}), "['a', 'b', 'c']");
  EXPECT_EQ(Call("split", {"", ","}), "['']");
}

TEST(ListFunctionTest, HeadLastTailSizeReverse) {
  const Value l = L({1, 2, 3});
  EXPECT_EQ(Call("head", {l}), "1");
  EXPECT_EQ(Call("last", {l}), "3");
  EXPECT_EQ(Call("tail", {l}), "[2, 3]");
  EXPECT_EQ(Call("head", {L({})}), "null");
  EXPECT_EQ(Call("tail", {L({})}), "[]");
  EXPECT_EQ(Call("size", {l}), "3");
  EXPECT_EQ(Call("reverse", {l}), "[3, 2, 1]");
  EXPECT_EQ(Call("range", {1, 3}), "[1, 2, 3]");
  EXPECT_EQ(Call("range", {10, 0, -5}), "[10, 5, 0]");
  EXPECT_EQ(Call("head", {"abc"}),
            "TypeError: InvalidArgumentType: head() expects a list as argument 1, got STRING "
            "'abc'");
}

TEST(ListFunctionTest, KeysAndProperties) {
  const Value m(ValueMap{{"b", 1}, {"a", Value()}});
  EXPECT_EQ(Call("keys", {m}), "['a', 'b']");
  EXPECT_EQ(Call("properties", {m}), "{a: null, b: 1}");
  const Value node(NodeValue{4, {"Person"}, {{"name", "Ada"}, {"born", 1815}}});
  EXPECT_EQ(Call("keys", {node}), "['born', 'name']");
  EXPECT_EQ(Call("properties", {node}), "{born: 1815, name: 'Ada'}");
  const Value rel(RelationshipValue{1, "KNOWS", 1, 2, {{"since", 2020}}});
  EXPECT_EQ(Call("properties", {rel}), "{since: 2020}");
  EXPECT_EQ(Call("keys", {1}),
            "TypeError: InvalidArgumentType: keys() expects a map, node or relationship as "
            "argument 1, got INTEGER 1");
}

TEST(ConversionFunctionTest, ToIntegerFollowsTheTck) {
  EXPECT_EQ(Call("toInteger", {82.9}), "82");
  EXPECT_EQ(Call("toInteger", {-2.9}), "-2");
  EXPECT_EQ(Call("toInteger", {"foo"}), "null");
  EXPECT_EQ(Call("toInteger", {""}), "null");
  EXPECT_EQ(Call("toInteger", {"2.9"}), "2");
  EXPECT_EQ(Call("toInteger", {" 42 "}), "42");
  EXPECT_EQ(Call("toInteger", {true}), "1");
  EXPECT_EQ(Call("toInteger", {1e300}), "null");
  EXPECT_EQ(Call("toInteger", {L({})}),
            "TypeError: InvalidArgumentValue: toInteger() cannot convert this value, got LIST "
            "[]");
}

TEST(ConversionFunctionTest, ToFloatToBooleanToString) {
  EXPECT_EQ(Call("toFloat", {3}), "3.0");
  EXPECT_EQ(Call("toFloat", {"1e3"}), "1000.0");
  EXPECT_EQ(Call("toFloat", {"nan"}), "null");
  EXPECT_EQ(Call("toFloat", {"x"}), "null");
  EXPECT_FALSE(CallScalarFunction("toFloat", ValueList{true}).ok());
  EXPECT_EQ(Call("toBoolean", {"TRUE"}), "true");
  EXPECT_EQ(Call("toBoolean", {" false "}), "false");
  EXPECT_EQ(Call("toBoolean", {" tru "}), "null");
  EXPECT_EQ(Call("toBoolean", {0}), "false");
  EXPECT_EQ(Call("toBoolean", {1.0}),
            "TypeError: InvalidArgumentValue: toBoolean() cannot convert this value, got FLOAT "
            "1.0");
  EXPECT_EQ(Call("toString", {42}), "'42'");
  EXPECT_EQ(Call("toString", {1.0}), "'1.0'");
  EXPECT_EQ(Call("toString", {true}), "'true'");
  EXPECT_EQ(Call("toString", {Value(Date{0})}), "'1970-01-01'");
  EXPECT_FALSE(CallScalarFunction("toString", ValueList{L({1})}).ok());
}

TEST(MathFunctionTest, Values) {
  EXPECT_EQ(Call("abs", {-1}), "1");
  EXPECT_EQ(Call("abs", {-1.5}), "1.5");
  EXPECT_EQ(Call("abs", {INT64_MIN}),
            "InvalidArgument: ArithmeticError: integer overflow in abs(-9223372036854775808)");
  EXPECT_EQ(Call("sqrt", {12.96}), "3.6");
  EXPECT_EQ(Call("sqrt", {-1}), "NaN");
  EXPECT_EQ(Call("ceil", {1.2}), "2.0");
  EXPECT_EQ(Call("floor", {-1.2}), "-2.0");
  EXPECT_EQ(Call("round", {2.5}), "3.0");
  EXPECT_EQ(Call("round", {-2.5}), "-2.0");
  EXPECT_EQ(Call("round", {3.14159, 2}), "3.14");
  EXPECT_EQ(Call("round", {-2.345, 2}), "-2.35");
  EXPECT_EQ(Call("sign", {-3.5}), "-1");
  EXPECT_EQ(Call("sign", {0}), "0");
  EXPECT_EQ(Call("exp", {0}), "1.0");
  EXPECT_EQ(Call("log10", {1000}), "3.0");
  EXPECT_EQ(Call("log", {1}), "0.0");
  EXPECT_EQ(Call("pi", {}), "3.141592653589793");
  EXPECT_EQ(Call("e", {}), "2.718281828459045");
  EXPECT_EQ(Call("abs", {"x"}),
            "TypeError: InvalidArgumentType: abs() expects a number as argument 1, got STRING "
            "'x'");
}

TEST(MathFunctionTest, RandIsInTheUnitIntervalAndVaries) {
  EXPECT_FALSE(FindScalarFunction("rand")->deterministic);
  std::set<double> seen;
  for (int i = 0; i < 100; ++i) {
    const Value v = CallScalarFunction("rand", {}).value();
    ASSERT_TRUE(v.is_float());
    ASSERT_GE(v.as_float(), 0.0);
    ASSERT_LT(v.as_float(), 1.0);
    seen.insert(v.as_float());
  }
  EXPECT_GT(seen.size(), 90u);
}

TEST(TemporalFunctionTest, DateFromTextMapAndDatetime) {
  EXPECT_EQ(Call("date", {"2024-02-29"}), "'2024-02-29'");
  EXPECT_EQ(Call("date", {Value(ValueMap{{"year", 2024}, {"month", 3}, {"day", 1}})}),
            "'2024-03-01'");
  EXPECT_EQ(Call("date", {Value(ValueMap{{"year", 2023}, {"month", 2}, {"day", 29}})}),
            "InvalidArgument: InvalidArgumentValue: date() component 'day' must be in [1, 28], "
            "got 29");
  EXPECT_EQ(Call("date", {Value(DateTime{-1})}), "'1969-12-31'");
  const std::string bad = Call("date", {"2024-13-01"});
  EXPECT_EQ(bad.rfind("InvalidArgument: InvalidArgumentValue: date(): ", 0), 0u) << bad;
}

TEST(TemporalFunctionTest, DatetimeFromTextMapAndDate) {
  EXPECT_EQ(Call("datetime", {"2024-01-31T09:30:00+01:00"}), "'2024-01-31T08:30:00Z'");
  EXPECT_EQ(Call("datetime", {Value(ValueMap{{"year", 2024}, {"month", 1}, {"day", 2},
                                             {"hour", 3}, {"minute", 4}, {"second", 5}})}),
            "'2024-01-02T03:04:05Z'");
  EXPECT_EQ(Call("datetime", {Value(Date{1})}), "'1970-01-02T00:00:00Z'");
}

TEST(TemporalFunctionTest, NowIsCloseToTheClock) {
  const Value today = CallScalarFunction("date", {}).value();
  const Value now = CallScalarFunction("datetime", {}).value();
  ASSERT_EQ(today.kind(), Value::Kind::kDate);
  ASSERT_EQ(now.kind(), Value::Kind::kDateTime);
  // The date of "now" is today (or tomorrow if midnight passed in between).
  const int64_t now_day = now.as_datetime().micros / 86'400'000'000;
  EXPECT_LE(now_day - today.as_date().days, 1);
  EXPECT_GE(now_day - today.as_date().days, 0);
}

}  // namespace
}  // namespace copmap::query::runtime
