// Reading the component maps of date() / datetime() / *.truncate():
// {year, month, day}, {year, week, dayOfWeek}, {year, ordinalDay},
// {year, quarter, dayOfQuarter}, a base temporal under `date`, the time of
// day {hour, minute, second, millisecond, microsecond, nanosecond} and a
// `timezone` offset. Private to query/runtime.
//
// A date map names its day one way (calendar, week, ordinal or quarter
// form; mixing forms is an error). Components it leaves out come from the
// base day when there is one (`{date: d, day: 28}` is d's month, day 28;
// `{date: d, week: 2}` keeps d's week-based year and weekday), else they
// are the first of their kind (month 1, week 1, ...); without a base the
// map needs a `year`. Every component is range-checked.
//
// copmap's datetime is a UTC instant with microsecond precision (the store's
// value model, storage/value.h): a `timezone` offset is applied on reading,
// while named zones ('Europe/Stockholm') and nanoseconds that are not whole
// microseconds are NotSupported rather than silently rounded.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "storage/status.h"
#include "storage/value.h"

namespace copmap::query::runtime {

// The keys a map given to `function` may hold; any other key is an
// InvalidArgumentValue error naming it.
Status CheckTemporalKeys(const char* function, const Value& map,
                         std::span<const std::string_view> allowed);

// The day the map names. `base` is the day components default to (the
// `date` entry, when the map has one, wins over it).
Result<int64_t> DaysFromMap(const char* function, const Value& map,
                            std::optional<int64_t> base = std::nullopt);

// Microseconds since midnight the map names; components it leaves out come
// from `base_micros_of_day`.
Result<int64_t> TimeOfDayFromMap(const char* function, const Value& map,
                                 int64_t base_micros_of_day = 0);

// The `timezone` entry as an offset east of UTC in seconds (0 without one).
Result<int64_t> OffsetFromMap(const char* function, const Value& map);

// The UTC day of a date or datetime; TypeError for anything else.
Result<int64_t> DaysOf(const char* function, const Value& temporal);

}  // namespace copmap::query::runtime
