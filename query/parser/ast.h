// The abstract syntax tree of the copmap query language (a subset of
// Cypher's syntax), as the parser produces it.
//
// Plain structs, x3::variant and x3::forward_ast, in the style of the Spirit
// X3 examples. Every node that errors may point at derives from Positioned:
// it records the byte offset of its first token in the query text, so that
// the binder can report "line:column" plus the source line and a caret long
// after parsing. (x3::position_tagged would keep iterators in a cache owned
// by the parser; a plain offset survives the parse and costs nothing.)
//
// The tree holds no parent pointers and no recursion beyond what the query's
// bracket nesting implies: operator chains (a + b + c, a AND b AND c) are
// kept flat (first term plus a list of operations) and turned into trees by
// the binder, which bounds their depth. Parse() rejects deeper nesting than
// kMaxNestingDepth before parsing, so neither parsing nor destroying an AST
// can overflow the stack.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <boost/optional.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>

namespace copmap::query::ast {

namespace x3 = boost::spirit::x3;

struct Positioned {
  uint32_t offset = 0;  // byte offset of the node's first token in the query text
};

// ---- expressions ------------------------------------------------------------

enum class BinaryOp : uint8_t {
  kOr, kXor, kAnd,
  kEq, kNe, kLt, kLe, kGt, kGe,
  kRegexMatch, kIn, kStartsWith, kEndsWith, kContains, kIsNull, kIsNotNull,
  kAdd, kSub, kMul, kDiv, kMod, kPow,
};

struct Nothing {};
struct NullLiteral {};
struct BoolLiteral {
  bool value = false;
};
struct NumberLiteral {
  bool is_float = false;
  int64_t int_value = 0;
  double float_value = 0;
};
struct StringLiteral {
  std::string value;
};
struct Parameter : Positioned {
  std::string name;
};
struct Variable : Positioned {
  std::string name;
};
struct CountStar : Positioned {};

struct Expression;
struct ListLiteral;
struct MapLiteral;
struct FunctionCall;
struct CaseExpression;
struct ListComprehension;
struct Quantifier;
struct PatternExpression;
struct PatternComprehension;
struct ExistsSubquery;

// The innermost part of an expression. A parenthesized expression is an
// Atom holding the inner Expression.
struct Atom
    : x3::variant<Nothing, NullLiteral, BoolLiteral, NumberLiteral, StringLiteral, Parameter,
                  Variable, CountStar, x3::forward_ast<ListLiteral>, x3::forward_ast<MapLiteral>,
                  x3::forward_ast<FunctionCall>, x3::forward_ast<CaseExpression>,
                  x3::forward_ast<ListComprehension>, x3::forward_ast<Quantifier>,
                  x3::forward_ast<PatternExpression>, x3::forward_ast<PatternComprehension>,
                  x3::forward_ast<ExistsSubquery>, x3::forward_ast<Expression>> {
  using base_type::base_type;
  using base_type::operator=;
};

struct PropertyLookup : Positioned {
  std::string key;
};
// e[i] when !is_slice; e[from..to] otherwise (either end may be absent).
struct Subscript;
// n:Label1:Label2 as a predicate.
struct LabelCheck : Positioned {
  std::vector<std::string> labels;
};
struct Postfix : x3::variant<PropertyLookup, x3::forward_ast<Subscript>, LabelCheck> {
  using base_type::base_type;
  using base_type::operator=;
};

// Prefix operators as written: 'N' for NOT, '-' and '+' for signs.
struct Term : Positioned {
  std::vector<char> prefixes;
  Atom atom;
  std::vector<Postfix> postfixes;
};

struct Operation : Positioned {
  BinaryOp op = BinaryOp::kAnd;
  Term operand;  // empty (Nothing) for IS NULL and IS NOT NULL
};

// A flat chain: first (op operand)*; precedence is resolved by the binder.
struct Expression : Positioned {
  Term first;
  std::vector<Operation> rest;
};

struct Subscript {
  boost::optional<Expression> from;
  bool is_slice = false;
  boost::optional<Expression> to;
};

struct ListLiteral {
  std::vector<Expression> items;
};
struct MapEntry {
  std::string key;
  Expression value;
};
struct MapLiteral {
  std::vector<MapEntry> entries;
};
struct FunctionCall : Positioned {
  std::string name;  // dotted for namespaced names: "db.labels"
  bool distinct = false;
  std::vector<Expression> args;
};
struct CaseAlternative {
  Expression when;
  Expression then;
};
struct CaseExpression : Positioned {
  boost::optional<Expression> subject;  // CASE subject WHEN value ... (simple form)
  std::vector<CaseAlternative> alternatives;
  boost::optional<Expression> otherwise;
};
// [var IN list WHERE pred | projection]
struct ListComprehension : Positioned {
  Variable variable;
  Expression list;
  boost::optional<Expression> where;
  boost::optional<Expression> projection;
};
enum class QuantifierKind : uint8_t { kAll, kAny, kNone, kSingle };
struct Quantifier : Positioned {
  QuantifierKind kind = QuantifierKind::kAll;
  Variable variable;
  Expression list;
  boost::optional<Expression> where;
};

// ---- patterns ---------------------------------------------------------------

struct NodePattern : Positioned {
  boost::optional<Variable> variable;
  std::vector<std::string> labels;
  boost::optional<Atom> properties;  // a map literal or a parameter
};

// *  *2  *1..3  *..4  *2..
struct VarLength {
  boost::optional<uint64_t> min;
  bool has_dots = false;
  boost::optional<uint64_t> max;
};

struct RelDetail {
  boost::optional<Variable> variable;
  std::vector<std::string> types;  // alternatives: [:A|B]
  boost::optional<VarLength> length;
  boost::optional<Atom> properties;
};

struct RelPattern : Positioned {
  bool left_arrow = false;   // <-
  boost::optional<RelDetail> detail;
  bool right_arrow = false;  // ->
};

struct PatternLink {
  RelPattern rel;
  NodePattern node;
};

struct PatternElement : Positioned {
  NodePattern first;
  std::vector<PatternLink> links;
};

enum class ShortestKind : uint8_t { kNone, kShortest, kAllShortest };

struct PatternPart : Positioned {
  boost::optional<Variable> path_variable;
  ShortestKind shortest = ShortestKind::kNone;
  PatternElement element;
};

// A pattern used as a predicate: (a)-[:KNOWS]->(b).
struct PatternExpression : Positioned {
  PatternElement element;
};
// [path = (a)-->(b) WHERE predicate | projection]: the projection for each
// match of the pattern, as a list.
struct PatternComprehension : Positioned {
  boost::optional<Variable> path_variable;
  PatternElement element;
  boost::optional<Expression> where;
  Expression projection;
};

// ---- clauses ----------------------------------------------------------------

struct Match : Positioned {
  bool optional = false;
  std::vector<PatternPart> pattern;
  boost::optional<Expression> where;
};

struct Unwind : Positioned {
  Expression list;
  Variable variable;
};

// An expression in RETURN or WITH, with the text it was written as (the
// column name when there is no alias).
struct ProjectedExpression : Positioned {
  Expression expression;
  std::string text;
};
struct ProjectionItem : Positioned {
  ProjectedExpression value;
  boost::optional<Variable> alias;
};
struct SortItem : Positioned {
  Expression expression;
  bool descending = false;
};
struct ProjectionBody {
  bool distinct = false;
  bool star = false;
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order_by;
  boost::optional<Expression> skip;
  boost::optional<Expression> limit;
};
struct With : Positioned {
  ProjectionBody body;
  boost::optional<Expression> where;
};
struct Return : Positioned {
  ProjectionBody body;
};

struct Create : Positioned {
  std::vector<PatternPart> pattern;
};

struct SetProperty : Positioned {
  Variable variable;
  std::string key;
  Expression value;
};
// n = map (replace all properties) or n += map (merge).
struct SetVariable : Positioned {
  Variable variable;
  bool merge = false;
  Expression value;
};
struct SetLabels : Positioned {
  Variable variable;
  std::vector<std::string> labels;
};
struct SetItem : x3::variant<SetProperty, SetVariable, SetLabels> {
  using base_type::base_type;
  using base_type::operator=;
};
struct SetClause : Positioned {
  std::vector<SetItem> items;
};

struct RemoveProperty : Positioned {
  Variable variable;
  std::string key;
};
struct RemoveItem : x3::variant<RemoveProperty, SetLabels> {
  using base_type::base_type;
  using base_type::operator=;
};
struct Remove : Positioned {
  std::vector<RemoveItem> items;
};

struct Delete : Positioned {
  bool detach = false;
  std::vector<Expression> targets;
};

struct MergeAction {
  bool on_create = false;  // ON CREATE SET; otherwise ON MATCH SET
  std::vector<SetItem> items;
};
struct Merge : Positioned {
  PatternPart pattern;
  std::vector<MergeAction> actions;
};

struct YieldItem : Positioned {
  std::string field;
  boost::optional<Variable> alias;
};
struct Yield {
  bool star = false;
  std::vector<YieldItem> items;
  boost::optional<Expression> where;
};
struct Call : Positioned {
  std::string procedure;  // dotted: "db.labels"
  boost::optional<std::vector<Expression>> args;  // absent: CALL p without parentheses
  boost::optional<Yield> yield;
};

struct Clause : x3::variant<Match, Unwind, With, Return, Create, Merge, SetClause, Remove,
                            Delete, Call> {
  using base_type::base_type;
  using base_type::operator=;
};

struct SingleQuery : Positioned {
  std::vector<Clause> clauses;
};
struct UnionPart : Positioned {
  bool all = false;
  SingleQuery query;
};
struct Query {
  SingleQuery first;
  std::vector<UnionPart> unions;
};

// EXISTS { pattern [WHERE expr] } (the simple form: `pattern` set) or
// EXISTS { clauses } (a full subquery: `query` set).
struct ExistsSubquery : Positioned {
  std::vector<PatternPart> pattern;
  boost::optional<Expression> where;
  boost::optional<SingleQuery> query;
};

// ---- schema commands ----------------------------------------------------------

// CREATE INDEX [name] [IF NOT EXISTS] FOR (n:Label) ON (n.property)
// CREATE CONSTRAINT [name] [IF NOT EXISTS] FOR (n:Label) REQUIRE n.property IS UNIQUE
struct CreateSchema : Positioned {
  bool unique = false;  // a constraint
  boost::optional<std::string> name;
  bool if_not_exists = false;
  Variable variable;
  std::string label;
  Variable property_variable;
  std::string property;
};
// DROP INDEX name [IF EXISTS] / DROP CONSTRAINT name [IF EXISTS]
struct DropSchema : Positioned {
  bool constraint = false;
  std::string name;
  bool if_exists = false;
};
// SHOW INDEXES / SHOW CONSTRAINTS
struct ShowSchema : Positioned {
  bool constraints = false;
};

struct StatementBody : x3::variant<Query, CreateSchema, DropSchema, ShowSchema> {
  using base_type::base_type;
  using base_type::operator=;
};

enum class StatementMode : uint8_t { kRun = 0, kExplain = 1, kProfile = 2 };

struct Statement {
  StatementMode mode = StatementMode::kRun;
  StatementBody body;
};

}  // namespace copmap::query::ast
