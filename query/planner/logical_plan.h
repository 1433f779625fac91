// LogicalPlan: the output of Plan(), the input of the executor. A tree of
// logical operators over the bound statement (which the plan owns, since
// operators point into it). Each operator consumes the rows of its first
// child; Optional and Union have a second or more children.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "query/binder/bound_statement.h"

namespace copmap::query {

enum class LogicalOpKind : uint8_t {
  kOnce,            // one empty row
  kArgument,        // the outer row of an Optional
  kNodeScan,        // all nodes, or the nodes of `label`
  kIndexSeek,       // nodes of `label` whose `property` equals `expressions[0]`
  kIndexRange,      // nodes of `label` whose `property` lies in a range
  kNodeFilter,      // `node` matches its labels and property map (reached over `rel` when set)
  kExpand,          // from `from_slot` along `rel` to a new node in `to_slot`
  kExpandInto,      // from `from_slot` along `rel` to the bound `to_slot`
  kVarExpand,       // variable length, to a new or (into) bound `to_slot`
  kExpandCount,     // from `from_slot` along `rel`: how many `node`s (passing `predicates`)
                    // it reaches, into rel->slot; rows with none are dropped
  kShortestPath,    // between two bound nodes
  kBuildPath,       // the path variable of a pattern part
  kFilter,          // `predicates` all true
  kOptional,        // children[1] per row of children[0]; nulls on no match
  kProject,         // items of `projection`
  kAggregate,       // keys and aggregates of `projection`
  kDistinct,        // distinct on `slots`
  kSort,            // order_by of `projection` (keeps a bounded heap under LIMIT)
  kSkip, kLimit,    // expressions[0]
  kUnwind,
  kEager,           // materializes its input before writes (no Halloween problem)
  kCreate, kMerge, kSet, kRemove, kDelete,
  kCall,
  kProduceResults,  // `slots` are the columns
  kUnion,           // children in turn, distinct unless union_all
};

struct LogicalOperator {
  LogicalOpKind kind = LogicalOpKind::kOnce;
  std::vector<std::unique_ptr<LogicalOperator>> children;

  int from_slot = -1, to_slot = -1;
  bool from_left = true;  // kExpand*: traversing rel from nodes[i] to nodes[i+1]
  std::string label, property;
  const BoundNode* node = nullptr;
  const BoundRel* rel = nullptr;
  const BoundPatternPart* part = nullptr;
  const BoundProjection* projection = nullptr;
  const BoundClause* clause = nullptr;
  const BoundSingleQuery* query = nullptr;
  std::vector<const BoundExpression*> predicates;
  std::vector<const BoundExpression*> expressions;
  // kIndexRange: expressions[0] lower (when has_lower), [1] upper.
  bool has_lower = false, has_upper = false;
  bool lower_inclusive = true, upper_inclusive = true;
  std::vector<int> slots;
  // Relationships bound earlier in the same MATCH: a new one must differ.
  std::vector<int> distinct_from;
  bool union_all = false;
  bool into = false;  // kVarExpand: the far node is already bound
  bool emit_rels = false;  // kVarExpand: store the relationship list (named or in a path)
  // kAggregate: each input row stands for the number of rows in this slot
  // (an ExpandCount below); every aggregate is then a plain count.
  int weight_slot = -1;
  double estimated_rows = 0;

  // One line, e.g. "Expand (a)-[:KNOWS]->(b)".
  std::string Describe() const;
};

struct LogicalPlan {
  std::unique_ptr<BoundStatement> bound;
  std::unique_ptr<LogicalOperator> root;
  // The plans of expression subqueries (BoundSingleQuery::subqueries, nested
  // ones too), each starting at an Argument that receives the outer row.
  std::vector<std::pair<const BoundSingleQuery*, std::unique_ptr<LogicalOperator>>> subqueries;
  std::vector<std::string> columns;
  int num_slots = 0;
  bool writes = false;

  // The operator tree, one operator per line, children indented; then the
  // trees of the subqueries.
  std::string ToString() const;

  // The plan of `subquery` (one of the bound statement's), or null.
  const LogicalOperator* SubqueryPlan(const BoundSingleQuery* subquery) const {
    for (const auto& [query, root] : subqueries) {
      if (query == subquery) return root.get();
    }
    return nullptr;
  }
};

}  // namespace copmap::query
