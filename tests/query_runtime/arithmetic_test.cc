#include "query/runtime/arithmetic.h"

#include <gtest/gtest.h>

#include <cmath>

#include "tests/query_runtime/show.h"

namespace copmap::query::runtime {
namespace {

std::string Op(ArithmeticOp op, const Value& a, const Value& b) {
  return Show(Arithmetic(op, a, b));
}

constexpr auto kAdd = ArithmeticOp::kAdd;
constexpr auto kSub = ArithmeticOp::kSubtract;
constexpr auto kMul = ArithmeticOp::kMultiply;
constexpr auto kDiv = ArithmeticOp::kDivide;
constexpr auto kMod = ArithmeticOp::kModulo;
constexpr auto kPow = ArithmeticOp::kPower;

TEST(ArithmeticTest, IntegersStayIntegers) {
  EXPECT_EQ(Op(kAdd, 2, 3), "5");
  EXPECT_EQ(Op(kSub, 2, 3), "-1");
  EXPECT_EQ(Op(kMul, 4, -3), "-12");
  EXPECT_EQ(Op(kDiv, 7, 2), "3");
  EXPECT_EQ(Op(kDiv, -7, 2), "-3");  // truncates toward zero
  EXPECT_EQ(Op(kMod, -7, 3), "-1");  // dividend's sign
  EXPECT_EQ(Op(kMod, INT64_MIN, -1), "0");
}

TEST(ArithmeticTest, PrecedenceExampleFromTheTck) {
  // 12 / 4 * 3 - 2 * 4 = -1, evaluated left to right as the parser would.
  Value a = Arithmetic(kDiv, 12, 4).value();
  a = Arithmetic(kMul, a, 3).value();
  EXPECT_EQ(Op(kSub, a, Arithmetic(kMul, 2, 4).value()), "1");
}

TEST(ArithmeticTest, MixedOperandsComputeInDouble) {
  EXPECT_EQ(Op(kAdd, 1, 0.5), "1.5");
  EXPECT_EQ(Op(kDiv, 1.0, 4), "0.25");
  EXPECT_EQ(Op(kMod, 7.5, 2), "1.5");
  EXPECT_EQ(Op(kPow, 2, 10), "1024.0");
  EXPECT_EQ(Op(kPow, 2, -1), "0.5");
}

TEST(ArithmeticTest, IntegerOverflowIsAnError) {
  EXPECT_EQ(Op(kAdd, INT64_MAX, 1),
            "InvalidArgument: ArithmeticError: integer overflow in 9223372036854775807 + 1");
  EXPECT_EQ(Op(kSub, INT64_MIN, 1),
            "InvalidArgument: ArithmeticError: integer overflow in -9223372036854775808 - 1");
  EXPECT_EQ(Op(kMul, int64_t{1} << 62, 4),
            "InvalidArgument: ArithmeticError: integer overflow in 4611686018427387904 * 4");
  EXPECT_EQ(Op(kDiv, INT64_MIN, -1),
            "InvalidArgument: ArithmeticError: integer overflow in -9223372036854775808 / -1");
  EXPECT_EQ(Show(Negate(Value(INT64_MIN))),
            "InvalidArgument: ArithmeticError: integer overflow in -(-9223372036854775808)");
}

TEST(ArithmeticTest, DivisionByZero) {
  EXPECT_EQ(Op(kDiv, 1, 0), "InvalidArgument: ArithmeticError: / by zero");
  EXPECT_EQ(Op(kMod, 1, 0), "InvalidArgument: ArithmeticError: % by zero");
  EXPECT_EQ(Op(kDiv, 1.0, 0), "Infinity");
  EXPECT_EQ(Op(kDiv, -1, 0.0), "-Infinity");
  EXPECT_EQ(Op(kDiv, 0.0, 0.0), "NaN");
}

TEST(ArithmeticTest, NullPropagates) {
  for (auto op : {kAdd, kSub, kMul, kDiv, kMod, kPow}) {
    EXPECT_EQ(Op(op, Value(), 1), "null");
    EXPECT_EQ(Op(op, 1, Value()), "null");
  }
  EXPECT_EQ(Op(kAdd, Value(), "a"), "null");
  EXPECT_EQ(Show(Negate(Value())), "null");
}

TEST(ArithmeticTest, StringConcatenation) {
  EXPECT_EQ(Op(kAdd, "ab", "cd"), "'abcd'");
  EXPECT_EQ(Op(kAdd, "n", 1), "'n1'");
  EXPECT_EQ(Op(kAdd, 1.5, "x"), "'1.5x'");
}

TEST(ArithmeticTest, ListConcatenationAndAppend) {
  const Value l12(ValueList{1, 2});
  EXPECT_EQ(Op(kAdd, l12, Value(ValueList{3})), "[1, 2, 3]");
  EXPECT_EQ(Op(kAdd, l12, 3), "[1, 2, 3]");
  EXPECT_EQ(Op(kAdd, 0, l12), "[0, 1, 2]");
  EXPECT_EQ(Op(kAdd, l12, Value()), "[1, 2, null]");
  EXPECT_EQ(Op(kAdd, l12, Value(ValueList{Value(ValueList{})})), "[1, 2, []]");
}

TEST(ArithmeticTest, WrongTypesAreTypeErrors) {
  EXPECT_EQ(Op(kSub, "a", 1),
            "TypeError: InvalidArgumentType: cannot apply - to STRING 'a' and INTEGER 1");
  EXPECT_EQ(Op(kAdd, true, 1),
            "TypeError: InvalidArgumentType: cannot apply + to BOOLEAN true and INTEGER 1");
  EXPECT_EQ(Show(Negate(Value("x"))),
            "TypeError: InvalidArgumentType: unary minus expects a number, got STRING 'x'");
}

TEST(ArithmeticTest, UnaryOperators) {
  EXPECT_EQ(Show(Negate(Value(5))), "-5");
  EXPECT_EQ(Show(Negate(Value(-0.5))), "0.5");
  EXPECT_EQ(Show(UnaryPlus(Value(2.5))), "2.5");
  EXPECT_FALSE(UnaryPlus(Value(ValueList{})).ok());
}

}  // namespace
}  // namespace copmap::query::runtime
