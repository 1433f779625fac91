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

  Result<OpPtr> PlanQuery(const BoundSingleQuery& q);
  OpPtr PlanProjection(OpPtr op, const BoundProjection& p);
  // plan_match.cc
  Result<OpPtr> PlanMatch(OpPtr op, const BoundMatch& m);

 private:
  struct Pending {
    const BoundExpression* expression;
    std::set<int> slots;
    bool placed = false;
  };
  OpPtr PlaceFilters(OpPtr op, std::vector<Pending>* pending);
  OpPtr PlanStart(OpPtr op, const BoundNode& node, std::vector<Pending>* pending);
  double StartCost(const BoundNode& node, const std::vector<Pending>& pending);
  OpPtr PlanStep(OpPtr op, const BoundPatternPart& part, size_t rel_index, bool forward,
                 std::vector<int>* rels_here);
  OpPtr NodeFilter(OpPtr op, const BoundNode& node, const std::string& scanned_label);

  storage::Transaction& txn_;
  const BoundSingleQuery* query_ = nullptr;
  std::set<int> bound_;  // slots bound at the current point of the plan
};

}  // namespace copmap::query
