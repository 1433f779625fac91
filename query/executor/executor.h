// Execute: the last stage of the query pipeline. Runs a LogicalPlan's
// physical operators in the caller's transaction and streams the result
// rows to a sink.
#pragma once

#include <string>

#include "query/engine.h"
#include "query/executor/exec_context.h"
#include "query/planner/logical_plan.h"

namespace copmap::query {

struct ExecuteResult {
  uint64_t rows = 0;
  std::string profile;  // the plan with rows and time per operator, when ctx.profile
};

// Sends the header, then each row. More than `max_rows` rows is
// ResourceExhausted (0: no limit).
Result<ExecuteResult> Execute(const LogicalPlan& plan, ExecContext& ctx, RowSink& sink,
                              uint64_t max_rows);

}  // namespace copmap::query
