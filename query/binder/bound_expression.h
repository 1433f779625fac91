// BoundExpression: an expression after binding. Names are resolved to row
// slots, operator precedence is resolved into a tree, functions are looked
// up, and aggregates are replaced by the slot their result lands in.
//
// Depth: the binder refuses trees deeper than kMaxExpressionDepth, so
// evaluating or destroying a bound expression recurses a bounded amount.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "query/runtime/functions.h"
#include "storage/value.h"

namespace copmap::query {

inline constexpr int kMaxExpressionDepth = 400;

// What a slot of a row holds. Pattern variables hold ids (an int Value, or
// null for an OPTIONAL MATCH miss) and are materialized only when used as
// values; everything else holds a Value.
enum class VarKind : uint8_t { kValue, kNode, kRelationship };

enum class ExprKind : uint8_t {
  kLiteral,       // value
  kParameter,     // name
  kSlot,          // slot (a Value slot, or an entity slot read raw as its id)
  kEntity,        // slot, var_kind: materialize the node or relationship
  kProperty,      // children[0].name; entity slots read the store
  kNegate, kUnaryPlus, kNot,
  kAnd, kOr, kXor,
  kCompare,       // op: BinaryOp code (= <> < <= > >=)
  kArithmetic,    // op: runtime::ArithmeticOp
  kPredicate,     // op: BinaryOp (IN, STARTS WITH, ENDS WITH, CONTAINS, =~)
  kIsNull, kIsNotNull,
  kFunction,      // function (runtime scalar function), children = args
  kGraphFunction, // name (lower case): id, labels, type, ...; children = args
  kList, kMap,    // children; names = map keys
  kSubscript, kSlice,  // children: base, from, to (null child when absent)
  kLabelCheck,    // children[0], names = labels
  kCase,          // children: [subject?] when, then, ..., [else]; flags below
  kListComprehension,  // slot (the iteration variable), children: list, where?, projection?
  kQuantifier,    // op: QuantifierKind, slot, children: list, where
  kPatternPredicate,  // pattern_index: a pattern checked against the store
  kExistsSubquery,    // pattern_index: a subquery (BoundSingleQuery::subqueries) has a row
  kPatternComprehension,  // pattern_index: a subquery; children[0] evaluated per inner row
};

struct BoundExpression {
  ExprKind kind = ExprKind::kLiteral;
  uint32_t offset = 0;  // into the query text
  int op = 0;
  int slot = -1;
  VarKind var_kind = VarKind::kValue;
  bool has_subject = false;  // kCase: simple form
  bool has_else = false;     // kCase
  bool has_where = false;    // comprehension / quantifier
  bool has_projection = false;
  int pattern_index = -1;
  int height = 1;  // of the tree below, for the depth limit
  Value value;
  std::string name;
  std::vector<std::string> names;
  const runtime::ScalarFunction* function = nullptr;
  std::vector<std::unique_ptr<BoundExpression>> children;
};

using ExprPtr = std::unique_ptr<BoundExpression>;

}  // namespace copmap::query
