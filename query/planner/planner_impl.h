// The planner's state. Private to query/planner/.
#pragma once

#include <memory>
#include <set>

#include "query/planner/logical_plan.h"
#include "storage/graph_store.h"

namespace copmap::query {

using OpPtr = std::unique_ptr<LogicalOperator>;

OpPtr MakeOp(LogicalOpKind kind, OpPtr input);
// The slots an expression reads (outer variables of pattern predicates
// included; variables local to comprehensions excluded).
void CollectSlots(const BoundExpression& e, const BoundSingleQuery& q, std::set<int>* out);

class Planner {
 public:
  explicit Planner(storage::Transaction& txn) : txn_(txn) {}

  // `subquery`: q is one of BoundSingleQuery::subqueries, planned from an
  // Argument holding the outer row.
  Result<OpPtr> PlanQuery(const BoundSingleQuery& q, bool subquery = false);
  OpPtr PlanProjection(OpPtr op, const BoundProjection& p);
  // plan_match.cc
  Result<OpPtr> PlanMatch(OpPtr op, const BoundMatch& m);
  // plan_count.cc: `m` planned as counts per group node for the aggregating
  // projection `p` that follows it; null (and `op` untouched) when it does
  // not fit.
  OpPtr PlanGroupCount(OpPtr& op, const BoundMatch& m, const BoundProjection& p);

 private:
  struct Pending {
    const BoundExpression* expression;
    std::set<int> slots;
    bool placed = false;
  };
  OpPtr PlaceFilters(OpPtr op, std::vector<Pending>* pending);
  OpPtr PlanStart(OpPtr op, const BoundNode& node, std::vector<Pending>* pending);
  double StartCost(const BoundNode& node, const std::vector<Pending>& pending);
  // Predicates that become ready with the relationship alone (e.level >= 3)
  // are placed before the new node's label check, which may cost a record read.
  OpPtr PlanStep(OpPtr op, const BoundPatternPart& part, size_t rel_index, bool forward,
                 std::vector<int>* rels_here, std::vector<Pending>* pending);
  // `arrived_over`: the relationship the node is reached over (the executor
  // may know its label from the relationship type, see label_facts.h).
  OpPtr NodeFilter(OpPtr op, const BoundNode& node, const std::string& scanned_label,
                   const BoundRel* arrived_over = nullptr, bool forward = true);

  storage::Transaction& txn_;
  const BoundSingleQuery* query_ = nullptr;
  std::set<int> bound_;  // slots bound at the current point of the plan
  int weight_slot_ = -1;  // set by PlanGroupCount for the next Aggregate
};

}  // namespace copmap::query
