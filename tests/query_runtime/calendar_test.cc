// ISO-8601 calendar arithmetic (query/runtime/calendar.h) at the edges of
// week-based years, checked against dates whose ISO week is well known.
#include "query/runtime/calendar.h"

#include <gtest/gtest.h>

#include "storage/value.h"

namespace copmap::query::runtime {
namespace {

int64_t Day(int64_t y, unsigned m, unsigned d) { return DaysFromCivil(y, m, d); }

TEST(CalendarTest, IsoWeeksAtYearEdges) {
  // 2020 has 53 weeks: 2021-01-03 (a Sunday) is day 7 of week 53 of 2020.
  EXPECT_EQ(IsoWeeksInYear(2020), 53);
  EXPECT_EQ(IsoWeekYear(Day(2021, 1, 3)), 2020);
  EXPECT_EQ(IsoWeek(Day(2021, 1, 3)), 53);
  EXPECT_EQ(IsoWeekday(Day(2021, 1, 3)), 7);
  // 2019-12-30 (a Monday) already starts week 1 of 2020.
  EXPECT_EQ(IsoWeekYear(Day(2019, 12, 30)), 2020);
  EXPECT_EQ(IsoWeek(Day(2019, 12, 30)), 1);
  EXPECT_EQ(DaysFromIsoWeek(2020, 1, 1), Day(2019, 12, 30));
  EXPECT_EQ(IsoWeeksInYear(2021), 52);
  EXPECT_EQ(IsoWeeksInYear(2015), 53);  // 2015 began on a Thursday
  // Before the epoch too.
  EXPECT_EQ(DaysFromIsoWeek(1817, 1, 1), Day(1816, 12, 30));
  EXPECT_EQ(IsoWeekday(Day(1969, 12, 31)), 3);
}

TEST(CalendarTest, QuartersAndOrdinalDays) {
  EXPECT_EQ(Quarter(Day(1984, 11, 11)), 4);
  EXPECT_EQ(DayOfQuarter(Day(1984, 11, 11)), 42);
  EXPECT_EQ(DaysInQuarter(2024, 1), 91);
  EXPECT_EQ(DaysInQuarter(2023, 1), 90);
  EXPECT_EQ(OrdinalDay(Day(2024, 12, 31)), 366);
  EXPECT_EQ(DaysFromOrdinal(1984, 202), Day(1984, 7, 20));
  EXPECT_EQ(DaysFromQuarter(1984, 3, 45), Day(1984, 8, 14));
}

TEST(CalendarTest, DateTextForms) {
  const int64_t want = Day(2015, 7, 21);
  for (const char* text : {"2015-07-21", "20150721", "2015-W30-2", "2015W302", "2015-202",
                           "2015202"}) {
    Result<int64_t> days = ParseIsoDateDays(text);
    ASSERT_TRUE(days.ok()) << text << ": " << days.status().ToString();
    EXPECT_EQ(*days, want) << text;
  }
  EXPECT_EQ(*ParseIsoDateDays("2015-W30"), Day(2015, 7, 20));
  EXPECT_EQ(*ParseIsoDateDays("201507"), Day(2015, 7, 1));
  EXPECT_EQ(*ParseIsoDateDays("2015"), Day(2015, 1, 1));
  for (const char* bad : {"2015-0721", "201507-21", "2014-W53", "2015-W54", "2015-366", "2015-13", "15-07-21",
                          "2015-07-21x", ""}) {
    EXPECT_FALSE(ParseIsoDateDays(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace copmap::query::runtime
