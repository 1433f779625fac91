// `x.key`: property access on maps, nodes, relationships, and the
// components of dates and datetimes.
#include <string>

#include "query/runtime/calendar.h"
#include "query/runtime/errors.h"
#include "query/runtime/lists.h"

namespace copmap::query::runtime {
namespace {

// Components shared by dates and datetimes; nullopt for other names.
std::optional<int64_t> DateComponent(int64_t days, std::string_view key) {
  int64_t year;
  unsigned month, day;
  CivilFromDays(days, &year, &month, &day);
  if (key == "year") return year;
  if (key == "month") return month;
  if (key == "day") return day;
  if (key == "quarter") return Quarter(days);
  if (key == "dayOfQuarter") return DayOfQuarter(days);
  if (key == "week") return IsoWeek(days);
  if (key == "weekYear") return IsoWeekYear(days);
  // openCypher spells it weekDay; dayOfWeek is the name date() takes.
  if (key == "weekDay" || key == "dayOfWeek") return IsoWeekday(days);
  if (key == "ordinalDay") return OrdinalDay(days);
  if (key == "epochDays") return days;
  return std::nullopt;
}

std::optional<int64_t> DateTimeComponent(int64_t micros, std::string_view key) {
  const int64_t days = FloorDiv(micros, kMicrosPerDay);
  const int64_t in_day = micros - days * kMicrosPerDay;
  if (key == "hour") return in_day / 3'600'000'000;
  if (key == "minute") return in_day / 60'000'000 % 60;
  if (key == "second") return in_day / 1'000'000 % 60;
  if (key == "millisecond") return in_day / 1000 % 1000;
  if (key == "microsecond") return in_day % 1'000'000;
  if (key == "epochSeconds") return FloorDiv(micros, 1'000'000);
  if (key == "epochMillis") return FloorDiv(micros, 1000);
  return DateComponent(days, key);
}

Status UnknownComponent(std::string_view key, const Value& v) {
  return TypeMismatch("no component '" + std::string(key) + "'", v);
}

}  // namespace

Result<Value> PropertyOf(const Value& container, std::string_view key) {
  switch (container.kind()) {
    case Value::Kind::kNull: return Value();
    case Value::Kind::kMap:
    case Value::Kind::kNode:
    case Value::Kind::kRelationship: return Subscript(container, Value(key));
    case Value::Kind::kDate: {
      auto c = DateComponent(container.as_date().days, key);
      if (!c) return UnknownComponent(key, container);
      return Value(*c);
    }
    case Value::Kind::kDateTime: {
      auto c = DateTimeComponent(container.as_datetime().micros, key);
      if (!c) return UnknownComponent(key, container);
      return Value(*c);
    }
    default:
      return TypeMismatch("property access ." + std::string(key) +
                              " needs a map, node, relationship, date or datetime",
                          container);
  }
}

}  // namespace copmap::query::runtime
