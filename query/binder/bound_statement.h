// BoundStatement: the output of Bind(), the input of Plan(). Clauses with
// every variable resolved to a slot of the row, patterns decomposed into
// nodes and relationships, and projections split into grouping keys and
// aggregates.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "query/binder/bound_expression.h"
#include "query/parser/ast.h"

namespace copmap::query {

struct BoundNode {
  int slot = -1;
  bool bound_before = false;  // the variable was bound by an earlier clause or part
  std::vector<std::string> labels;
  std::vector<std::pair<std::string, ExprPtr>> properties;
  std::string name;  // empty when anonymous
};

struct BoundRel {
  int slot = -1;               // the relationship (or, var-length, the list of them)
  bool bound_before = false;
  bool var_length = false;
  uint32_t min_hops = 1;
  uint32_t max_hops = 1;
  bool unbounded = false;      // * without an upper bound
  bool left = false, right = false;  // arrows; neither: undirected
  std::vector<std::string> types;
  std::vector<std::pair<std::string, ExprPtr>> properties;
  std::string name;
  uint32_t offset = 0;
};

// One comma-separated part: node (rel node)*.
struct BoundPatternPart {
  int path_slot = -1;
  ast::ShortestKind shortest = ast::ShortestKind::kNone;
  std::vector<BoundNode> nodes;
  std::vector<BoundRel> rels;  // rels[i] joins nodes[i] and nodes[i+1]
  uint32_t offset = 0;
};

struct BoundMatch {
  bool optional = false;
  std::vector<BoundPatternPart> parts;
  std::vector<ExprPtr> predicates;  // the WHERE clause split at AND
  std::vector<int> new_slots;       // slots this clause binds (null-filled on an optional miss)
};

struct BoundUnwind {
  ExprPtr list;
  int slot = -1;
};

struct BoundAggregate {
  std::string function;  // lower case
  bool distinct = false;
  bool star = false;
  ExprPtr argument;      // null for count(*)
  ExprPtr parameter;     // second argument of percentileCont/Disc
  int slot = -1;
};

struct BoundProjectionItem {
  ExprPtr expression;
  int slot = -1;
  std::string name;  // column name or alias
};

struct BoundSortItem {
  ExprPtr expression;
  bool descending = false;
};

// WITH or RETURN. With aggregates, `keys` are evaluated per input row,
// the aggregates accumulate per group, and `items` are evaluated per group
// (they read key and aggregate slots). Without, only `items` exist.
struct BoundProjection {
  bool is_return = false;
  bool distinct = false;
  bool aggregating = false;
  std::vector<BoundProjectionItem> keys;
  std::vector<BoundAggregate> aggregates;
  std::vector<BoundProjectionItem> items;
  std::vector<BoundSortItem> order_by;
  ExprPtr skip, limit;
  ExprPtr where;
};

struct BoundSetItem {
  enum class Kind : uint8_t { kProperty, kReplace, kMerge, kLabels } kind = Kind::kProperty;
  int slot = -1;
  VarKind var_kind = VarKind::kNode;
  std::string key;
  std::vector<std::string> labels;
  ExprPtr value;
};

struct BoundCreate {
  std::vector<BoundPatternPart> parts;
};
struct BoundMerge {
  BoundPatternPart part;
  std::vector<BoundSetItem> on_create, on_match;
  std::vector<int> new_slots;
};
struct BoundSet {
  std::vector<BoundSetItem> items;
};
struct BoundRemove {
  std::vector<BoundSetItem> items;  // kProperty (key) or kLabels
};
struct BoundDelete {
  bool detach = false;
  std::vector<ExprPtr> targets;
};
struct BoundCall {
  std::string procedure;
  std::vector<ExprPtr> args;
  std::vector<std::pair<std::string, int>> yields;  // procedure column -> slot
  ExprPtr where;
  bool standalone = false;  // CALL p() alone: its columns are the result
};

struct BoundClause {
  enum class Kind : uint8_t {
    kMatch, kUnwind, kProjection, kCreate, kMerge, kSet, kRemove, kDelete, kCall
  } kind = Kind::kMatch;
  BoundMatch match;
  BoundUnwind unwind;
  BoundProjection projection;
  BoundCreate create;
  BoundMerge merge;
  BoundSet set;
  BoundRemove remove;
  BoundDelete del;
  BoundCall call;
};

struct BoundSingleQuery {
  std::vector<BoundClause> clauses;
  std::vector<std::string> columns;
  std::vector<int> column_slots;
  std::vector<VarKind> column_kinds;  // entity columns are materialized on output
  int num_slots = 0;
  // Patterns used as predicates (kPatternPredicate), each with an optional
  // WHERE over its own new variables (EXISTS { ... WHERE ... }).
  std::vector<BoundPatternPart> predicate_patterns;
  std::vector<ExprPtr> predicate_wheres;
  // The subqueries of kExistsSubquery and kPatternComprehension expressions
  // (pattern_index). A subquery runs once per row of this query, starting
  // from that row: it shares the slot numbering, reads `outer_slots` from
  // the row, and its columns are what a pattern comprehension collects.
  std::vector<BoundSingleQuery> subqueries;
  std::vector<int> outer_slots;
};

struct BoundStatement {
  ast::StatementMode mode = ast::StatementMode::kRun;
  bool writes = false;
  // A query...
  std::vector<BoundSingleQuery> queries;  // UNION parts
  bool union_all = false;
  // ...or a schema command.
  std::optional<ast::CreateSchema> create_schema;
  std::optional<ast::DropSchema> drop_schema;
  std::optional<ast::ShowSchema> show_schema;
};

}  // namespace copmap::query
