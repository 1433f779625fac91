// Binding WITH and RETURN: items, implicit grouping keys, aggregates,
// ORDER BY, SKIP, LIMIT and WITH ... WHERE.
#include <set>

#include "query/binder/binder_impl.h"

namespace copmap::query {

namespace {

struct PendingItem {
  ExprPtr expression;
  std::string name;
  bool aggregating = false;
  uint32_t offset = 0;
};

}  // namespace

Result<BoundProjection> Binder::BindProjection(const ast::ProjectionBody& body,
                                               const boost::optional<ast::Expression>& where,
                                               bool is_return, uint32_t offset,
                                               BoundSingleQuery* out) {
  BoundProjection p;
  p.is_return = is_return;
  p.distinct = body.distinct;
  std::vector<PendingItem> items;
  std::vector<BoundAggregate> aggregates;

  if (body.star) {
    if (scope_.empty()) {
      return Error(offset, "NoVariablesInScope",
                   std::string(is_return ? "RETURN" : "WITH") +
                       " * is not allowed when there are no variables in scope");
    }
    for (const auto& [name, info] : scope_) {
      NoteRead(info.slot);
      ExprPtr e = Node(ExprKind::kSlot, offset);
      e->slot = info.slot;
      e->var_kind = info.kind;
      items.push_back(PendingItem{std::move(e), name, false, offset});
    }
  }
  for (const ast::ProjectionItem& item : body.items) {
    const size_t before = aggregates.size();
    aggregates_ = &aggregates;
    auto bound = BindExpression(item.value.expression);
    aggregates_ = nullptr;
    if (!bound.ok()) return bound.status();
    ExprPtr e = std::move(bound).value();
    const bool bare_variable = e->kind == ExprKind::kSlot || e->kind == ExprKind::kEntity;
    if (!is_return && !item.alias && !(bare_variable && e->name == item.value.text)) {
      return Error(item.offset, "NoExpressionAlias",
                   "Expression in WITH must be aliased (use AS)");
    }
    // A bare pattern variable keeps its kind: copy the id, materialize later.
    if (e->kind == ExprKind::kEntity) e->kind = ExprKind::kSlot;
    items.push_back(PendingItem{std::move(e), item.alias ? item.alias->name : item.value.text,
                                aggregates.size() > before, item.offset});
  }
  std::set<std::string> names;
  for (const PendingItem& item : items) {
    if (!names.insert(item.name).second) {
      return Error(item.offset, "ColumnNameConflict",
                   "Multiple result columns with the same name `" + item.name +
                       "` are not supported");
    }
  }

  p.aggregating = !aggregates.empty();
  std::set<int> hidden;  // slots that grouping or DISTINCT leaves behind
  for (const auto& [name, info] : scope_) hidden.insert(info.slot);
  Scope new_scope;
  for (PendingItem& item : items) {
    BoundProjectionItem bound;
    bound.slot = NewSlot();
    bound.name = item.name;
    const VarKind kind = item.expression->kind == ExprKind::kSlot
                             ? item.expression->var_kind
                             : VarKind::kValue;
    new_scope[item.name] = VarInfo{bound.slot, kind};
    bound.expression = std::move(item.expression);
    if (p.aggregating && !item.aggregating) {
      p.keys.push_back(std::move(bound));
    } else {
      p.items.push_back(std::move(bound));
    }
  }
  p.aggregates = std::move(aggregates);
  GroupedProjection grouped_by{p.aggregating ? &p.keys : &p.items, &hidden,
                               is_return ? "RETURN" : "WITH", p.aggregating, {}};
  for (const PendingItem& item : items) grouped_by.names.push_back(item.name);
  if (p.aggregating) {
    for (BoundProjectionItem& item : p.items) {
      COPMAP_RETURN_IF_ERROR(ReadGroupedSlots(&item.expression, grouped_by, /*aggregates=*/true,
                                              /*used_in=*/nullptr));
    }
  }

  // ORDER BY sees the projected names and the names from before. After
  // grouping or DISTINCT only those parts of it that the projection
  // computed can be used (ReadGroupedSlots).
  Scope saved = scope_;
  Scope order_scope = new_scope;
  for (const auto& [name, info] : saved) order_scope.emplace(name, info);
  const bool grouped = p.aggregating || p.distinct;
  const size_t projected_aggregates = p.aggregates.size();
  scope_ = order_scope;
  for (const ast::SortItem& s : body.order_by) {
    const size_t aggregates_before = p.aggregates.size();
    aggregates_ = p.aggregating ? &p.aggregates : nullptr;
    auto bound = BindExpression(s.expression);
    aggregates_ = nullptr;
    Status status = bound.status();
    if (status.ok() && grouped) {
      status = ReadGroupedSlots(&bound.value(), grouped_by,
                                p.aggregates.size() > aggregates_before, "ORDER BY");
    }
    if (status.ok() && p.aggregating) {
      status = ReuseProjectedAggregates(bound.value().get(), &p.aggregates,
                                        projected_aggregates);
    }
    if (!status.ok()) {
      scope_ = saved;
      return status;
    }
    p.order_by.push_back(BoundSortItem{std::move(bound).value(), s.descending});
  }
  // SKIP and LIMIT are constants: literals or parameters.
  scope_.clear();
  auto bind_constant = [&](const boost::optional<ast::Expression>& e, const char* what,
                           ExprPtr* slot) -> Status {
    if (!e) return Status::OK();
    auto bound = BindExpression(*e);
    if (!bound.ok()) {
      return Error(e->offset, "NonConstantExpression",
                   "SKIP and LIMIT take a literal or a parameter");
    }
    const BoundExpression& b = **bound;
    if (b.kind == ExprKind::kLiteral && (!b.value.is_int() || b.value.as_int() < 0)) {
      return Error(e->offset,
                   b.value.is_int() ? "NegativeIntegerArgument" : "InvalidArgumentType",
                   std::string(what) + " takes a non-negative integer, got " +
                       b.value.ToString());
    }
    *slot = std::move(bound).value();
    return Status::OK();
  };
  Status status = bind_constant(body.skip, "SKIP", &p.skip);
  if (status.ok()) status = bind_constant(body.limit, "LIMIT", &p.limit);
  if (!status.ok()) {
    scope_ = saved;
    return status;
  }
  // WITH ... WHERE also sees the names from before, like ORDER BY: after
  // grouping or DISTINCT only through what the projection computed.
  scope_ = order_scope;
  if (where) {
    auto bound = BindExpression(*where);
    scope_ = new_scope;
    if (!bound.ok()) return bound.status();
    p.where = std::move(bound).value();
    if (grouped) {
      COPMAP_RETURN_IF_ERROR(
          ReadGroupedSlots(&p.where, grouped_by, /*aggregates=*/false, "WHERE"));
    }
  }
  scope_ = new_scope;
  if (is_return) {
    // The columns in the order they were written.
    out->columns.clear();
    out->column_slots.clear();
    out->column_kinds.clear();
    for (const PendingItem& item : items) {
      out->columns.push_back(item.name);
      out->column_slots.push_back(new_scope[item.name].slot);
      out->column_kinds.push_back(new_scope[item.name].kind);
    }
  }
  return p;
}

}  // namespace copmap::query
