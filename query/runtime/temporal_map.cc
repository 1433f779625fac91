#include "query/runtime/temporal_map.h"

#include <algorithm>
#include <string>

#include "query/runtime/calendar.h"
#include "query/runtime/errors.h"
#include "query/runtime/lists.h"

namespace copmap::query::runtime {
namespace {

bool Has(const Value& map, std::string_view key) {
  const ValueMap& m = map.as_map();
  return std::any_of(m.begin(), m.end(), [&](const auto& e) { return e.first == key; });
}

// Integer component `key`, checked against [lo, hi]; `fallback` when absent.
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

Status MixedForms(const char* function, const char* a, const char* b) {
  return ArgumentError(kInvalidArgumentValue, std::string(function) + "() cannot combine '" + a +
                                                  "' with '" + b + "'");
}

// The first of `keys` the map holds, or nullptr.
const char* FirstPresent(const Value& map, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    if (Has(map, k)) return k;
  }
  return nullptr;
}

int64_t YearOf(int64_t days) {
  int64_t year;
  unsigned month, day;
  CivilFromDays(days, &year, &month, &day);
  return year;
}

// Reads "+HH", "+HHMM", "+HH:MM", "+HH:MM:SS" (or '-'), or "Z".
std::optional<int64_t> ParseOffset(std::string_view s) {
  if (s == "Z") return 0;
  if (s.size() < 3 || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  int64_t parts[3] = {0, 0, 0};
  size_t pos = 1;
  for (int i = 0; i < 3 && pos < s.size(); ++i) {
    if (i > 0 && s[pos] == ':') ++pos;
    if (pos + 2 > s.size() || !isdigit(s[pos]) || !isdigit(s[pos + 1])) return std::nullopt;
    parts[i] = (s[pos] - '0') * 10 + (s[pos + 1] - '0');
    pos += 2;
  }
  if (pos != s.size() || parts[0] > 18 || parts[1] > 59 || parts[2] > 59) return std::nullopt;
  const int64_t seconds = parts[0] * 3600 + parts[1] * 60 + parts[2];
  return s[0] == '-' ? -seconds : seconds;
}

}  // namespace

Status CheckTemporalKeys(const char* function, const Value& map,
                         std::span<const std::string_view> allowed) {
  for (const auto& [key, value] : map.as_map()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      return ArgumentError(kInvalidArgumentValue,
                           std::string(function) + "() does not take a component '" + key + "'");
    }
  }
  return Status::OK();
}

Result<int64_t> DaysOf(const char* function, const Value& temporal) {
  if (temporal.kind() == Value::Kind::kDate) return temporal.as_date().days;
  if (temporal.kind() == Value::Kind::kDateTime) {
    return FloorDiv(temporal.as_datetime().micros, kMicrosPerDay);
  }
  return TypeMismatch(std::string(function) + "() expects a date or datetime", temporal);
}

