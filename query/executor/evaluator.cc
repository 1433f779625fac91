// The expression evaluator: a tree walk over BoundExpression.
#include "query/executor/evaluator.h"

#include <algorithm>

#include "query/executor/entities.h"
#include "query/executor/subquery.h"
#include "query/parser/ast.h"
#include "query/runtime/arithmetic.h"
#include "query/runtime/compare.h"
#include "query/runtime/errors.h"
#include "query/runtime/functions.h"
#include "query/runtime/lists.h"
#include "query/runtime/logic.h"
#include "query/runtime/predicates.h"

namespace copmap::query {

namespace {

using ast::BinaryOp;

bool IsEntityRef(const BoundExpression& e) {
  return (e.kind == ExprKind::kEntity || e.kind == ExprKind::kSlot) &&
         e.var_kind != VarKind::kValue;
}

const Value* FindKey(const ValueMap& map, std::string_view key) {
  auto it = std::lower_bound(map.begin(), map.end(), key,
                             [](const auto& entry, std::string_view k) { return entry.first < k; });
  return it != map.end() && it->first == key ? &it->second : nullptr;
}

Result<Value> PropertyOf(const BoundExpression& e, Row& row, ExecContext& ctx) {
  const BoundExpression& base = *e.children[0];
  if (IsEntityRef(base)) {
    const Value& id = row[base.slot];
    if (id.is_null()) return Value();
    std::optional<storage::PropKeyId> key = ctx.PropKey(e.name);
    if (!key) return Value();
    return base.var_kind == VarKind::kNode
               ? ctx.txn->GetNodeProperty(static_cast<storage::NodeId>(id.as_int()), *key)
               : ctx.txn->GetRelProperty(static_cast<storage::RelId>(id.as_int()), *key);
  }
  COPMAP_ASSIGN_OR_RETURN(Value v, Evaluate(base, row, ctx));
  const ValueMap* map = nullptr;
  switch (v.kind()) {
    case Value::Kind::kNull: return Value();
    case Value::Kind::kMap: map = &v.as_map(); break;
    case Value::Kind::kNode: map = &v.as_node().properties; break;
    case Value::Kind::kRelationship: map = &v.as_relationship().properties; break;
    default:
      // Dates and datetimes have components (.year, ...); runtime knows them
      // and reports any other kind as a type error.
      return runtime::PropertyOf(v, e.name);
  }
  const Value* found = FindKey(*map, e.name);
  return found ? *found : Value();
}

Result<Value> GraphFunction(const BoundExpression& e, Row& row, ExecContext& ctx) {
  const std::string& name = e.name;
  const BoundExpression& arg = *e.children[0];
  if (name == "id" && IsEntityRef(arg)) return row[arg.slot];
  if (name == "exists") {
    if (arg.kind == ExprKind::kPatternPredicate) return Evaluate(arg, row, ctx);
    COPMAP_ASSIGN_OR_RETURN(Value v, Evaluate(arg, row, ctx));
    return Value(!v.is_null());
  }
  COPMAP_ASSIGN_OR_RETURN(Value v, Evaluate(arg, row, ctx));
  if (v.is_null()) return Value();
  if (name == "id") {
    if (v.is_node()) return Value(static_cast<int64_t>(v.as_node().id));
    if (v.is_relationship()) return Value(static_cast<int64_t>(v.as_relationship().id));
    return runtime::TypeMismatch("id() needs a node or relationship", v);
  }
  if (name == "labels") {
    if (!v.is_node()) return runtime::TypeMismatch("labels() needs a node", v);
    ValueList labels;
    for (const std::string& l : v.as_node().labels) labels.emplace_back(l);
    return Value(std::move(labels));
  }
  if (name == "type") {
    if (!v.is_relationship()) return runtime::TypeMismatch("type() needs a relationship", v);
    return Value(v.as_relationship().type);
  }
  if (name == "properties" || name == "keys") {
    const ValueMap* map = v.is_map()            ? &v.as_map()
                          : v.is_node()         ? &v.as_node().properties
                          : v.is_relationship() ? &v.as_relationship().properties
                                                : nullptr;
    if (!map) return runtime::TypeMismatch(name + "() needs a map, node or relationship", v);
    if (name == "properties") return Value(*map);
    ValueList keys;
    for (const auto& [k, value] : *map) keys.emplace_back(k);
    return Value(std::move(keys));
  }
  if (name == "startnode" || name == "endnode") {
    if (!v.is_relationship()) return runtime::TypeMismatch(name + "() needs a relationship", v);
    const RelationshipValue& r = v.as_relationship();
    return MaterializeNode(ctx, name == "startnode" ? r.start : r.end);
  }
  if (name == "nodes" || name == "relationships" || (name == "length" && v.is_path())) {
    if (!v.is_path()) return runtime::TypeMismatch(name + "() needs a path", v);
    const PathValue& p = v.as_path();
    if (name == "length") return Value(static_cast<int64_t>(p.relationships.size()));
    ValueList out;
    if (name == "nodes") {
      for (const NodeValue& n : p.nodes) out.emplace_back(n);
    } else {
      for (const RelationshipValue& r : p.relationships) out.emplace_back(r);
    }
    return Value(std::move(out));
  }
  // size(), length() of strings and lists belong to the runtime library.
  return runtime::CallScalarFunction(name, std::span<const Value>(&v, 1));
}

Result<Value> LabelCheck(const BoundExpression& e, Row& row, ExecContext& ctx) {
  const BoundExpression& base = *e.children[0];
  if (IsEntityRef(base) && base.var_kind == VarKind::kNode) {
    const Value& id = row[base.slot];
    if (id.is_null()) return Value();
    COPMAP_ASSIGN_OR_RETURN(storage::NodeRecord rec,
                            ctx.txn->GetNode(static_cast<storage::NodeId>(id.as_int())));
    for (const std::string& label : e.names) {
      std::optional<storage::LabelId> lid = ctx.Label(label);
      if (!lid || !std::binary_search(rec.labels.begin(), rec.labels.end(), *lid)) {
        return Value(false);
      }
    }
    return Value(true);
  }
  COPMAP_ASSIGN_OR_RETURN(Value v, Evaluate(base, row, ctx));
  if (v.is_null()) return Value();
  if (!v.is_node()) return runtime::TypeMismatch("a label check needs a node", v);
  const auto& labels = v.as_node().labels;
  for (const std::string& label : e.names) {
    if (std::find(labels.begin(), labels.end(), label) == labels.end()) return Value(false);
  }
  return Value(true);
}

Result<Value> Case(const BoundExpression& e, Row& row, ExecContext& ctx) {
  size_t i = 0;
  Value subject;
  if (e.has_subject) {
    COPMAP_ASSIGN_OR_RETURN(subject, Evaluate(*e.children[0], row, ctx));
    i = 1;
  }
  const size_t end = e.children.size() - (e.has_else ? 1 : 0);
  for (; i < end; i += 2) {
    COPMAP_ASSIGN_OR_RETURN(Value when, Evaluate(*e.children[i], row, ctx));
    bool hit = e.has_subject ? runtime::IsTrue(runtime::Equals(subject, when)) : runtime::IsTrue(when);
    if (hit) return Evaluate(*e.children[i + 1], row, ctx);
  }
  if (e.has_else) return Evaluate(*e.children.back(), row, ctx);
  return Value();
}

// List comprehensions and quantifiers.
Result<Value> Iterate(const BoundExpression& e, Row& row, ExecContext& ctx) {
  COPMAP_ASSIGN_OR_RETURN(Value list, Evaluate(*e.children[0], row, ctx));
  if (list.is_null()) return Value();
  if (!list.is_list()) return runtime::TypeMismatch("IN needs a list", list);
  Value saved = row[e.slot];
  ValueList out;
  int64_t matches = 0;
  bool saw_null = false;
  Status status;
  for (const Value& item : list.as_list()) {
    row[e.slot] = item;
    Value keep(true);
    if (e.has_where) {
      auto w = Evaluate(*e.children[1], row, ctx);
      if (!w.ok()) { status = w.status(); break; }
      keep = std::move(w).value();
    }
    if (e.kind == ExprKind::kQuantifier) {
      if (keep.is_null()) saw_null = true;
      else if (runtime::IsTrue(keep)) ++matches;
      continue;
    }
    if (!runtime::IsTrue(keep)) continue;
    if (e.has_projection) {
      auto p = Evaluate(*e.children.back(), row, ctx);
      if (!p.ok()) { status = p.status(); break; }
      out.push_back(std::move(p).value());
    } else {
      out.push_back(item);
    }
  }
  row[e.slot] = std::move(saved);
  if (!status.ok()) return status;
  if (e.kind == ExprKind::kListComprehension) return Value(std::move(out));
  const int64_t n = static_cast<int64_t>(list.as_list().size());
  switch (static_cast<ast::QuantifierKind>(e.op)) {
    case ast::QuantifierKind::kAll:
      if (matches == n) return Value(true);
      return saw_null && matches + 1 >= n ? Value() : Value(false);
    case ast::QuantifierKind::kAny:
      if (matches > 0) return Value(true);
      return saw_null ? Value() : Value(false);
    case ast::QuantifierKind::kNone:
      if (matches > 0) return Value(false);
      return saw_null ? Value() : Value(true);
    case ast::QuantifierKind::kSingle:
      if (matches > 1) return Value(false);
      if (saw_null) return Value();
      return Value(matches == 1);
  }
  return Value();
}

}  // namespace

Result<bool> EvaluatePredicate(const BoundExpression& e, Row& row, ExecContext& ctx) {
  COPMAP_ASSIGN_OR_RETURN(Value v, Evaluate(e, row, ctx));
  return runtime::IsTrue(v);
}

Result<Value> Evaluate(const BoundExpression& e, Row& row, ExecContext& ctx) {
  auto child = [&](size_t i) { return Evaluate(*e.children[i], row, ctx); };
  switch (e.kind) {
    case ExprKind::kLiteral: return e.value;
    case ExprKind::kParameter: {
      // Callers build parameter maps by hand and do not always sort them.
      const ValueMap& params = *ctx.params;
      auto it = std::find_if(params.begin(), params.end(),
                             [&](const auto& entry) { return entry.first == e.name; });
      if (it == params.end()) return Status::ParameterMissing("Expected parameter(s): " + e.name);
      return it->second;
    }
    case ExprKind::kSlot: return row[e.slot];
    case ExprKind::kEntity: return MaterializeSlot(ctx, row[e.slot], e.var_kind);
    case ExprKind::kProperty: return PropertyOf(e, row, ctx);
    case ExprKind::kNegate: {
      COPMAP_ASSIGN_OR_RETURN(Value v, child(0));
      return runtime::Negate(v);
    }
    case ExprKind::kUnaryPlus: {
      COPMAP_ASSIGN_OR_RETURN(Value v, child(0));
      return runtime::UnaryPlus(v);
    }
    case ExprKind::kNot: {
      COPMAP_ASSIGN_OR_RETURN(Value v, child(0));
      return runtime::Not(v);
    }
    case ExprKind::kAnd: {
      COPMAP_ASSIGN_OR_RETURN(Value a, child(0));
      if (a.is_bool() && !a.as_bool()) return Value(false);
      COPMAP_ASSIGN_OR_RETURN(Value b, child(1));
      return runtime::And(a, b);
    }
    case ExprKind::kOr: {
      COPMAP_ASSIGN_OR_RETURN(Value a, child(0));
      if (a.is_bool() && a.as_bool()) return Value(true);
      COPMAP_ASSIGN_OR_RETURN(Value b, child(1));
      return runtime::Or(a, b);
    }
    case ExprKind::kXor: {
      COPMAP_ASSIGN_OR_RETURN(Value a, child(0));
      COPMAP_ASSIGN_OR_RETURN(Value b, child(1));
      return runtime::Xor(a, b);
    }
    case ExprKind::kCompare: {
      const BinaryOp op = static_cast<BinaryOp>(e.op);
      // Two pattern variables compare by id, without materializing.
      if ((op == BinaryOp::kEq || op == BinaryOp::kNe) && IsEntityRef(*e.children[0]) &&
          IsEntityRef(*e.children[1]) && e.children[0]->var_kind == e.children[1]->var_kind) {
        const Value& a = row[e.children[0]->slot];
        const Value& b = row[e.children[1]->slot];
        if (a.is_null() || b.is_null()) return Value();
        return Value((a.as_int() == b.as_int()) == (op == BinaryOp::kEq));
      }
      COPMAP_ASSIGN_OR_RETURN(Value a, child(0));
      COPMAP_ASSIGN_OR_RETURN(Value b, child(1));
      switch (op) {
        case BinaryOp::kEq: return runtime::Equals(a, b);
        case BinaryOp::kNe: return runtime::NotEquals(a, b);
        case BinaryOp::kLt: return runtime::Compare(runtime::CompareOp::kLess, a, b);
        case BinaryOp::kLe: return runtime::Compare(runtime::CompareOp::kLessEqual, a, b);
        case BinaryOp::kGt: return runtime::Compare(runtime::CompareOp::kGreater, a, b);
        default: return runtime::Compare(runtime::CompareOp::kGreaterEqual, a, b);
      }
    }
    case ExprKind::kArithmetic: {
      COPMAP_ASSIGN_OR_RETURN(Value a, child(0));
      COPMAP_ASSIGN_OR_RETURN(Value b, child(1));
      return runtime::Arithmetic(static_cast<runtime::ArithmeticOp>(e.op), a, b);
    }
    case ExprKind::kPredicate: {
      COPMAP_ASSIGN_OR_RETURN(Value a, child(0));
      COPMAP_ASSIGN_OR_RETURN(Value b, child(1));
      switch (static_cast<BinaryOp>(e.op)) {
        case BinaryOp::kIn: return runtime::In(a, b);
        case BinaryOp::kStartsWith: return runtime::StartsWith(a, b);
        case BinaryOp::kEndsWith: return runtime::EndsWith(a, b);
        case BinaryOp::kContains: return runtime::Contains(a, b);
        default: return runtime::RegexMatch(a, b);
      }
    }
    case ExprKind::kIsNull:
    case ExprKind::kIsNotNull: {
      bool is_null;
      if (IsEntityRef(*e.children[0])) {
        is_null = row[e.children[0]->slot].is_null();
      } else {
        COPMAP_ASSIGN_OR_RETURN(Value v, child(0));
        is_null = v.is_null();
      }
      return Value(is_null == (e.kind == ExprKind::kIsNull));
    }
    case ExprKind::kFunction: {
      std::vector<Value> args;
      args.reserve(e.children.size());
      for (size_t i = 0; i < e.children.size(); ++i) {
        COPMAP_ASSIGN_OR_RETURN(Value v, child(i));
        args.push_back(std::move(v));
      }
      return runtime::Invoke(*e.function, args);
    }
    case ExprKind::kGraphFunction: return GraphFunction(e, row, ctx);
    case ExprKind::kList: {
      ValueList out;
      out.reserve(e.children.size());
      for (size_t i = 0; i < e.children.size(); ++i) {
        COPMAP_ASSIGN_OR_RETURN(Value v, child(i));
        out.push_back(std::move(v));
      }
      return Value(std::move(out));
    }
    case ExprKind::kMap: {
      ValueMap out;
      for (size_t i = 0; i < e.children.size(); ++i) {
        COPMAP_ASSIGN_OR_RETURN(Value v, child(i));
        out.emplace_back(e.names[i], std::move(v));
      }
      return Value(std::move(out));
    }
    case ExprKind::kSubscript: {
      COPMAP_ASSIGN_OR_RETURN(Value base, child(0));
      COPMAP_ASSIGN_OR_RETURN(Value index, child(1));
      if (base.is_node() || base.is_relationship()) {
        if (index.is_null()) return Value();
        if (!index.is_string()) return runtime::TypeMismatch("a property key", index);
        const ValueMap& props = base.is_node() ? base.as_node().properties
                                               : base.as_relationship().properties;
        const Value* found = FindKey(props, index.as_string());
        return found ? *found : Value();
      }
      return runtime::Subscript(base, index);
    }
    case ExprKind::kSlice: {
      COPMAP_ASSIGN_OR_RETURN(Value base, child(0));
      std::optional<Value> from, to;
      if (e.children[1]) {
        COPMAP_ASSIGN_OR_RETURN(Value f, child(1));
        from = std::move(f);
      }
      if (e.children[2]) {
        COPMAP_ASSIGN_OR_RETURN(Value t, child(2));
        to = std::move(t);
      }
      return runtime::Slice(base, from, to);
    }
    case ExprKind::kLabelCheck: return LabelCheck(e, row, ctx);
    case ExprKind::kCase: return Case(e, row, ctx);
    case ExprKind::kListComprehension:
    case ExprKind::kQuantifier: return Iterate(e, row, ctx);
    case ExprKind::kPatternPredicate: {
      COPMAP_ASSIGN_OR_RETURN(bool holds, PatternPredicateHolds(ctx, e.pattern_index, row));
      return Value(holds);
    }
    case ExprKind::kExistsSubquery:
    case ExprKind::kPatternComprehension: return EvaluateSubquery(e, row, ctx);
  }
  return Status::Internal("unknown expression kind");
}

}  // namespace copmap::query
