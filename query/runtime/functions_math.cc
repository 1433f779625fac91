// Numeric functions. Results follow Neo4j's documented types: abs keeps the
// argument's type; ceil, floor, round, sqrt, exp, log and the trigonometric
// functions return floats; sign returns an integer. Domain errors give NaN
// (sqrt(-1), log(-1)) as IEEE-754 does, never an error.
#include <cmath>
#include <random>
#include <string>

#include "query/runtime/errors.h"
#include "query/runtime/function_table.h"

namespace copmap::query::runtime {
namespace {

Result<Value> Abs(std::span<const Value> a) {
  COPMAP_RETURN_IF_ERROR(ExpectNumber("abs", 0, a[0]));
  if (a[0].is_float()) return Value(std::fabs(a[0].as_float()));
  if (a[0].as_int() == INT64_MIN) {
    return ArgumentError(kArithmeticError, "integer overflow in abs(" +
                                               std::to_string(a[0].as_int()) + ")");
  }
  return Value(a[0].as_int() < 0 ? -a[0].as_int() : a[0].as_int());
}

// One float-to-float function of one numeric argument.
template <double (*F)(double)>
Result<Value> Unary(std::span<const Value> a, const char* name) {
  COPMAP_RETURN_IF_ERROR(ExpectNumber(name, 0, a[0]));
  return Value(F(a[0].as_number()));
}

double RoundHalfUp(double x) { return std::floor(x + 0.5); }
double Log10(double x) { return std::log10(x); }

#define COPMAP_UNARY_MATH(Name, fn, text) \
  Result<Value> Name(std::span<const Value> a) { return Unary<fn>(a, text); }
COPMAP_UNARY_MATH(Ceil, std::ceil, "ceil")
COPMAP_UNARY_MATH(Floor, std::floor, "floor")
COPMAP_UNARY_MATH(Sqrt, std::sqrt, "sqrt")
COPMAP_UNARY_MATH(Exp, std::exp, "exp")
COPMAP_UNARY_MATH(Log, std::log, "log")
COPMAP_UNARY_MATH(LogTen, Log10, "log10")
COPMAP_UNARY_MATH(Sin, std::sin, "sin")
COPMAP_UNARY_MATH(Cos, std::cos, "cos")
COPMAP_UNARY_MATH(Tan, std::tan, "tan")
COPMAP_UNARY_MATH(Asin, std::asin, "asin")
COPMAP_UNARY_MATH(Acos, std::acos, "acos")
COPMAP_UNARY_MATH(Atan, std::atan, "atan")
#undef COPMAP_UNARY_MATH

Result<Value> Round(std::span<const Value> a) {
  COPMAP_RETURN_IF_ERROR(ExpectNumber("round", 0, a[0]));
  const double x = a[0].as_number();
  // round(x): ties toward positive infinity (round(-1.5) is -1.0).
  if (a.size() == 1) return Value(RoundHalfUp(x));
  // round(x, precision): ties away from zero at `precision` decimals.
  COPMAP_RETURN_IF_ERROR(ExpectInteger("round", 1, a[1]));
  const int64_t precision = a[1].as_int();
  if (precision < 0 || precision > 15) {
    return ArgumentError(kNumberOutOfRange,
                         "round() precision must be in [0, 15], got " + std::to_string(precision));
  }
  const double scale = std::pow(10.0, static_cast<double>(precision));
  return Value(std::round(x * scale) / scale);
}

Result<Value> Sign(std::span<const Value> a) {
  COPMAP_RETURN_IF_ERROR(ExpectNumber("sign", 0, a[0]));
  const double x = a[0].as_number();
  return Value(int64_t{(x > 0) - (x < 0)});
}

Result<Value> Atan2(std::span<const Value> a) {
  COPMAP_RETURN_IF_ERROR(ExpectNumber("atan2", 0, a[0]));
  COPMAP_RETURN_IF_ERROR(ExpectNumber("atan2", 1, a[1]));
  return Value(std::atan2(a[0].as_number(), a[1].as_number()));
}

double ToDegrees(double r) { return r * 180.0 / M_PI; }
double ToRadians(double d) { return d * M_PI / 180.0; }
double Haversin(double x) { return (1.0 - std::cos(x)) / 2.0; }
Result<Value> Degrees(std::span<const Value> a) { return Unary<ToDegrees>(a, "degrees"); }
Result<Value> Radians(std::span<const Value> a) { return Unary<ToRadians>(a, "radians"); }
Result<Value> HaversinFn(std::span<const Value> a) { return Unary<Haversin>(a, "haversin"); }

Result<Value> Pi(std::span<const Value>) { return Value(M_PI); }
Result<Value> E(std::span<const Value>) { return Value(M_E); }

Result<Value> Rand(std::span<const Value>) {
  // One generator per thread: no locking, and threads do not share a sequence.
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return Value(std::uniform_real_distribution<double>(0.0, 1.0)(engine));
}

}  // namespace

void AddMathFunctions(std::vector<ScalarFunction>* t) {
  t->push_back({"abs", 1, 1, true, true, Abs, "abs(number)"});
  t->push_back({"ceil", 1, 1, true, true, Ceil, "ceil(number)"});
  t->push_back({"floor", 1, 1, true, true, Floor, "floor(number)"});
  t->push_back({"round", 1, 2, true, true, Round, "round(number[, precision])"});
  t->push_back({"sqrt", 1, 1, true, true, Sqrt, "sqrt(number)"});
  t->push_back({"sign", 1, 1, true, true, Sign, "sign(number)"});
  t->push_back({"exp", 1, 1, true, true, Exp, "exp(number)"});
  t->push_back({"log", 1, 1, true, true, Log, "log(number)"});
  t->push_back({"log10", 1, 1, true, true, LogTen, "log10(number)"});
  t->push_back({"sin", 1, 1, true, true, Sin, "sin(radians)"});
  t->push_back({"cos", 1, 1, true, true, Cos, "cos(radians)"});
  t->push_back({"tan", 1, 1, true, true, Tan, "tan(radians)"});
  t->push_back({"asin", 1, 1, true, true, Asin, "asin(number)"});
  t->push_back({"acos", 1, 1, true, true, Acos, "acos(number)"});
  t->push_back({"atan", 1, 1, true, true, Atan, "atan(number)"});
  t->push_back({"atan2", 2, 2, true, true, Atan2, "atan2(y, x)"});
  t->push_back({"degrees", 1, 1, true, true, Degrees, "degrees(radians)"});
  t->push_back({"radians", 1, 1, true, true, Radians, "radians(degrees)"});
  t->push_back({"haversin", 1, 1, true, true, HaversinFn, "haversin(radians)"});
  t->push_back({"pi", 0, 0, true, true, Pi, "pi()"});
  t->push_back({"e", 0, 0, true, true, E, "e()"});
  t->push_back({"rand", 0, 0, true, false, Rand, "rand()"});
}

}  // namespace copmap::query::runtime
