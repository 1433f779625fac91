// Physical operators: pull-based. Next() fills `row` with the next output
// row and returns true, or returns false at the end. Operators stream: only
// Aggregate, Sort, Distinct (its seen set), Eager and ProcedureCall hold
// more than a few rows.
#pragma once

#include <chrono>
#include <memory>
#include <vector>

#include "query/executor/exec_context.h"
#include "query/planner/logical_plan.h"

namespace copmap::query {

class Operator {
 public:
  Operator(const LogicalOperator& logical, ExecContext& ctx) : logical_(logical), ctx_(ctx) {}
  virtual ~Operator() = default;

  Result<bool> Next(Row& row) {
    if (!ctx_.profile) return NextRow(row);
    auto start = std::chrono::steady_clock::now();
    Result<bool> r = NextRow(row);
    elapsed_ += std::chrono::steady_clock::now() - start;
    if (r.ok() && *r) ++rows_;
    return r;
  }

  const LogicalOperator& logical() const { return logical_; }
  std::vector<std::unique_ptr<Operator>>& children() { return children_; }
  uint64_t rows() const { return rows_; }
  std::chrono::nanoseconds elapsed() const { return elapsed_; }

 protected:
  virtual Result<bool> NextRow(Row& row) = 0;
  Operator& input() { return *children_[0]; }

  const LogicalOperator& logical_;
  ExecContext& ctx_;
  std::vector<std::unique_ptr<Operator>> children_;

 private:
  uint64_t rows_ = 0;
  std::chrono::nanoseconds elapsed_{0};
};

using OperatorPtr = std::unique_ptr<Operator>;

// Factories, one per family (scan_ops.cc, expand_ops.cc, expand_count.cc, shortest_path.cc,
// row_ops.cc, aggregate_ops.cc, write_ops.cc). `num_slots` sizes fresh rows.
OperatorPtr MakeScanOperator(const LogicalOperator& op, ExecContext& ctx);
OperatorPtr MakeExpandOperator(const LogicalOperator& op, ExecContext& ctx);
OperatorPtr MakeExpandCountOperator(const LogicalOperator& op, ExecContext& ctx);
OperatorPtr MakeShortestPathOperator(const LogicalOperator& op, ExecContext& ctx);
OperatorPtr MakeRowOperator(const LogicalOperator& op, ExecContext& ctx, int num_slots);
OperatorPtr MakeAggregateOperator(const LogicalOperator& op, ExecContext& ctx, int num_slots);
OperatorPtr MakeWriteOperator(const LogicalOperator& op, ExecContext& ctx);

// Builds the operator tree of a plan.
Result<OperatorPtr> BuildOperators(const LogicalOperator& op, ExecContext& ctx, int num_slots);

// Argument: the outer row an Optional (or an expression subquery) feeds to
// its inner plan.
class ArgumentOperator;
void SetArgumentRow(Operator& argument, const Row& row);
// The first Argument in `op`'s tree (children in order), or null.
Operator* FindArgument(Operator& op);

}  // namespace copmap::query
