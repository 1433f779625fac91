// Binding subqueries inside expressions: EXISTS { MATCH ... } and pattern
// comprehensions [(a)-->(b) WHERE ... | b.name]. Their clauses see the outer
// variables, bind new ones in a scope of their own, and are numbered in the
// outer query's slots, so that at run time they start from a copy of the
// outer row (see BoundSingleQuery::subqueries).
#include "query/binder/binder_impl.h"

namespace copmap::query {

namespace {

// The clause keyword a subquery may not contain, or null when it may.
const char* UpdatingClauseName(const ast::Clause& c) {
  if (boost::get<ast::Create>(&c)) return "CREATE";
  if (boost::get<ast::Merge>(&c)) return "MERGE";
  if (boost::get<ast::SetClause>(&c)) return "SET";
  if (boost::get<ast::Remove>(&c)) return "REMOVE";
  if (boost::get<ast::Delete>(&c)) return "DELETE";
  if (boost::get<ast::Call>(&c)) return "CALL";
  return nullptr;
}

uint32_t OffsetOf(const ast::Clause& c) {
  return boost::apply_visitor([](const auto& clause) { return clause.offset; }, c);
}

// Binds one subquery into `sub`: saves what that changes in the binder and
// puts it back on success and on error alike. The outer variables read
// meanwhile become the subquery's outer_slots (and reads of an enclosing
// subquery).
class SubqueryScope {
 public:
  SubqueryScope(Binder* b, BoundSingleQuery* sub)
      : b_(b), sub_(sub), scope_(b->scope_), query_(b->query_), aggregates_(b->aggregates_),
        in_aggregate_(b->in_aggregate_), reads_(b->reads_) {
    b->query_ = sub;
    b->aggregates_ = nullptr;
    b->in_aggregate_ = false;
    b->reads_ = &inner_reads_;
  }
  ~SubqueryScope() {
    for (const auto& [name, info] : scope_) {
      if (inner_reads_.count(info.slot)) {
        sub_->outer_slots.push_back(info.slot);
        if (reads_ != nullptr) reads_->insert(info.slot);
      }
    }
    sub_->num_slots = b_->next_slot_;
    b_->scope_ = std::move(scope_);
    b_->query_ = query_;
    b_->aggregates_ = aggregates_;
    b_->in_aggregate_ = in_aggregate_;
    b_->reads_ = reads_;
  }

 private:
  Binder* b_;
  BoundSingleQuery* sub_;
  Scope scope_;
  BoundSingleQuery* query_;
  std::vector<BoundAggregate>* aggregates_;
  bool in_aggregate_;
  std::set<int>* reads_;
  std::set<int> inner_reads_;
};

}  // namespace

ExprPtr Binder::AddSubquery(ExprKind kind, uint32_t offset, BoundSingleQuery sub) {
  ExprPtr e = Node(kind, offset);
  e->pattern_index = static_cast<int>(query_->subqueries.size());
  query_->subqueries.push_back(std::move(sub));
  return e;
}

Result<ExprPtr> Binder::BindExistsSubquery(const ast::ExistsSubquery& s) {
  const std::vector<ast::Clause>& clauses = s.query->clauses;
  BoundSingleQuery sub;
  {
    SubqueryScope guard(this, &sub);
    for (size_t i = 0; i < clauses.size(); ++i) {
      const ast::Clause& c = clauses[i];
      if (const char* name = UpdatingClauseName(c)) {
        return SyntaxErrorAt(OffsetOf(c), "InvalidClauseComposition",
                             std::string("an EXISTS subquery only reads; it cannot contain ") +
                                 name);
      }
      const bool last = i + 1 == clauses.size();
      if (!last && boost::get<ast::Return>(&c)) {
        return Error(OffsetOf(c), "InvalidClauseComposition",
                     "RETURN can only be used at the end of an EXISTS subquery");
      }
      COPMAP_RETURN_IF_ERROR(BindClause(c, last, &sub));
    }
  }
  return AddSubquery(ExprKind::kExistsSubquery, s.offset, std::move(sub));
}

Result<ExprPtr> Binder::BindPatternComprehension(const ast::PatternComprehension& c) {
  // [p = pattern WHERE w | e] runs as MATCH p = pattern WHERE w RETURN e.
  ast::PatternPart part;
  part.offset = c.offset;
  part.path_variable = c.path_variable;
  part.element = c.element;
  ast::Match match;
  match.offset = c.offset;
  match.pattern.push_back(std::move(part));
  match.where = c.where;
  ast::ProjectionItem item;
  item.offset = c.projection.offset;
  item.value.offset = c.projection.offset;
  item.value.expression = c.projection;
  item.value.text = "value";
  ast::Return projection;
  projection.offset = c.projection.offset;
  projection.body.items.push_back(std::move(item));
  BoundSingleQuery sub;
  {
    SubqueryScope guard(this, &sub);
    COPMAP_RETURN_IF_ERROR(BindClause(ast::Clause(std::move(match)), false, &sub));
    COPMAP_RETURN_IF_ERROR(BindClause(ast::Clause(std::move(projection)), true, &sub));
  }
  return AddSubquery(ExprKind::kPatternComprehension, c.offset, std::move(sub));
}

}  // namespace copmap::query
