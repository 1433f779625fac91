// Aggregation accumulators: count(*), count, collect, sum, avg, min, max,
// percentileCont, percentileDisc, stDev, stDevP, each optionally DISTINCT.
//
// One Aggregator accumulates one group: the executor calls Add once per row
// of the group with the evaluated argument, then Finish once. Nulls are
// ignored by every aggregate (count(*) counts rows, whatever they hold).
// DISTINCT drops values Equivalent (compare.h) to one seen before, so 1 and
// 1.0 count once. Results over no (non-null) values: count 0, collect [],
// sum 0, stDev/stDevP 0.0, avg/min/max/percentiles null.
//
// Not thread-safe: one Aggregator belongs to one group of one query.
#pragma once

#include <memory>
#include <string_view>

#include "storage/status.h"
#include "storage/value.h"

namespace copmap::query::runtime {

class Aggregator {
 public:
  virtual ~Aggregator() = default;
  // Adds one row's argument. Errors: TypeError for a value the aggregate
  // cannot use (sum('a')), InvalidArgument "ArithmeticError: ..." when an
  // integer sum overflows.
  virtual Status Add(const Value& value) = 0;
  // For the two-argument aggregates (percentileCont, percentileDisc): the
  // value and the percentile evaluated on the same row. The percentile must
  // be a number in [0, 1] (else InvalidArgument "NumberOutOfRange: ...").
  // One-argument aggregates reject this call with an Internal error.
  virtual Status Add(const Value& value, const Value& parameter);
  // The aggregate's value. Call once, after the last Add.
  virtual Result<Value> Finish() = 0;
};

// True when `name` (any case) names an aggregate function; count(*) is
// "count" with star = true at MakeAggregator.
bool IsAggregateFunction(std::string_view name);
// 2 for percentileCont/percentileDisc, else 1.
int AggregateArity(std::string_view name);

// A fresh accumulator. `star` is only valid with count. Unknown names are
// SyntaxError "UnknownFunction: ..."; DISTINCT with count(*) is a
// SyntaxError too.
Result<std::unique_ptr<Aggregator>> MakeAggregator(std::string_view name, bool distinct,
                                                   bool star = false);

}  // namespace copmap::query::runtime
