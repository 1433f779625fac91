#include "query/executor/executor.h"

#include <cstdio>

#include "query/executor/operator.h"

namespace copmap::query {

namespace {

void Profile(Operator& op, int depth, std::string* out) {
  char buf[96];
  std::snprintf(buf, sizeof(buf), "  [rows=%llu, time=%.3f ms]",
                static_cast<unsigned long long>(op.rows()),
                std::chrono::duration<double, std::milli>(op.elapsed()).count());
  out->append(static_cast<size_t>(depth) * 2, ' ');
  out->append(op.logical().Describe());
  out->append(buf);
  out->push_back('\n');
  for (auto& c : op.children()) Profile(*c, depth + 1, out);
}

}  // namespace

Result<ExecuteResult> Execute(const LogicalPlan& plan, ExecContext& ctx, RowSink& sink,
                              uint64_t max_rows) {
  ExecuteResult result;
  ctx.plan = &plan;
  COPMAP_ASSIGN_OR_RETURN(OperatorPtr root, BuildOperators(*plan.root, ctx, plan.num_slots));
  COPMAP_RETURN_IF_ERROR(sink.OnHeader(plan.columns));
  Row row;
  while (true) {
    COPMAP_ASSIGN_OR_RETURN(bool more, root->Next(row));
    if (!more) break;
    COPMAP_RETURN_IF_ERROR(ctx.CheckInterrupt());
    if (plan.columns.empty()) continue;  // an update without RETURN
    if (max_rows != 0 && result.rows >= max_rows) {
      return Status::ResourceExhausted("the query returned more than " +
                                       std::to_string(max_rows) + " rows (max_rows)");
    }
    ++result.rows;
    COPMAP_RETURN_IF_ERROR(sink.OnRow(row));
  }
  if (ctx.profile) Profile(*root, 0, &result.profile);
  return result;
}

}  // namespace copmap::query
