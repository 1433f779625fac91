// date.truncate(unit, temporal[, map]) and datetime.truncate(...).
//
// The temporal (a date or a datetime, read as UTC) is cut down to the start
// of its `unit`: millennium, century, decade, year, weekYear (the Monday of
// ISO week 1), quarter, month, week (its Monday), day, and for datetimes
// also hour, minute, second, millisecond, microsecond. The map then sets
// components of the result the way date()/datetime() maps do, with the
// truncated value as the base: date.truncate('month', d, {day: 5}) is the
// 5th of d's month.
#include <string>

#include "query/runtime/calendar.h"
#include "query/runtime/errors.h"
#include "query/runtime/function_table.h"
#include "query/runtime/temporal_map.h"

namespace copmap::query::runtime {
namespace {

constexpr std::string_view kDateKeys[] = {"year", "month", "day", "week", "dayOfWeek",
                                          "ordinalDay", "quarter", "dayOfQuarter"};
constexpr std::string_view kDateTimeKeys[] = {
    "year",        "month",       "day",        "week",     "dayOfWeek",
    "ordinalDay",  "quarter",     "dayOfQuarter", "hour",   "minute",
    "second",      "millisecond", "microsecond", "nanosecond", "timezone"};

// Start of the date-sized unit holding `days`; nullopt for other units.
std::optional<int64_t> TruncateDays(std::string_view unit, int64_t days) {
  int64_t year;
  unsigned month, day;
  CivilFromDays(days, &year, &month, &day);
  auto year_start = [](int64_t y) { return DaysFromCivil(y, 1, 1); };
  if (unit == "millennium") return year_start(FloorDiv(year, 1000) * 1000);
  if (unit == "century") return year_start(FloorDiv(year, 100) * 100);
  if (unit == "decade") return year_start(FloorDiv(year, 10) * 10);
  if (unit == "year") return year_start(year);
  if (unit == "weekYear") return DaysFromIsoWeek(IsoWeekYear(days), 1, 1);
  if (unit == "quarter") return DaysFromQuarter(year, Quarter(days), 1);
  if (unit == "month") return DaysFromCivil(year, month, 1);
  if (unit == "week") return days - (IsoWeekday(days) - 1);
  if (unit == "day") return days;
  return std::nullopt;
}

// Microseconds per time-sized unit; 0 for other units.
int64_t TimeUnitMicros(std::string_view unit) {
  if (unit == "hour") return 3'600'000'000;
  if (unit == "minute") return 60'000'000;
  if (unit == "second") return 1'000'000;
  if (unit == "millisecond") return 1000;
  if (unit == "microsecond") return 1;
  return 0;
}

Status UnknownUnit(const char* function, const Value& unit, const char* units) {
  return ArgumentError(kInvalidArgumentValue, std::string(function) + "(): unknown unit '" +
                                                  unit.as_string() + "' (expected one of " +
                                                  units + ")");
}

constexpr const char* kDateUnits =
    "millennium, century, decade, year, weekYear, quarter, month, week, day";

Result<Value> DateTruncate(std::span<const Value> a) {
  COPMAP_RETURN_IF_ERROR(ExpectString("date.truncate", 1, a[0]));
  COPMAP_ASSIGN_OR_RETURN(int64_t days, DaysOf("date.truncate", a[1]));
  std::optional<int64_t> start = TruncateDays(a[0].as_string(), days);
  if (!start) return UnknownUnit("date.truncate", a[0], kDateUnits);
  if (a.size() < 3) return Value(Date{*start});
  COPMAP_RETURN_IF_ERROR(ExpectKind("date.truncate", 3, a[2], Value::Kind::kMap, "a map"));
  COPMAP_RETURN_IF_ERROR(CheckTemporalKeys("date.truncate", a[2], kDateKeys));
  COPMAP_ASSIGN_OR_RETURN(int64_t result, DaysFromMap("date.truncate", a[2], *start));
  return Value(Date{result});
}

Result<Value> DateTimeTruncate(std::span<const Value> a) {
  COPMAP_RETURN_IF_ERROR(ExpectString("datetime.truncate", 1, a[0]));
  const std::string& unit = a[0].as_string();
  const int64_t micros = a[1].kind() == Value::Kind::kDateTime ? a[1].as_datetime().micros : 0;
  COPMAP_ASSIGN_OR_RETURN(int64_t days, DaysOf("datetime.truncate", a[1]));
  int64_t in_day = micros - days * kMicrosPerDay;
  if (const int64_t step = TimeUnitMicros(unit); step > 0) {
    in_day -= in_day % step;
  } else if (std::optional<int64_t> start = TruncateDays(unit, days)) {
    days = *start;
    in_day = 0;
  } else {
    return UnknownUnit("datetime.truncate", a[0],
                       "millennium, century, decade, year, weekYear, quarter, month, week, day, "
                       "hour, minute, second, millisecond, microsecond");
  }
  if (a.size() < 3) return Value(DateTime{days * kMicrosPerDay + in_day});
  const Value& map = a[2];
  COPMAP_RETURN_IF_ERROR(ExpectKind("datetime.truncate", 3, map, Value::Kind::kMap, "a map"));
  COPMAP_RETURN_IF_ERROR(CheckTemporalKeys("datetime.truncate", map, kDateTimeKeys));
  COPMAP_ASSIGN_OR_RETURN(days, DaysFromMap("datetime.truncate", map, days));
  COPMAP_ASSIGN_OR_RETURN(in_day, TimeOfDayFromMap("datetime.truncate", map, in_day));
  COPMAP_ASSIGN_OR_RETURN(int64_t offset, OffsetFromMap("datetime.truncate", map));
  return Value(DateTime{days * kMicrosPerDay + in_day - offset * 1'000'000});
}

}  // namespace

void AddTruncateFunctions(std::vector<ScalarFunction>* t) {
  t->push_back({"date.truncate", 2, 3, true, true, DateTruncate,
                "date.truncate(unit, date | datetime[, map])"});
  t->push_back({"datetime.truncate", 2, 3, true, true, DateTimeTruncate,
                "datetime.truncate(unit, date | datetime[, map])"});
}

}  // namespace copmap::query::runtime
