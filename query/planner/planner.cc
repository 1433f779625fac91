// Plan(): turns each clause into operators. MATCH planning is in
// plan_match.cc.
#include "query/planner/planner.h"

#include "query/planner/planner_impl.h"

namespace copmap::query {

OpPtr MakeOp(LogicalOpKind kind, OpPtr input) {
  auto op = std::make_unique<LogicalOperator>();
  op->kind = kind;
  if (input) op->children.push_back(std::move(input));
  return op;
}

void CollectSlots(const BoundExpression& e, const BoundSingleQuery& q, std::set<int>* out) {
  if (e.kind == ExprKind::kSlot || e.kind == ExprKind::kEntity) out->insert(e.slot);
  if (e.kind == ExprKind::kPatternPredicate) {
    const BoundPatternPart& part = q.predicate_patterns[e.pattern_index];
    for (const BoundNode& n : part.nodes) {
      if (n.bound_before) out->insert(n.slot);
    }
    for (const BoundRel& r : part.rels) {
      if (r.bound_before) out->insert(r.slot);
    }
  }
  for (const ExprPtr& c : e.children) {
    if (c) CollectSlots(*c, q, out);
  }
  if (e.kind == ExprKind::kExistsSubquery || e.kind == ExprKind::kPatternComprehension) {
    const std::vector<int>& reads = q.subqueries[e.pattern_index].outer_slots;
    out->insert(reads.begin(), reads.end());
  }
  if (e.kind == ExprKind::kListComprehension || e.kind == ExprKind::kQuantifier) {
    out->erase(e.slot);
  }
}

OpPtr Planner::PlanProjection(OpPtr op, const BoundProjection& p) {
  if (p.aggregating) {
    op = MakeOp(LogicalOpKind::kAggregate, std::move(op));
    op->projection = &p;
    op->weight_slot = weight_slot_;
    weight_slot_ = -1;
    if (!p.items.empty()) {
      op = MakeOp(LogicalOpKind::kProject, std::move(op));
      op->projection = &p;
    }
  } else {
    op = MakeOp(LogicalOpKind::kProject, std::move(op));
    op->projection = &p;
  }
  if (p.distinct) {
    op = MakeOp(LogicalOpKind::kDistinct, std::move(op));
    for (const BoundProjectionItem& k : p.keys) op->slots.push_back(k.slot);
    for (const BoundProjectionItem& i : p.items) op->slots.push_back(i.slot);
  }
  if (!p.order_by.empty()) {
    op = MakeOp(LogicalOpKind::kSort, std::move(op));
    op->projection = &p;
  }
  if (p.skip) {
    op = MakeOp(LogicalOpKind::kSkip, std::move(op));
    op->expressions.push_back(p.skip.get());
  }
  if (p.limit) {
    op = MakeOp(LogicalOpKind::kLimit, std::move(op));
    op->expressions.push_back(p.limit.get());
  }
  if (p.where) {
    op = MakeOp(LogicalOpKind::kFilter, std::move(op));
    op->predicates.push_back(p.where.get());
  }
  return op;
}

Result<OpPtr> Planner::PlanQuery(const BoundSingleQuery& q, bool subquery) {
  query_ = &q;
  bound_.clear();
  OpPtr op = MakeOp(subquery ? LogicalOpKind::kArgument : LogicalOpKind::kOnce, nullptr);
  if (subquery) bound_.insert(q.outer_slots.begin(), q.outer_slots.end());
  bool read_before = false;
  for (size_t ci = 0; ci < q.clauses.size(); ++ci) {
    const BoundClause& c = q.clauses[ci];
    const bool is_write = c.kind == BoundClause::Kind::kCreate ||
                          c.kind == BoundClause::Kind::kMerge ||
                          c.kind == BoundClause::Kind::kSet ||
                          c.kind == BoundClause::Kind::kRemove ||
                          c.kind == BoundClause::Kind::kDelete;
    if (is_write && read_before) {
      op = MakeOp(LogicalOpKind::kEager, std::move(op));
      read_before = false;
    }
    switch (c.kind) {
      case BoundClause::Kind::kMatch: {
        const BoundClause* next = ci + 1 < q.clauses.size() ? &q.clauses[ci + 1] : nullptr;
        if (next && next->kind == BoundClause::Kind::kProjection) {
          if (OpPtr counted = PlanGroupCount(op, c.match, next->projection)) {
            op = std::move(counted);
            read_before = true;
            break;
          }
        }
        COPMAP_ASSIGN_OR_RETURN(op, PlanMatch(std::move(op), c.match));
        read_before = true;
        break;
      }
      case BoundClause::Kind::kUnwind:
        op = MakeOp(LogicalOpKind::kUnwind, std::move(op));
        op->clause = &c;
        bound_.insert(c.unwind.slot);
        break;
      case BoundClause::Kind::kProjection:
        op = PlanProjection(std::move(op), c.projection);
        for (const BoundProjectionItem& k : c.projection.keys) bound_.insert(k.slot);
        for (const BoundProjectionItem& i : c.projection.items) bound_.insert(i.slot);
        break;
      case BoundClause::Kind::kCreate:
        op = MakeOp(LogicalOpKind::kCreate, std::move(op));
        op->clause = &c;
        for (const BoundPatternPart& part : c.create.parts) {
          for (const BoundNode& n : part.nodes) bound_.insert(n.slot);
          for (const BoundRel& r : part.rels) bound_.insert(r.slot);
        }
        break;
      case BoundClause::Kind::kMerge:
        op = MakeOp(LogicalOpKind::kMerge, std::move(op));
        op->clause = &c;
        for (int s : c.merge.new_slots) bound_.insert(s);
        read_before = true;
        break;
      case BoundClause::Kind::kSet:
        op = MakeOp(LogicalOpKind::kSet, std::move(op));
        op->clause = &c;
        break;
      case BoundClause::Kind::kRemove:
        op = MakeOp(LogicalOpKind::kRemove, std::move(op));
        op->clause = &c;
        break;
      case BoundClause::Kind::kDelete:
        op = MakeOp(LogicalOpKind::kDelete, std::move(op));
        op->clause = &c;
        break;
      case BoundClause::Kind::kCall:
        op = MakeOp(LogicalOpKind::kCall, std::move(op));
        op->clause = &c;
        for (const auto& [field, slot] : c.call.yields) bound_.insert(slot);
        if (c.call.where) {
          op = MakeOp(LogicalOpKind::kFilter, std::move(op));
          op->predicates.push_back(c.call.where.get());
        }
        read_before = true;
        break;
    }
  }
  op = MakeOp(LogicalOpKind::kProduceResults, std::move(op));
  op->slots = q.column_slots;
  op->query = &q;
  return op;
}

namespace {

Status PlanSubqueries(Planner& planner, const BoundSingleQuery& q, LogicalPlan* plan) {
  for (const BoundSingleQuery& sub : q.subqueries) {
    COPMAP_ASSIGN_OR_RETURN(OpPtr root, planner.PlanQuery(sub, /*subquery=*/true));
    plan->subqueries.emplace_back(&sub, std::move(root));
    COPMAP_RETURN_IF_ERROR(PlanSubqueries(planner, sub, plan));
  }
  return Status::OK();
}

}  // namespace

Result<LogicalPlan> Plan(std::unique_ptr<BoundStatement> bound, storage::Transaction& txn) {
  LogicalPlan plan;
  Planner planner(txn);
  if (bound->queries.size() == 1) {
    COPMAP_ASSIGN_OR_RETURN(plan.root, planner.PlanQuery(bound->queries[0]));
  } else {
    plan.root = MakeOp(LogicalOpKind::kUnion, nullptr);
    plan.root->union_all = bound->union_all;
    for (const BoundSingleQuery& q : bound->queries) {
      COPMAP_ASSIGN_OR_RETURN(OpPtr part, planner.PlanQuery(q));
      plan.root->children.push_back(std::move(part));
    }
  }
  for (const BoundSingleQuery& q : bound->queries) {
    COPMAP_RETURN_IF_ERROR(PlanSubqueries(planner, q, &plan));
  }
  if (!bound->queries.empty()) {
    plan.columns = bound->queries[0].columns;
    for (const BoundSingleQuery& q : bound->queries) {
      plan.num_slots = std::max(plan.num_slots, q.num_slots);
    }
  }
  plan.writes = bound->writes;
  plan.bound = std::move(bound);
  return plan;
}

}  // namespace copmap::query
