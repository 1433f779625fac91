// The binder's state, shared by the files that bind expressions, patterns
// and clauses. Private to query/binder/.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "query/binder/bound_statement.h"
#include "query/parser/ast.h"
#include "storage/status.h"

namespace copmap::query {

struct VarInfo {
  int slot = -1;
  VarKind kind = VarKind::kValue;
};

// The variables visible at one point of a query, by name.
using Scope = std::map<std::string, VarInfo>;

class Binder {
 public:
  explicit Binder(std::string_view source) : source_(source) {}

  Result<BoundStatement> BindStatement(const ast::Statement& statement);

  // Expressions (bind_expression.cc).
  Result<ExprPtr> BindExpression(const ast::Expression& e);
  // Binds a term, leaving out its first `skip_prefixes` prefix operators.
  Result<ExprPtr> BindTerm(const ast::Term& t, size_t skip_prefixes = 0);
  Result<ExprPtr> BindAtom(const ast::Atom& a, uint32_t offset);
  Result<ExprPtr> BindFunction(const ast::FunctionCall& f);
  Result<ExprPtr> BindOptional(const boost::optional<ast::Expression>& e);

  // Patterns (bind_pattern.cc).
  enum class PatternMode { kMatch, kCreate, kMerge, kPredicate };
  Result<BoundPatternPart> BindPatternPart(const ast::PatternPart& part, PatternMode mode,
                                           std::vector<int>* new_slots);
  Status BindProperties(const boost::optional<ast::Atom>& props, uint32_t offset,
                        std::vector<std::pair<std::string, ExprPtr>>* out);

  // Clauses (bind_clauses.cc).
  Result<BoundSingleQuery> BindSingleQuery(const ast::SingleQuery& q);
  Status BindClause(const ast::Clause& c, bool last, BoundSingleQuery* out);
  Result<BoundProjection> BindProjection(const ast::ProjectionBody& body,
                                         const boost::optional<ast::Expression>& where,
                                         bool is_return, uint32_t offset,
                                         BoundSingleQuery* out);
  Result<BoundSetItem> BindSetItem(const ast::SetItem& item);
  // After grouping or DISTINCT (bind_grouping.cc): replaces each part of `e`
  // that is one of `projected` by a read of its slot, and fails on any
  // remaining use of a `hidden` slot (a variable from before the
  // projection). `aggregates`: `e` also aggregates, so only simple keys may
  // be used.
  Status ReadGroupedSlots(ExprPtr* e, const std::vector<BoundProjectionItem>& projected,
                          const std::set<int>& hidden, bool aggregates, bool in_order_by) const;
  // ORDER BY after aggregation: the aggregates that `e` added past the first
  // `projected` ones must each repeat a projected one, whose slot `e` then
  // reads; any other is an error.
  Status ReuseProjectedAggregates(BoundExpression* e, std::vector<BoundAggregate>* aggregates,
                                  size_t projected) const;

  // "line:col: Detail: message" + source line + caret, as a SemanticError.
  Status Error(uint32_t offset, std::string_view detail, const std::string& message) const;
  Status SyntaxErrorAt(uint32_t offset, std::string_view detail,
                       const std::string& message) const;

  int NewSlot() { return next_slot_++; }
  Result<VarInfo> Lookup(const ast::Variable& v) const;
  ExprPtr Node(ExprKind kind, uint32_t offset) const;

  std::string_view source_;
  Scope scope_;
  int next_slot_ = 0;
  bool writes_ = false;
  // Where aggregates found in an expression go; null where they are not allowed.
  std::vector<BoundAggregate>* aggregates_ = nullptr;
  bool in_aggregate_ = false;
  BoundSingleQuery* query_ = nullptr;
};

// The same expression tree (offsets aside; a variable read raw or as an
// entity counts as the same).
bool SameExpression(const BoundExpression& a, const BoundExpression& b);

// Adds a child and keeps `height` current; fails past kMaxExpressionDepth.
Status AddChild(BoundExpression* parent, ExprPtr child);

}  // namespace copmap::query
