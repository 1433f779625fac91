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
  // bind_literal_types.cc: a SyntaxError when `e` is an operator on literals
  // that can only fail with a type error.
  Status CheckLiteralOperands(const BoundExpression& e) const;
  // Records, for the variable of a comprehension or quantifier over `list`,
  // a sample value when `list` is a literal list whose elements are all
  // non-null literals of one kind: CheckLiteralOperands then treats the
  // variable like that literal (['a'] gives x % 2 a STRING operand).
  void NoteSlotSample(int slot, const BoundExpression& list);
  // bind_argument_types.cc: a SyntaxError when the query text shows that a
  // graph function's argument, or a DELETE target, has a kind it cannot take.
  Status CheckGraphFunctionArgument(const BoundExpression& call) const;
  Status CheckDeleteTarget(const BoundExpression& target) const;

  // Subqueries in expressions (bind_subquery.cc): EXISTS { clauses } and
  // pattern comprehensions.
  Result<ExprPtr> BindExistsSubquery(const ast::ExistsSubquery& s);
  Result<ExprPtr> BindPatternComprehension(const ast::PatternComprehension& c);
  // Appends `sub` to the current query's subqueries; an expression of `kind` reading it.
  ExprPtr AddSubquery(ExprKind kind, uint32_t offset, BoundSingleQuery sub);

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
  // What a projection that grouped or deduplicated its rows leaves usable.
  struct GroupedProjection {
    const std::vector<BoundProjectionItem>* projected;  // computed: read from their slots
    const std::set<int>* hidden;  // the slots of the variables from before it
    const char* clause;           // "RETURN" or "WITH"
    bool aggregating;             // else DISTINCT
    std::vector<std::string> names;  // its columns, for error messages
  };
  // After grouping or DISTINCT (bind_grouping.cc): replaces each part of `e`
  // that is one of `g.projected` by a read of its slot, and fails on any
  // remaining use of a hidden slot. `aggregates`: `e` also aggregates, so
  // only simple keys may be used. `used_in`: "ORDER BY" or "WHERE", or null
  // for an item of the projection itself.
  Status ReadGroupedSlots(ExprPtr* e, const GroupedProjection& g, bool aggregates,
                          const char* used_in) const;
  // ORDER BY after aggregation: the aggregates that `e` added past the first
  // `projected` ones must each repeat a projected one, whose slot `e` then
  // reads; any other is an error.
  Status ReuseProjectedAggregates(BoundExpression* e, std::vector<BoundAggregate>* aggregates,
                                  size_t projected) const;

  // "line:col: Detail: message" + source line + caret, as a SemanticError.
  Status Error(uint32_t offset, std::string_view detail, const std::string& message) const;
  Status SyntaxErrorAt(uint32_t offset, std::string_view detail,
                       const std::string& message) const;

  // Adds a child and keeps `height` current; fails past kMaxExpressionDepth,
  // pointing at where `parent` starts.
  Status AddChild(BoundExpression* parent, ExprPtr child) const;

  int NewSlot() { return next_slot_++; }
  // Records that a variable from an enclosing scope is read (for the outer
  // slots of the subquery being bound, if any).
  void NoteRead(int slot) const {
    if (reads_ != nullptr) reads_->insert(slot);
  }
  Result<VarInfo> Lookup(const ast::Variable& v) const;
  ExprPtr Node(ExprKind kind, uint32_t offset) const;

  std::string_view source_;
  Scope scope_;
  std::map<int, Value> slot_samples_;  // see NoteSlotSample
  int next_slot_ = 0;
  bool writes_ = false;
  // Where aggregates found in an expression go; null where they are not allowed.
  std::vector<BoundAggregate>* aggregates_ = nullptr;
  bool in_aggregate_ = false;
  BoundSingleQuery* query_ = nullptr;
  // While a subquery is bound: every slot its variables resolve to.
  std::set<int>* reads_ = nullptr;
};

// Where an expression starts in the text: the leftmost offset in its tree
// (operators and property lookups carry their own position).
uint32_t StartOf(const BoundExpression& e);

// The same expression tree (offsets aside; a variable read raw or as an
// entity counts as the same).
bool SameExpression(const BoundExpression& a, const BoundExpression& b);


}  // namespace copmap::query
