// Plan: the third stage of the query pipeline. BoundStatement in,
// LogicalPlan out.
//
// Choices it makes, reading the store's catalog and counts through `txn`:
// where each pattern starts (an index seek for an equality or range
// predicate on an indexed (label, property), else the smallest label scan,
// else a scan of all nodes), the order of expansion from there, which
// predicates run where (each right after the operator that binds its last
// variable), and when writes need their input materialized first.
#pragma once

#include <memory>

#include "query/binder/bound_statement.h"
#include "query/planner/logical_plan.h"
#include "storage/graph_store.h"

namespace copmap::query {

Result<LogicalPlan> Plan(std::unique_ptr<BoundStatement> bound, storage::Transaction& txn);

}  // namespace copmap::query
