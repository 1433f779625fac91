// Planning a one-hop MATCH whose rows are only counted per group, e.g.
//   MATCH (p:Person)-[:MEMBER_OF]->(c:Community) RETURN c.name, count(*)
// as a scan of the group node followed by ExpandCount (the number of
// neighbours per group node: a degree count when the neighbour's labels are
// implied by the relationship type, see executor/label_facts.h) and an
// Aggregate that weights each row by that number. The rows of the expansion
// are never made.
#include <algorithm>

#include "query/planner/planner_impl.h"

namespace copmap::query {

namespace {

bool IsCountOf(const BoundAggregate& a, int other_slot, int rel_slot) {
  if (a.function != "count" || a.distinct || a.parameter) return false;
  if (a.star) return true;
  const BoundExpression& arg = *a.argument;
  // The neighbour and the relationship are never null in these rows.
  return (arg.kind == ExprKind::kEntity || arg.kind == ExprKind::kSlot) &&
         (arg.slot == other_slot || arg.slot == rel_slot);
}

bool Subset(const std::set<int>& slots, std::initializer_list<int> allowed) {
  return std::all_of(slots.begin(), slots.end(), [&](int s) {
    return std::find(allowed.begin(), allowed.end(), s) != allowed.end();
  });
}

}  // namespace

OpPtr Planner::PlanGroupCount(OpPtr& op, const BoundMatch& m, const BoundProjection& p) {
  if (m.optional || m.parts.size() != 1 || !p.aggregating) return nullptr;
  const BoundPatternPart& part = m.parts[0];
  if (part.shortest != ast::ShortestKind::kNone || part.path_slot >= 0 ||
      part.nodes.size() != 2 || part.rels.size() != 1) {
    return nullptr;
  }
  const BoundRel& rel = part.rels[0];
  if (rel.var_length || rel.bound_before || rel.types.size() != 1 || rel.left == rel.right ||
      !rel.properties.empty()) {
    return nullptr;
  }
  const BoundNode& a = part.nodes[0];
  const BoundNode& b = part.nodes[1];
  if (a.bound_before || b.bound_before || a.slot == b.slot) return nullptr;

  // The group node is the one the grouping keys read; the other must not be read.
  std::set<int> key_slots;
  for (const BoundProjectionItem& k : p.keys) CollectSlots(*k.expression, *query_, &key_slots);
  const bool keys_a = key_slots.count(a.slot) > 0, keys_b = key_slots.count(b.slot) > 0;
  if ((keys_a && keys_b) || key_slots.count(rel.slot)) return nullptr;
  std::vector<Pending> pending;
  for (const ExprPtr& e : m.predicates) {
    Pending entry{e.get(), {}, false};
    CollectSlots(*e, *query_, &entry.slots);
    pending.push_back(std::move(entry));
  }
  bool group_is_a = keys_a;
  if (!keys_a && !keys_b) group_is_a = StartCost(a, pending) <= StartCost(b, pending);
  const BoundNode& group = group_is_a ? a : b;
  const BoundNode& other = group_is_a ? b : a;
  if (!other.properties.empty()) return nullptr;
  for (const BoundAggregate& agg : p.aggregates) {
    if (!IsCountOf(agg, other.slot, rel.slot)) return nullptr;
  }
  // Predicates may read the group node (filtered before counting) or the
  // relationship (checked per relationship while counting), not both.
  for (const Pending& e : pending) {
    if (!Subset(e.slots, {group.slot}) && !Subset(e.slots, {rel.slot})) return nullptr;
  }

  OpPtr plan = PlaceFilters(PlanStart(std::move(op), group, &pending), &pending);
  OpPtr count = MakeOp(LogicalOpKind::kExpandCount, std::move(plan));
  count->rel = &rel;
  count->node = &other;
  count->from_slot = group.slot;
  count->to_slot = other.slot;
  count->from_left = group_is_a;
  for (Pending& e : pending) {
    if (e.placed) continue;
    count->predicates.push_back(e.expression);
    e.placed = true;
  }
  bound_.insert(other.slot);
  bound_.insert(rel.slot);
  weight_slot_ = rel.slot;
  return count;
}

}  // namespace copmap::query