Result<int64_t> DaysFromMap(const char* function, const Value& map, std::optional<int64_t> base) {
  COPMAP_ASSIGN_OR_RETURN(Value date, Subscript(map, Value("date")));
  if (!date.is_null()) {
    COPMAP_ASSIGN_OR_RETURN(base, DaysOf(function, date));
  }
  COPMAP_ASSIGN_OR_RETURN(int64_t year,
                          Component(function, map, "year", INT64_MIN, -999'999, 999'999));
  const bool has_year = year != INT64_MIN;
  if (!has_year && !base) {
    return ArgumentError(kInvalidArgumentValue, std::string(function) + "() needs a 'year'");
  }
  const char* week_key = FirstPresent(map, {"week", "dayOfWeek"});
  const char* ordinal_key = FirstPresent(map, {"ordinalDay"});
  const char* quarter_key = FirstPresent(map, {"quarter", "dayOfQuarter"});
  const char* calendar_key = FirstPresent(map, {"month", "day"});
  const char* forms[] = {week_key, ordinal_key, quarter_key, calendar_key};
  const char* first = nullptr;
  for (const char* k : forms) {
    if (!k) continue;
    if (first) return MixedForms(function, first, k);
    first = k;
  }
  if (week_key) {
    const int64_t week_year = has_year ? year : IsoWeekYear(*base);
    COPMAP_ASSIGN_OR_RETURN(int64_t week, Component(function, map, "week",
                                                    base ? IsoWeek(*base) : 1, 1,
                                                    IsoWeeksInYear(week_year)));
    COPMAP_ASSIGN_OR_RETURN(int64_t weekday, Component(function, map, "dayOfWeek",
                                                       base ? IsoWeekday(*base) : 1, 1, 7));
    return DaysFromIsoWeek(week_year, week, weekday);
  }
  if (!has_year) year = YearOf(*base);
  if (ordinal_key) {
    COPMAP_ASSIGN_OR_RETURN(int64_t ordinal,
                            Component(function, map, "ordinalDay", 1, 1, DaysInYear(year)));
    return DaysFromOrdinal(year, ordinal);
  }
  if (quarter_key) {
    COPMAP_ASSIGN_OR_RETURN(int64_t quarter,
                            Component(function, map, "quarter", base ? Quarter(*base) : 1, 1, 4));
    COPMAP_ASSIGN_OR_RETURN(int64_t day, Component(function, map, "dayOfQuarter",
                                                   base ? DayOfQuarter(*base) : 1, 1,
                                                   DaysInQuarter(year, quarter)));
    return DaysFromQuarter(year, quarter, day);
  }
  int64_t base_year = 0;
  unsigned base_month = 1, base_day = 1;
  if (base) CivilFromDays(*base, &base_year, &base_month, &base_day);
  COPMAP_ASSIGN_OR_RETURN(int64_t month, Component(function, map, "month", base_month, 1, 12));
  COPMAP_ASSIGN_OR_RETURN(int64_t day, Component(function, map, "day", base_day, 1,
                                                 DaysInMonth(year, month)));
  return DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

Result<int64_t> TimeOfDayFromMap(const char* function, const Value& map,
                                 int64_t base_micros_of_day) {
  const int64_t base_seconds = base_micros_of_day / 1'000'000;
  COPMAP_ASSIGN_OR_RETURN(int64_t h, Component(function, map, "hour", base_seconds / 3600, 0, 23));
  COPMAP_ASSIGN_OR_RETURN(int64_t m,
                          Component(function, map, "minute", base_seconds / 60 % 60, 0, 59));
  COPMAP_ASSIGN_OR_RETURN(int64_t s, Component(function, map, "second", base_seconds % 60, 0, 59));
  int64_t fraction_micros = base_micros_of_day % 1'000'000;
  if (FirstPresent(map, {"millisecond", "microsecond", "nanosecond"})) {
    COPMAP_ASSIGN_OR_RETURN(int64_t ms, Component(function, map, "millisecond", 0, 0, 999));
    COPMAP_ASSIGN_OR_RETURN(int64_t us, Component(function, map, "microsecond", 0, 0, 999'999));
    COPMAP_ASSIGN_OR_RETURN(int64_t ns,
                            Component(function, map, "nanosecond", 0, 0, 999'999'999));
    const int64_t fraction_nanos = ms * 1'000'000 + us * 1000 + ns;
    if (fraction_nanos > 999'999'999) {
      return ArgumentError(kInvalidArgumentValue,
                           std::string(function) +
                               "() millisecond, microsecond and nanosecond add up to more than "
                               "a second");
    }
    if (fraction_nanos % 1000 != 0) {
      return Status::NotSupported(std::string(function) +
                                  "(): copmap keeps times to the microsecond; a fraction of " +
                                  std::to_string(fraction_nanos) + " ns is finer than that");
    }
    fraction_micros = fraction_nanos / 1000;
  }
  return ((h * 60 + m) * 60 + s) * 1'000'000 + fraction_micros;
}

Result<int64_t> OffsetFromMap(const char* function, const Value& map) {
  COPMAP_ASSIGN_OR_RETURN(Value zone, Subscript(map, Value("timezone")));
  if (zone.is_null()) return 0;
  if (!zone.is_string()) {
    return TypeMismatch(std::string(function) + "() expects a string for 'timezone'", zone);
  }
  if (auto offset = ParseOffset(zone.as_string())) return *offset;
  if (zone.as_string().find('/') != std::string::npos) {
    return Status::NotSupported(std::string(function) + "(): named time zones such as '" +
                                zone.as_string() +
                                "' are not supported (a copmap datetime is a UTC instant); "
                                "give an offset such as '+01:00'");
  }
  return ArgumentError(kInvalidArgumentValue, std::string(function) + "(): invalid time zone '" +
                                                  zone.as_string() +
                                                  "' (expected Z or an offset such as +01:00)");
}

}  // namespace copmap::query::runtime
