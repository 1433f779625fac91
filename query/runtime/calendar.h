// Calendar arithmetic behind the temporal functions and accessors: ISO-8601
// week dates, quarters and ordinal days over the store's day count (days
// since 1970-01-01, proleptic Gregorian; storage/value.h).
//
// ISO weeks start on Monday; week 1 of a week-based year is the week that
// holds its 4 January, so 1 January may belong to week 52 or 53 of the year
// before (1984-01-01 is day 7 of week 52 of 1983).
#pragma once

#include <cstdint>
#include <string_view>

#include "storage/status.h"

namespace copmap::query::runtime {

inline constexpr int64_t kMicrosPerDay = 86'400'000'000;

// Division rounding towards negative infinity. REQUIRES: b > 0.
int64_t FloorDiv(int64_t a, int64_t b);

bool IsLeapYear(int64_t year);
int64_t DaysInMonth(int64_t year, int64_t month);  // REQUIRES: month in 1..12
int64_t DaysInYear(int64_t year);
int64_t DaysInQuarter(int64_t year, int64_t quarter);  // REQUIRES: quarter in 1..4

int64_t IsoWeekday(int64_t days);   // 1 (Monday) .. 7 (Sunday)
int64_t IsoWeekYear(int64_t days);  // the week-based year the day belongs to
int64_t IsoWeek(int64_t days);      // 1 .. 53
int64_t IsoWeeksInYear(int64_t week_year);  // 52 or 53
int64_t Quarter(int64_t days);      // 1 .. 4
int64_t DayOfQuarter(int64_t days);  // 1 .. 92
int64_t OrdinalDay(int64_t days);   // 1 .. 366

// Day counts of the other ways to name a day. REQUIRES: components in range.
int64_t DaysFromIsoWeek(int64_t week_year, int64_t week, int64_t weekday);
int64_t DaysFromOrdinal(int64_t year, int64_t ordinal_day);
int64_t DaysFromQuarter(int64_t year, int64_t quarter, int64_t day_of_quarter);

// The ISO-8601 date forms openCypher's date() accepts, extended or basic:
// 2015-07-21 / 20150721, 2015-07 / 201507, 2015-W30-2 / 2015W302,
// 2015-W30 / 2015W30 (its Monday), 2015-202 / 2015202 (ordinal day), 2015.
// The year has four digits. InvalidArgument naming the text otherwise (the
// caller adds the function name and openCypher's detail name).
Result<int64_t> ParseIsoDateDays(std::string_view text);

}  // namespace copmap::query::runtime
