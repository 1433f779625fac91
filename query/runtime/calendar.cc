#include "query/runtime/calendar.h"

#include <string>

#include "storage/value.h"

namespace copmap::query::runtime {
namespace {

int64_t YearOf(int64_t days) {
  int64_t year;
  unsigned month, day;
  CivilFromDays(days, &year, &month, &day);
  return year;
}

// Monday of week 1: the Monday on or before 4 January.
int64_t FirstIsoMonday(int64_t week_year) {
  const int64_t jan4 = DaysFromCivil(week_year, 1, 4);
  return jan4 - (IsoWeekday(jan4) - 1);
}

// Reads `width` digits at `pos` when they are there.
bool Digits(std::string_view s, size_t& pos, size_t width, int64_t* out) {
  if (pos + width > s.size()) return false;
  int64_t v = 0;
  for (size_t i = 0; i < width; ++i) {
    const char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  pos += width;
  *out = v;
  return true;
}

// The date forms after the year; `dash` says whether the text uses the
// extended form (separators), which must then be used throughout.
bool ParseAfterYear(std::string_view s, size_t pos, int64_t year, int64_t* days) {
  if (pos == s.size()) {
    *days = DaysFromCivil(year, 1, 1);
    return true;
  }
  const bool dash = s[pos] == '-';
  if (dash) ++pos;
  const size_t rest = s.size() - pos;
  if (pos < s.size() && s[pos] == 'W') {
    ++pos;
    int64_t week, weekday = 1;
    if (!Digits(s, pos, 2, &week)) return false;
    if (pos < s.size()) {
      if (dash && s[pos++] != '-') return false;
      if (!Digits(s, pos, 1, &weekday) || pos != s.size()) return false;
    }
    if (week < 1 || week > IsoWeeksInYear(year) || weekday < 1 || weekday > 7) return false;
    *days = DaysFromIsoWeek(year, week, weekday);
    return true;
  }
  if (rest == 3) {  // ordinal day: 2015-202 or 2015202
    int64_t ordinal;
    if (!Digits(s, pos, 3, &ordinal) || ordinal < 1 || ordinal > DaysInYear(year)) return false;
    *days = DaysFromOrdinal(year, ordinal);
    return true;
  }
  int64_t month, day = 1;
  if (!Digits(s, pos, 2, &month) || month < 1 || month > 12) return false;
  if (pos < s.size()) {
    if (dash && s[pos++] != '-') return false;
    if (!Digits(s, pos, 2, &day) || pos != s.size()) return false;
  }
  if (day < 1 || day > DaysInMonth(year, month)) return false;
  *days = DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return true;
}

}  // namespace

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - (a % b != 0 && a < 0); }

bool IsLeapYear(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int64_t DaysInMonth(int64_t year, int64_t month) {
  static constexpr int64_t kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return kDays[month - 1] + (month == 2 && IsLeapYear(year));
}

int64_t DaysInYear(int64_t year) { return IsLeapYear(year) ? 366 : 365; }

int64_t DaysInQuarter(int64_t year, int64_t quarter) {
  int64_t n = 0;
  for (int64_t m = quarter * 3 - 2; m <= quarter * 3; ++m) n += DaysInMonth(year, m);
  return n;
}

int64_t IsoWeekday(int64_t days) {
  // 1970-01-01 was a Thursday.
  return (days % 7 + 7 + 3) % 7 + 1;
}

int64_t IsoWeekYear(int64_t days) {
  const int64_t year = YearOf(days);
  if (days >= FirstIsoMonday(year + 1)) return year + 1;
  if (days < FirstIsoMonday(year)) return year - 1;
  return year;
}

int64_t IsoWeek(int64_t days) { return (days - FirstIsoMonday(IsoWeekYear(days))) / 7 + 1; }

int64_t IsoWeeksInYear(int64_t week_year) {
  return (FirstIsoMonday(week_year + 1) - FirstIsoMonday(week_year)) / 7;
}

int64_t Quarter(int64_t days) {
  int64_t year;
  unsigned month, day;
  CivilFromDays(days, &year, &month, &day);
  return (month - 1) / 3 + 1;
}

int64_t DayOfQuarter(int64_t days) {
  const int64_t year = YearOf(days);
  const int64_t first_month = (Quarter(days) - 1) * 3 + 1;
  return days - DaysFromCivil(year, static_cast<unsigned>(first_month), 1) + 1;
}

int64_t OrdinalDay(int64_t days) { return days - DaysFromCivil(YearOf(days), 1, 1) + 1; }

int64_t DaysFromIsoWeek(int64_t week_year, int64_t week, int64_t weekday) {
  return FirstIsoMonday(week_year) + (week - 1) * 7 + (weekday - 1);
}

int64_t DaysFromOrdinal(int64_t year, int64_t ordinal_day) {
  return DaysFromCivil(year, 1, 1) + ordinal_day - 1;
}

int64_t DaysFromQuarter(int64_t year, int64_t quarter, int64_t day_of_quarter) {
  return DaysFromCivil(year, static_cast<unsigned>((quarter - 1) * 3 + 1), 1) + day_of_quarter - 1;
}

Result<int64_t> ParseIsoDateDays(std::string_view text) {
  size_t pos = 0;
  int64_t year, days;
  if (!Digits(text, pos, 4, &year) || !ParseAfterYear(text, pos, year, &days)) {
    return Status::InvalidArgument("invalid date '" + std::string(text) +
                                   "' (expected an ISO-8601 date such as 2015-07-21, 20150721, "
                                   "2015-07, 2015-W30-2, 2015-202 or 2015)");
  }
  return days;
}

}  // namespace copmap::query::runtime
