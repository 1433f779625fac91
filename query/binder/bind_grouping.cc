// Expressions evaluated after a projection has grouped or deduplicated its
// rows: aggregating items (`me.age + count(*)`) and ORDER BY items after
// aggregation or DISTINCT. The rows they see hold only the projection's
// slots, so every use of a variable from before the projection must be one
// of the projection's own expressions, which is then read from its slot.
#include <algorithm>

#include "query/binder/binder_impl.h"

namespace copmap::query {

namespace {

bool IsVariable(const BoundExpression& e) {
  return e.kind == ExprKind::kSlot || e.kind == ExprKind::kEntity;
}

// openCypher lets an expression that also aggregates use a grouping key
// only when the key is a variable or a property of one.
// `n` or `n.a.b` as written, or "" for anything else.
std::string ExpressionText(const BoundExpression& e) {
  if (IsVariable(e)) return e.name;
  if (e.kind != ExprKind::kProperty || !e.children[0]) return "";
  const std::string base = ExpressionText(*e.children[0]);
  return base.empty() ? "" : base + "." + e.name;
}

bool IsSimpleKey(const BoundExpression& e) {
  if (IsVariable(e)) return true;
  return e.kind == ExprKind::kProperty && e.children.size() == 1 && IsVariable(*e.children[0]);
}

}  // namespace

bool SameExpression(const BoundExpression& a, const BoundExpression& b) {
  const bool variables = IsVariable(a) && IsVariable(b);
  if (a.kind != b.kind && !variables) return false;
  if (a.op != b.op || a.slot != b.slot || a.has_subject != b.has_subject ||
      a.has_else != b.has_else || a.has_where != b.has_where ||
      a.has_projection != b.has_projection || a.pattern_index != b.pattern_index ||
      a.function != b.function || a.children.size() != b.children.size()) {
    return false;
  }
  if (a.kind == ExprKind::kLiteral && !(a.value == b.value)) return false;
  if (!variables && (a.name != b.name || a.names != b.names)) return false;
  for (size_t i = 0; i < a.children.size(); ++i) {
    const BoundExpression* x = a.children[i].get();
    const BoundExpression* y = b.children[i].get();
    if ((x == nullptr) != (y == nullptr)) return false;
    if (x != nullptr && !SameExpression(*x, *y)) return false;
  }
  return true;
}

namespace {

bool SameOptional(const ExprPtr& a, const ExprPtr& b) {
  if (!a || !b) return !a && !b;
  return SameExpression(*a, *b);
}

// Where the aggregate whose result lands in `slot` was written.
const BoundExpression* FindSlot(const BoundExpression& e, int slot) {
  if (e.kind == ExprKind::kSlot && e.slot == slot) return &e;
  for (const ExprPtr& child : e.children) {
    if (!child) continue;
    if (const BoundExpression* found = FindSlot(*child, slot)) return found;
  }
  return nullptr;
}

void RenameSlot(BoundExpression* e, int from, int to) {
  if (e->kind == ExprKind::kSlot && e->slot == from) e->slot = to;
  for (ExprPtr& child : e->children) {
    if (child) RenameSlot(child.get(), from, to);
  }
}

}  // namespace

// Where an expression starts in the text: operators and property lookups
// carry their own position, so take the leftmost of the tree.
uint32_t StartOf(const BoundExpression& e) {
  uint32_t start = e.offset;
  for (const ExprPtr& child : e.children) {
    if (child) start = std::min(start, StartOf(*child));
  }
  return start;
}

Status Binder::ReuseProjectedAggregates(BoundExpression* e,
                                        std::vector<BoundAggregate>* aggregates,
                                        size_t projected) const {
  while (aggregates->size() > projected) {
    const BoundAggregate& extra = aggregates->back();
    const BoundAggregate* same = nullptr;
    for (size_t i = 0; i < projected && same == nullptr; ++i) {
      const BoundAggregate& a = (*aggregates)[i];
      if (a.function == extra.function && a.distinct == extra.distinct && a.star == extra.star &&
          SameOptional(a.argument, extra.argument) &&
          SameOptional(a.parameter, extra.parameter)) {
        same = &a;
      }
    }
    if (same == nullptr) {
      const BoundExpression* call = FindSlot(*e, extra.slot);
      const uint32_t offset = call != nullptr ? call->offset : StartOf(*e);
      return Error(offset, "UndefinedVariable",
                   "ORDER BY after aggregation can only use the aggregations that the "
                   "projection computes; add " + extra.function + "(...) to it");
    }
    RenameSlot(e, extra.slot, same->slot);
    aggregates->pop_back();
  }
  return Status::OK();
}

Status Binder::ReadGroupedSlots(ExprPtr* e, const GroupedProjection& g, bool aggregates,
                                const char* used_in) const {
  BoundExpression& expr = **e;
  for (const BoundProjectionItem& item : *g.projected) {
    if (!SameExpression(expr, *item.expression)) continue;
    if (aggregates && !IsSimpleKey(*item.expression)) {
      return Error(StartOf(expr), "AmbiguousAggregationExpression",
                   "An expression that aggregates may use a grouping key only when it is a "
                   "variable or a property of one; project `" + item.name +
                       "` under an alias and use the alias");
    }
    auto slot = std::make_unique<BoundExpression>();
    slot->kind = expr.kind == ExprKind::kEntity ? ExprKind::kEntity : ExprKind::kSlot;
    slot->offset = expr.offset;
    slot->slot = item.slot;
    slot->var_kind = item.expression->var_kind;
    slot->name = item.name;
    *e = std::move(slot);
    return Status::OK();
  }
  // The variable from before the projection that `expr` reads directly.
  const BoundExpression* hidden_variable = nullptr;
  if (IsVariable(expr) && g.hidden->count(expr.slot)) hidden_variable = &expr;
  const BoundExpression* base = &expr;
  while (base->kind == ExprKind::kProperty && base->children[0]) base = base->children[0].get();
  if (base != &expr && IsVariable(*base) && g.hidden->count(base->slot)) hidden_variable = base;
  bool uses_hidden = hidden_variable != nullptr;
  if (expr.kind == ExprKind::kPatternPredicate) {
    const BoundPatternPart& part = query_->predicate_patterns[expr.pattern_index];
    for (const BoundNode& n : part.nodes) uses_hidden |= n.bound_before && g.hidden->count(n.slot);
    for (const BoundRel& r : part.rels) uses_hidden |= r.bound_before && g.hidden->count(r.slot);
  }
  if (expr.kind == ExprKind::kExistsSubquery || expr.kind == ExprKind::kPatternComprehension) {
    for (int slot : query_->subqueries[expr.pattern_index].outer_slots) {
      uses_hidden |= g.hidden->count(slot) > 0;
    }
  }
  if (uses_hidden) {
    const std::string what =
        hidden_variable ? "Variable `" + hidden_variable->name + "`" : std::string("This pattern");
    if (used_in == nullptr) {
      return Error(StartOf(expr), "AmbiguousAggregationExpression",
                   what + " is used next to an aggregation but is not a grouping key");
    }
    std::string columns;
    for (const std::string& name : g.names) {
      columns += (columns.empty() ? "`" : ", `") + name + "`";
    }
    const std::string text = ExpressionText(expr);
    const std::string shown = text.empty() ? "it" : "`" + text + "`";
    const bool sorting = std::string_view(used_in) == "ORDER BY";
    return Error(StartOf(expr), "UndefinedVariable",
                 what + " is not in scope after the " +
                     (g.aggregating ? "aggregation" : "DISTINCT") + " in " + g.clause +
                     ": only " + columns + " can be used in " + used_in + ". Add " + shown +
                     " to " + g.clause + " under an alias and " +
                     (sorting ? "sort by" : "filter on") + " that" +
                     (std::string_view(g.clause) == "RETURN" ? ", or use WITH" : ""));
  }
  for (ExprPtr& child : expr.children) {
    if (child) COPMAP_RETURN_IF_ERROR(ReadGroupedSlots(&child, g, aggregates, used_in));
  }
  return Status::OK();
}

}  // namespace copmap::query
