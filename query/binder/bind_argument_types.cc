// Type errors openCypher reports when the query is compiled because the
// type of an argument is known from the query text alone: a graph function
// given a node, a relationship or a literal it cannot take (type(n) of a
// node, length(r) of a relationship, properties(1)), and DELETE of a value
// that is not an entity (DELETE 1 + 1). Arguments whose type is only known
// at run time are checked there (TypeError) as before.
#include <optional>
#include <string>

#include "query/binder/binder_impl.h"
#include "query/runtime/arithmetic.h"
#include "query/runtime/errors.h"

namespace copmap::query {
namespace {

using Kind = Value::Kind;

// The kind of value `e` certainly evaluates to, when the text tells it:
// literals (not null: every function takes null), list and map literals,
// node and relationship variables, arithmetic on literals.
std::optional<Kind> StaticKind(const BoundExpression& e) {
  switch (e.kind) {
    case ExprKind::kLiteral:
      if (e.value.is_null()) return std::nullopt;
      return e.value.kind();
    case ExprKind::kList: return Kind::kList;
    case ExprKind::kMap: return Kind::kMap;
    case ExprKind::kEntity:
    case ExprKind::kSlot:
      if (e.var_kind == VarKind::kNode) return Kind::kNode;
      if (e.var_kind == VarKind::kRelationship) return Kind::kRelationship;
      return std::nullopt;
    case ExprKind::kArithmetic: {
      if (e.children.size() != 2 || !e.children[0] || !e.children[1] ||
          e.children[0]->kind != ExprKind::kLiteral || e.children[1]->kind != ExprKind::kLiteral) {
        return std::nullopt;
      }
      Result<Value> v = runtime::Arithmetic(static_cast<runtime::ArithmeticOp>(e.op),
                                            e.children[0]->value, e.children[1]->value);
      if (!v.ok() || v->is_null()) return std::nullopt;
      return v->kind();
    }
    default: return std::nullopt;
  }
}

struct Accepts {
  const char* function;
  std::initializer_list<Kind> kinds;
  const char* what;
};

// Graph functions and the kinds they take (besides null).
constexpr Accepts kGraphFunctionArguments[] = {
    {"labels", {Kind::kNode}, "a node"},
    {"type", {Kind::kRelationship}, "a relationship"},
    {"startnode", {Kind::kRelationship}, "a relationship"},
    {"endnode", {Kind::kRelationship}, "a relationship"},
    {"properties", {Kind::kMap, Kind::kNode, Kind::kRelationship}, "a map, node or relationship"},
    {"keys", {Kind::kMap, Kind::kNode, Kind::kRelationship}, "a map, node or relationship"},
    {"length", {Kind::kPath}, "a path"},
    {"nodes", {Kind::kPath}, "a path"},
    {"relationships", {Kind::kPath}, "a path"},
};

bool OneOf(Kind k, std::initializer_list<Kind> kinds) {
  for (Kind a : kinds) {
    if (a == k) return true;
  }
  return false;
}

}  // namespace

Status Binder::CheckGraphFunctionArgument(const BoundExpression& call) const {
  if (call.children.size() != 1 || !call.children[0]) return Status::OK();
  const std::optional<Kind> kind = StaticKind(*call.children[0]);
  if (!kind) return Status::OK();
  for (const Accepts& a : kGraphFunctionArguments) {
    if (call.name != a.function || OneOf(*kind, a.kinds)) continue;
    return SyntaxErrorAt(StartOf(*call.children[0]), "InvalidArgumentType",
                         call.name + "() expects " + a.what + ", got " +
                             std::string(Value::KindName(*kind)));
  }
  return Status::OK();
}

Status Binder::CheckDeleteTarget(const BoundExpression& target) const {
  const std::optional<Kind> kind = StaticKind(target);
  if (!kind || OneOf(*kind, {Kind::kNode, Kind::kRelationship, Kind::kPath, Kind::kList})) {
    return Status::OK();
  }
  return SyntaxErrorAt(StartOf(target), "InvalidArgumentType",
                       "DELETE expects a node, relationship or path, got " +
                           std::string(Value::KindName(*kind)));
}

}  // namespace copmap::query
