// Temporal functions: date(), datetime(), timestamp().
//
// date() / datetime() with no argument read the clock (UTC). A string
// argument is parsed as ISO-8601 (storage/value.h ParseDate/ParseDateTime);
// a map argument names components: {year, month, day} for a date, plus
// {hour, minute, second, millisecond, microsecond} for a datetime (missing
// components default to 1 for month/day and 0 for the rest). A date given
// to datetime() is its midnight UTC; a datetime given to date() is its UTC
// calendar day.
#include <chrono>
#include <string>

#include "query/runtime/errors.h"
#include "query/runtime/function_table.h"
#include "query/runtime/lists.h"

namespace copmap::query::runtime {
namespace {

constexpr int64_t kMicrosPerDay = 86'400'000'000;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

int64_t NowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Reads integer component `key` of a temporal map, checking [lo, hi].
Result<int64_t> Component(const char* function, const Value& map, const char* key,
                          int64_t fallback, int64_t lo, int64_t hi) {
  COPMAP_ASSIGN_OR_RETURN(Value v, Subscript(map, Value(key)));
  if (v.is_null()) return fallback;
  if (!v.is_int()) {
    return TypeMismatch(std::string(function) + "() expects an integer for '" + key + "'", v);
  }
  if (v.as_int() < lo || v.as_int() > hi) {
    return ArgumentError(kInvalidArgumentValue,
                         std::string(function) + "() component '" + key + "' must be in [" +
                             std::to_string(lo) + ", " + std::to_string(hi) + "], got " +
                             std::to_string(v.as_int()));
  }
  return v.as_int();
}

Result<int64_t> DaysFromMap(const char* function, const Value& map) {
  COPMAP_ASSIGN_OR_RETURN(int64_t year, Component(function, map, "year", INT64_MIN, -999999, 999999));
  if (year == INT64_MIN) {
    return ArgumentError(kInvalidArgumentValue, std::string(function) + "() needs a 'year'");
  }
  COPMAP_ASSIGN_OR_RETURN(int64_t month, Component(function, map, "month", 1, 1, 12));
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int64_t month_days = kDays[month - 1] + (month == 2 && leap);
  COPMAP_ASSIGN_OR_RETURN(int64_t day, Component(function, map, "day", 1, 1, month_days));
  return DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

Status BadText(const char* function, const Status& parse_error) {
  return ArgumentError(kInvalidArgumentValue,
                       std::string(function) + "(): " + parse_error.message());
}

Result<Value> DateFn(std::span<const Value> a) {
  if (a.empty()) return Value(Date{FloorDiv(NowMicros(), kMicrosPerDay)});
  const Value& v = a[0];
  switch (v.kind()) {
    case Value::Kind::kDate: return v;
    case Value::Kind::kDateTime: return Value(Date{FloorDiv(v.as_datetime().micros, kMicrosPerDay)});
    case Value::Kind::kString: {
      Result<Date> d = ParseDate(v.as_string());
      if (!d.ok()) return BadText("date", d.status());
      return Value(*d);
    }
    case Value::Kind::kMap: {
      COPMAP_ASSIGN_OR_RETURN(int64_t days, DaysFromMap("date", v));
      return Value(Date{days});
    }
    default: return TypeMismatch("date() expects a string, map, date or datetime", v);
  }
}

Result<Value> DateTimeFn(std::span<const Value> a) {
  if (a.empty()) return Value(DateTime{NowMicros()});
  const Value& v = a[0];
  switch (v.kind()) {
    case Value::Kind::kDateTime: return v;
    case Value::Kind::kDate: return Value(DateTime{v.as_date().days * kMicrosPerDay});
    case Value::Kind::kString: {
      Result<DateTime> t = ParseDateTime(v.as_string());
      if (!t.ok()) return BadText("datetime", t.status());
      return Value(*t);
    }
    case Value::Kind::kMap: {
      COPMAP_ASSIGN_OR_RETURN(int64_t days, DaysFromMap("datetime", v));
      COPMAP_ASSIGN_OR_RETURN(int64_t h, Component("datetime", v, "hour", 0, 0, 23));
      COPMAP_ASSIGN_OR_RETURN(int64_t m, Component("datetime", v, "minute", 0, 0, 59));
      COPMAP_ASSIGN_OR_RETURN(int64_t s, Component("datetime", v, "second", 0, 0, 59));
      COPMAP_ASSIGN_OR_RETURN(int64_t ms, Component("datetime", v, "millisecond", 0, 0, 999));
      COPMAP_ASSIGN_OR_RETURN(int64_t us, Component("datetime", v, "microsecond", 0, 0, 999999));
      const int64_t micros = days * kMicrosPerDay + ((h * 60 + m) * 60 + s) * 1'000'000 +
                             ms * 1000 + us;
      return Value(DateTime{micros});
    }
    default: return TypeMismatch("datetime() expects a string, map, date or datetime", v);
  }
}

Result<Value> Timestamp(std::span<const Value>) { return Value(NowMicros() / 1000); }

}  // namespace

void AddTemporalFunctions(std::vector<ScalarFunction>* t) {
  t->push_back({"date", 0, 1, true, false, DateFn, "date([text | map | datetime])"});
  t->push_back({"datetime", 0, 1, true, false, DateTimeFn, "datetime([text | map | date])"});
  t->push_back({"timestamp", 0, 0, true, false, Timestamp, "timestamp()"});
}

}  // namespace copmap::query::runtime
