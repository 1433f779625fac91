// Temporal functions: date(), datetime(), timestamp().
//
// date() / datetime() with no argument read the clock (UTC). A string
// argument is parsed as ISO-8601 (date(): calendar, week, ordinal and
// year-month forms, calendar.h; datetime(): storage/value.h ParseDateTime);
// a map argument names components (temporal_map.h). A date given to
// datetime() is its midnight UTC; a datetime given to date() is its UTC
// calendar day.
#include <chrono>
#include <string>

#include "query/runtime/calendar.h"
#include "query/runtime/errors.h"
#include "query/runtime/function_table.h"
#include "query/runtime/temporal_map.h"

namespace copmap::query::runtime {
namespace {

constexpr std::string_view kDateKeys[] = {"date", "year", "month", "day", "week", "dayOfWeek",
                                          "ordinalDay", "quarter", "dayOfQuarter"};
constexpr std::string_view kDateTimeKeys[] = {
    "date",         "year",       "month",       "day",         "week",
    "dayOfWeek",    "ordinalDay", "quarter",     "dayOfQuarter", "hour",
    "minute",       "second",     "millisecond", "microsecond", "nanosecond",
    "timezone"};

int64_t NowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
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
      Result<int64_t> days = ParseIsoDateDays(v.as_string());
      if (!days.ok()) return BadText("date", days.status());
      return Value(Date{*days});
    }
    case Value::Kind::kMap: {
      COPMAP_RETURN_IF_ERROR(CheckTemporalKeys("date", v, kDateKeys));
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
      COPMAP_RETURN_IF_ERROR(CheckTemporalKeys("datetime", v, kDateTimeKeys));
      COPMAP_ASSIGN_OR_RETURN(int64_t days, DaysFromMap("datetime", v));
      COPMAP_ASSIGN_OR_RETURN(int64_t in_day, TimeOfDayFromMap("datetime", v));
      COPMAP_ASSIGN_OR_RETURN(int64_t offset, OffsetFromMap("datetime", v));
      return Value(DateTime{days * kMicrosPerDay + in_day - offset * 1'000'000});
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
  AddTruncateFunctions(t);
}

}  // namespace copmap::query::runtime
