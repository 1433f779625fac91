// Planning MATCH: where each pattern part starts, the order of expansion,
// and where each predicate runs.
#include <algorithm>
#include <limits>

#include "query/planner/planner_impl.h"
#include "query/parser/ast.h"

namespace copmap::query {

namespace {

using ast::BinaryOp;

// When `e` is `node.key op other` (or flipped) with `other` readable from
// `bound`, returns the key, the other side and the operator as seen with
// the property on the left.
struct PropertyComparison {
  std::string key;
  const BoundExpression* other = nullptr;
  BinaryOp op = BinaryOp::kEq;
};

BinaryOp Flip(BinaryOp op) {
  switch (op) {
    case BinaryOp::kLt: return BinaryOp::kGt;
    case BinaryOp::kLe: return BinaryOp::kGe;
    case BinaryOp::kGt: return BinaryOp::kLt;
    case BinaryOp::kGe: return BinaryOp::kLe;
    default: return op;
  }
}

bool IsPropertyOf(const BoundExpression& e, int slot) {
  return e.kind == ExprKind::kProperty && e.children[0] &&
         (e.children[0]->kind == ExprKind::kEntity || e.children[0]->kind == ExprKind::kSlot) &&
         e.children[0]->slot == slot && e.children[0]->var_kind == VarKind::kNode;
}

std::optional<PropertyComparison> MatchComparison(const BoundExpression& e, int slot,
                                                  const std::set<int>& bound,
                                                  const BoundSingleQuery& q) {
  if (e.kind != ExprKind::kCompare) return std::nullopt;
  const BinaryOp op = static_cast<BinaryOp>(e.op);
  if (op == BinaryOp::kNe) return std::nullopt;
  for (int side = 0; side < 2; ++side) {
    const BoundExpression& prop = *e.children[side];
    const BoundExpression& other = *e.children[1 - side];
    if (!IsPropertyOf(prop, slot)) continue;
    std::set<int> used;
    CollectSlots(other, q, &used);
    bool ready = std::all_of(used.begin(), used.end(),
                             [&](int s) { return s != slot && bound.count(s); });
    if (!ready) continue;
    return PropertyComparison{prop.name, &other, side == 0 ? op : Flip(op)};
  }
  return std::nullopt;
}

}  // namespace

OpPtr Planner::PlaceFilters(OpPtr op, std::vector<Pending>* pending) {
  OpPtr filter;
  for (Pending& p : *pending) {
    if (p.placed) continue;
    bool ready = std::all_of(p.slots.begin(), p.slots.end(),
                             [&](int s) { return bound_.count(s) > 0; });
    if (!ready) continue;
    if (!filter) filter = MakeOp(LogicalOpKind::kFilter, nullptr);
    filter->predicates.push_back(p.expression);
    p.placed = true;
  }
  if (!filter) return op;
  filter->children.push_back(std::move(op));
  return filter;
}

OpPtr Planner::NodeFilter(OpPtr op, const BoundNode& node, const std::string& scanned_label,
                          const BoundRel* arrived_over, bool forward) {
  const bool more_labels =
      node.labels.size() > 1 || (node.labels.size() == 1 && node.labels[0] != scanned_label);
  if (!more_labels && node.properties.empty()) return op;
  op = MakeOp(LogicalOpKind::kNodeFilter, std::move(op));
  op->node = &node;
  op->to_slot = node.slot;
  // Every row reaching the filter came over an existing `arrived_over`
  // relationship (Expand, ExpandInto and VarExpand emit nothing else).
  if (arrived_over) {
    op->rel = arrived_over;
    op->from_left = forward;
  }
  return op;
}

double Planner::StartCost(const BoundNode& node, const std::vector<Pending>& pending) {
  if (bound_.count(node.slot)) return -1;
  double best = std::numeric_limits<double>::max();
  for (const std::string& label : node.labels) {
    std::optional<storage::LabelId> lid = txn_.FindLabel(label);
    if (!lid) return 0;  // no node has it
    for (const Pending& p : pending) {
      if (p.placed) continue;
      auto cmp = MatchComparison(*p.expression, node.slot, bound_, *query_);
      if (!cmp) continue;
      std::optional<storage::PropKeyId> pid = txn_.FindPropKey(cmp->key);
      if (pid && txn_.FindIndex(*lid, *pid)) best = std::min(best, cmp->op == BinaryOp::kEq ? 1.0 : 100.0);
    }
    for (const auto& [key, value] : node.properties) {
      std::optional<storage::PropKeyId> pid = txn_.FindPropKey(key);
      if (!key.empty() && pid && txn_.FindIndex(*lid, *pid)) best = std::min(best, 1.0);
    }
    auto count = txn_.CountNodes(*lid);
    if (count.ok()) best = std::min(best, static_cast<double>(*count) + 2);
  }
  if (node.labels.empty()) {
    auto count = txn_.CountNodes(std::nullopt);
    best = count.ok() ? static_cast<double>(*count) * 2 + 3 : best;
  }
  return best;
}

OpPtr Planner::PlanStart(OpPtr op, const BoundNode& node, std::vector<Pending>* pending) {
  if (bound_.count(node.slot)) return NodeFilter(std::move(op), node, "");
  OpPtr scan;
  // An index seek on an equality, then an index range, then the smallest label.
  for (const std::string& label : node.labels) {
    std::optional<storage::LabelId> lid = txn_.FindLabel(label);
    if (!lid) break;
    for (const auto& [key, value] : node.properties) {
      std::optional<storage::PropKeyId> pid = txn_.FindPropKey(key);
      if (key.empty() || !pid || !txn_.FindIndex(*lid, *pid)) continue;
      scan = MakeOp(LogicalOpKind::kIndexSeek, nullptr);
      scan->label = label;
      scan->property = key;
      scan->expressions.push_back(value.get());
      break;
    }
    for (Pending& p : *pending) {
      if (scan) break;
      if (p.placed) continue;
      auto cmp = MatchComparison(*p.expression, node.slot, bound_, *query_);
      if (!cmp) continue;
      std::optional<storage::PropKeyId> pid = txn_.FindPropKey(cmp->key);
      if (!pid || !txn_.FindIndex(*lid, *pid)) continue;
      if (cmp->op == BinaryOp::kEq) {
        scan = MakeOp(LogicalOpKind::kIndexSeek, nullptr);
        scan->expressions.push_back(cmp->other);
      } else {
        scan = MakeOp(LogicalOpKind::kIndexRange, nullptr);
        const bool lower = cmp->op == BinaryOp::kGt || cmp->op == BinaryOp::kGe;
        scan->expressions = {lower ? cmp->other : nullptr, lower ? nullptr : cmp->other};
        (lower ? scan->has_lower : scan->has_upper) = true;
        (lower ? scan->lower_inclusive : scan->upper_inclusive) =
            cmp->op == BinaryOp::kGe || cmp->op == BinaryOp::kLe;
      }
      scan->label = label;
      scan->property = cmp->key;
    }
    if (scan) break;
  }
  if (!scan) {
    scan = MakeOp(LogicalOpKind::kNodeScan, nullptr);
    double best = std::numeric_limits<double>::max();
    for (const std::string& label : node.labels) {
      std::optional<storage::LabelId> lid = txn_.FindLabel(label);
      double count = 0;
      if (lid) {
        auto c = txn_.CountNodes(*lid);
        count = c.ok() ? static_cast<double>(*c) : 0;
      }
      if (count < best) {
        best = count;
        scan->label = label;
      }
    }
  }
  scan->to_slot = node.slot;
  scan->children.push_back(std::move(op));
  bound_.insert(node.slot);
  // Predicates stay as filters even when an index answered them: the index
  // compares stored values, the filter applies the language's equality.
  const std::string scanned = scan->kind == LogicalOpKind::kNodeScan ? scan->label : "";
  return NodeFilter(std::move(scan), node, scanned);
}

OpPtr Planner::PlanStep(OpPtr op, const BoundPatternPart& part, size_t i, bool forward,
                        std::vector<int>* rels_here, std::vector<Pending>* pending) {
  const BoundRel& rel = part.rels[i];
  const BoundNode& from = forward ? part.nodes[i] : part.nodes[i + 1];
  const BoundNode& to = forward ? part.nodes[i + 1] : part.nodes[i];
  const bool into = bound_.count(to.slot) > 0;
  OpPtr step = MakeOp(rel.var_length ? LogicalOpKind::kVarExpand
                                     : into ? LogicalOpKind::kExpandInto : LogicalOpKind::kExpand,
                      std::move(op));
  step->rel = &rel;
  step->from_slot = from.slot;
  step->to_slot = to.slot;
  step->from_left = forward;
  step->into = into;
  step->emit_rels = !rel.name.empty() || part.path_slot >= 0;
  step->distinct_from = *rels_here;
  if (!rel.var_length) rels_here->push_back(rel.slot);
  bound_.insert(rel.slot);
  if (!into) step = PlaceFilters(std::move(step), pending);
  bound_.insert(to.slot);
  return NodeFilter(std::move(step), to, "", &rel, forward);
}

Result<OpPtr> Planner::PlanMatch(OpPtr op, const BoundMatch& m) {
  OpPtr outer;
  std::set<int> outer_bound = bound_;
  if (m.optional) {
    outer = std::move(op);
    op = MakeOp(LogicalOpKind::kArgument, nullptr);
  }
  std::vector<Pending> pending;
  for (const ExprPtr& p : m.predicates) {
    Pending entry{p.get(), {}, false};
    CollectSlots(*p, *query_, &entry.slots);
    pending.push_back(std::move(entry));
  }
  std::vector<int> rels_here;
  for (const BoundPatternPart& part : m.parts) {
    if (part.shortest != ast::ShortestKind::kNone) {
      op = PlaceFilters(PlanStart(std::move(op), part.nodes[0], &pending), &pending);
      op = PlaceFilters(PlanStart(std::move(op), part.nodes[1], &pending), &pending);
      op = MakeOp(LogicalOpKind::kShortestPath, std::move(op));
      op->part = &part;
      op->rel = &part.rels[0];
      op->from_slot = part.nodes[0].slot;
      op->to_slot = part.nodes[1].slot;
      bound_.insert(part.rels[0].slot);
      if (part.path_slot >= 0) bound_.insert(part.path_slot);
      op = PlaceFilters(std::move(op), &pending);
      continue;
    }
    size_t start = 0;
    double best = std::numeric_limits<double>::max();
    for (size_t k = 0; k < part.nodes.size(); ++k) {
      double cost = StartCost(part.nodes[k], pending);
      if (cost < best) {
        best = cost;
        start = k;
      }
    }
    op = PlaceFilters(PlanStart(std::move(op), part.nodes[start], &pending), &pending);
    for (size_t i = start; i + 1 < part.nodes.size(); ++i) {
      op = PlaceFilters(PlanStep(std::move(op), part, i, true, &rels_here, &pending), &pending);
    }
    for (size_t i = start; i-- > 0;) {
      op = PlaceFilters(PlanStep(std::move(op), part, i, false, &rels_here, &pending), &pending);
    }
    if (part.path_slot >= 0) {
      op = MakeOp(LogicalOpKind::kBuildPath, std::move(op));
      op->part = &part;
      bound_.insert(part.path_slot);
      op = PlaceFilters(std::move(op), &pending);
    }
  }
  for (Pending& p : pending) {
    if (!p.placed) p.slots.clear();  // cannot happen after binding; run them last
  }
  op = PlaceFilters(std::move(op), &pending);
  if (m.optional) {
    OpPtr optional = MakeOp(LogicalOpKind::kOptional, std::move(outer));
    optional->children.push_back(std::move(op));
    optional->slots = m.new_slots;
    return optional;
  }
  return op;
}

}  // namespace copmap::query
