// List and map access: `x[i]`, `x['key']`, `list[a..b]`, and range().
#pragma once

#include <optional>
#include <string_view>

#include "storage/status.h"
#include "storage/value.h"

namespace copmap::query::runtime {

// `container[index]`.
//  - list[int]: 0-based; negative counts from the end (-1 is the last);
//    out of range is null.
//  - map[string], node[string], relationship[string]: the property or
//    entry, null when absent. A non-string key is a TypeError
//    "MapElementAccessByNonString: ...".
//  - a null container or a null index gives null.
//  - list[non-int] and any other container kind are TypeErrors
//    "InvalidArgumentType: ...".
Result<Value> Subscript(const Value& container, const Value& index);

// `x.key`: a map entry or a node's/relationship's property (null when
// absent), or a component of a date (year, month, day, dayOfWeek with
// 1 = Monday .. 7 = Sunday, ordinalDay, epochDays) or
// datetime (those plus hour, minute, second, millisecond, microsecond,
// epochSeconds, epochMillis). Null gives null; any other kind, or an unknown
// temporal component, is a TypeError "InvalidArgumentType: ...".
Result<Value> PropertyOf(const Value& container, std::string_view key);

// `list[from..to]`: elements from `from` (inclusive) to `to` (exclusive),
// negative bounds counting from the end, bounds clamped to the list, an
// empty list when from >= to. An omitted bound (nullopt) is the start or
// the end; a bound given as null makes the result null, as does a null
// list. Non-list containers and non-integer bounds are TypeErrors.
Result<Value> Slice(const Value& list, const std::optional<Value>& from,
                    const std::optional<Value>& to);

// range(start, end[, step]): the integers from start to end inclusive in
// steps of step (default 1); empty when the direction and the step's sign
// disagree. step 0 is InvalidArgument "NumberOutOfRange: ..."; non-integer
// arguments (null included) are InvalidArgument "InvalidArgumentType: ..."
// (openCypher's ArgumentError). The result is limited to `max_elements`
// (ResourceExhausted beyond it) so that range(0, 10^15) cannot exhaust memory.
Result<Value> Range(const Value& start, const Value& end, const Value& step,
                    uint64_t max_elements = 100'000'000);

}  // namespace copmap::query::runtime
