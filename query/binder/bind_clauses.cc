// Binding clauses and whole statements.
#include <algorithm>
#include <set>

#include "query/binder/binder.h"
#include "query/binder/binder_impl.h"
#include "query/procedures/procedure.h"

namespace copmap::query {

namespace {

// Splits a predicate at its top-level ANDs.
void SplitConjuncts(ExprPtr e, std::vector<ExprPtr>* out) {
  if (e->kind == ExprKind::kAnd) {
    SplitConjuncts(std::move(e->children[0]), out);
    SplitConjuncts(std::move(e->children[1]), out);
    return;
  }
  out->push_back(std::move(e));
}

}  // namespace

Result<BoundStatement> Bind(const ast::Statement& statement, std::string_view source) {
  Binder binder(source);
  return binder.BindStatement(statement);
}

Result<BoundStatement> Binder::BindStatement(const ast::Statement& statement) {
  BoundStatement out;
  out.mode = statement.mode;
  if (const auto* c = boost::get<ast::CreateSchema>(&statement.body)) {
    out.create_schema = *c;
    out.writes = true;
    return out;
  }
  if (const auto* d = boost::get<ast::DropSchema>(&statement.body)) {
    out.drop_schema = *d;
    out.writes = true;
    return out;
  }
  if (const auto* s = boost::get<ast::ShowSchema>(&statement.body)) {
    out.show_schema = *s;
    return out;
  }
  const ast::Query& query = boost::get<ast::Query>(statement.body);
  COPMAP_ASSIGN_OR_RETURN(BoundSingleQuery first, BindSingleQuery(query.first));
  out.queries.push_back(std::move(first));
  for (size_t i = 0; i < query.unions.size(); ++i) {
    const ast::UnionPart& u = query.unions[i];
    if (i > 0 && u.all != out.union_all) {
      return Error(u.offset, "InvalidClauseComposition",
                   "UNION and UNION ALL cannot be mixed");
    }
    out.union_all = u.all;
    *this = Binder(source_);  // each part has its own names and slots
    COPMAP_ASSIGN_OR_RETURN(BoundSingleQuery part, BindSingleQuery(u.query));
    if (part.columns != out.queries[0].columns) {
      return Error(u.offset, "DifferentColumnsInUnion",
                   "All sub queries in a UNION must have the same column names");
    }
    out.queries.push_back(std::move(part));
  }
  out.writes = writes_;
  return out;
}

Result<BoundSingleQuery> Binder::BindSingleQuery(const ast::SingleQuery& q) {
  BoundSingleQuery out;
  query_ = &out;
  for (size_t i = 0; i < q.clauses.size(); ++i) {
    const ast::Clause& c = q.clauses[i];
    const bool last = i + 1 == q.clauses.size();
    if (!last && boost::get<ast::Return>(&c)) {
      return Error(boost::get<ast::Return>(c).offset, "InvalidClauseComposition",
                   "RETURN can only be used at the end of the query");
    }
    COPMAP_RETURN_IF_ERROR(BindClause(c, last, &out));
  }
  const ast::Clause& final_clause = q.clauses.back();
  const bool ends_ok = boost::get<ast::Return>(&final_clause) || writes_ ||
                       boost::get<ast::Call>(&final_clause);
  if (!ends_ok) {
    return Error(q.offset, "InvalidClauseComposition",
                 "Query cannot conclude with " +
                     std::string(boost::get<ast::With>(&final_clause)    ? "WITH"
                                 : boost::get<ast::Unwind>(&final_clause) ? "UNWIND"
                                                                          : "MATCH") +
                     " (must be a RETURN clause, an update clause or a procedure call)");
  }
  out.num_slots = next_slot_;
  query_ = nullptr;
  return out;
}

Result<BoundSetItem> Binder::BindSetItem(const ast::SetItem& item) {
  BoundSetItem out;
  auto bind_target = [&](const ast::Variable& v) -> Status {
    COPMAP_ASSIGN_OR_RETURN(VarInfo info, Lookup(v));
    if (info.kind == VarKind::kValue) {
      return Error(v.offset, "InvalidArgumentType",
                   "Variable `" + v.name + "` is not a node or relationship");
    }
    out.slot = info.slot;
    out.var_kind = info.kind;
    return Status::OK();
  };
  if (const auto* p = boost::get<ast::SetProperty>(&item)) {
    COPMAP_RETURN_IF_ERROR(bind_target(p->variable));
    out.kind = BoundSetItem::Kind::kProperty;
    out.key = p->key;
    COPMAP_ASSIGN_OR_RETURN(out.value, BindExpression(p->value));
  } else if (const auto* v = boost::get<ast::SetVariable>(&item)) {
    COPMAP_RETURN_IF_ERROR(bind_target(v->variable));
    out.kind = v->merge ? BoundSetItem::Kind::kMerge : BoundSetItem::Kind::kReplace;
    COPMAP_ASSIGN_OR_RETURN(out.value, BindExpression(v->value));
  } else {
    const auto& l = boost::get<ast::SetLabels>(item);
    COPMAP_RETURN_IF_ERROR(bind_target(l.variable));
    if (out.var_kind != VarKind::kNode) {
      return Error(l.variable.offset, "InvalidArgumentType", "only nodes have labels");
    }
    out.kind = BoundSetItem::Kind::kLabels;
    out.labels = l.labels;
  }
  return out;
}

Status Binder::BindClause(const ast::Clause& c, bool last, BoundSingleQuery* out) {
  BoundClause clause;
  if (const auto* m = boost::get<ast::Match>(&c)) {
    clause.kind = BoundClause::Kind::kMatch;
    clause.match.optional = m->optional;
    for (const ast::PatternPart& part : m->pattern) {
      COPMAP_ASSIGN_OR_RETURN(
          BoundPatternPart bound,
          BindPatternPart(part, PatternMode::kMatch, &clause.match.new_slots));
      clause.match.parts.push_back(std::move(bound));
    }
    if (m->where) {
      COPMAP_ASSIGN_OR_RETURN(ExprPtr where, BindExpression(*m->where));
      SplitConjuncts(std::move(where), &clause.match.predicates);
    }
  } else if (const auto* u = boost::get<ast::Unwind>(&c)) {
    clause.kind = BoundClause::Kind::kUnwind;
    COPMAP_ASSIGN_OR_RETURN(clause.unwind.list, BindExpression(u->list));
    if (scope_.count(u->variable.name)) {
      return Error(u->variable.offset, "VariableAlreadyBound",
                   "Variable `" + u->variable.name + "` already declared");
    }
    clause.unwind.slot = NewSlot();
    scope_[u->variable.name] = VarInfo{clause.unwind.slot, VarKind::kValue};
  } else if (const auto* w = boost::get<ast::With>(&c)) {
    clause.kind = BoundClause::Kind::kProjection;
    COPMAP_ASSIGN_OR_RETURN(clause.projection,
                            BindProjection(w->body, w->where, false, w->offset, out));
  } else if (const auto* r = boost::get<ast::Return>(&c)) {
    clause.kind = BoundClause::Kind::kProjection;
    COPMAP_ASSIGN_OR_RETURN(clause.projection,
                            BindProjection(r->body, boost::none, true, r->offset, out));
  } else if (const auto* cr = boost::get<ast::Create>(&c)) {
    writes_ = true;
    clause.kind = BoundClause::Kind::kCreate;
    for (const ast::PatternPart& part : cr->pattern) {
      COPMAP_ASSIGN_OR_RETURN(BoundPatternPart bound,
                              BindPatternPart(part, PatternMode::kCreate, nullptr));
      clause.create.parts.push_back(std::move(bound));
    }
  } else if (const auto* mg = boost::get<ast::Merge>(&c)) {
    writes_ = true;
    clause.kind = BoundClause::Kind::kMerge;
    COPMAP_ASSIGN_OR_RETURN(clause.merge.part, BindPatternPart(mg->pattern, PatternMode::kMerge,
                                                               &clause.merge.new_slots));
    for (const ast::MergeAction& action : mg->actions) {
      for (const ast::SetItem& item : action.items) {
        COPMAP_ASSIGN_OR_RETURN(BoundSetItem bound, BindSetItem(item));
        (action.on_create ? clause.merge.on_create : clause.merge.on_match)
            .push_back(std::move(bound));
      }
    }
  } else if (const auto* s = boost::get<ast::SetClause>(&c)) {
    writes_ = true;
    clause.kind = BoundClause::Kind::kSet;
    for (const ast::SetItem& item : s->items) {
      COPMAP_ASSIGN_OR_RETURN(BoundSetItem bound, BindSetItem(item));
      clause.set.items.push_back(std::move(bound));
    }
  } else if (const auto* rm = boost::get<ast::Remove>(&c)) {
    writes_ = true;
    clause.kind = BoundClause::Kind::kRemove;
    for (const ast::RemoveItem& item : rm->items) {
      BoundSetItem bound;
      if (const auto* p = boost::get<ast::RemoveProperty>(&item)) {
        ast::SetProperty as_set;
        as_set.variable = p->variable;
        as_set.key = p->key;
        as_set.value.first.atom = ast::NullLiteral{};
        COPMAP_ASSIGN_OR_RETURN(bound, BindSetItem(ast::SetItem(as_set)));
      } else {
        COPMAP_ASSIGN_OR_RETURN(bound, BindSetItem(ast::SetItem(boost::get<ast::SetLabels>(item))));
      }
      clause.remove.items.push_back(std::move(bound));
    }
  } else if (const auto* d = boost::get<ast::Delete>(&c)) {
    writes_ = true;
    clause.kind = BoundClause::Kind::kDelete;
    clause.del.detach = d->detach;
    for (const ast::Expression& target : d->targets) {
      COPMAP_ASSIGN_OR_RETURN(ExprPtr t, BindExpression(target));
      COPMAP_RETURN_IF_ERROR(CheckDeleteTarget(*t));
      clause.del.targets.push_back(std::move(t));
    }
  } else {
    const auto& call = boost::get<ast::Call>(c);
    clause.kind = BoundClause::Kind::kCall;
    const Procedure* proc = ProcedureRegistry::Global().Find(call.procedure);
    if (proc == nullptr) {
      return Error(call.offset, "ProcedureNotFound",
                   "There is no procedure with the name `" + call.procedure + "` registered");
    }
    if (proc->writes) writes_ = true;
    clause.call.procedure = proc->name;
    if (call.args) {
      const size_t required = static_cast<size_t>(
          std::count_if(proc->arguments.begin(), proc->arguments.end(),
                        [](const ProcedureColumn& a) { return !a.optional; }));
      if (call.args->size() < required || call.args->size() > proc->arguments.size()) {
        std::string expected = std::to_string(proc->arguments.size());
        if (required != proc->arguments.size()) {
          expected = std::to_string(required) + " to " + expected;
        }
        return Error(call.offset, "InvalidNumberOfArguments",
                     "Procedure call does not provide the required number of arguments: got " +
                         std::to_string(call.args->size()) + " expected " + expected);
      }
      for (const ast::Expression& a : *call.args) {
        COPMAP_ASSIGN_OR_RETURN(ExprPtr arg, BindExpression(a));
        clause.call.args.push_back(std::move(arg));
      }
    } else if (!proc->arguments.empty()) {
      // CALL p without parentheses takes its arguments from parameters of the same names.
      for (const ProcedureColumn& arg : proc->arguments) {
        ExprPtr e = Node(ExprKind::kParameter, call.offset);
        e->name = arg.name;
        clause.call.args.push_back(std::move(e));
      }
    }
    auto yield_column = [&](const std::string& field, const std::string& name,
                            uint32_t offset) -> Status {
      auto output = std::find_if(proc->outputs.begin(), proc->outputs.end(),
                                 [&](const ProcedureColumn& o) { return o.name == field; });
      if (output == proc->outputs.end()) {
        return Error(offset, "UndefinedVariable",
                     "Unknown procedure output: `" + field + "`");
      }
      if (scope_.count(name)) {
        return Error(offset, "VariableAlreadyBound", "Variable `" + name + "` already declared");
      }
      int slot = NewSlot();
      // Yielded nodes and relationships are entities, so later patterns can start from them.
      VarKind kind = output->type == "NODE"           ? VarKind::kNode
                     : output->type == "RELATIONSHIP" ? VarKind::kRelationship
                                                      : VarKind::kValue;
      scope_[name] = VarInfo{slot, kind};
      clause.call.yields.emplace_back(field, slot);
      return Status::OK();
    };
    if (!call.yield || call.yield->star) {
      if (!last && !call.yield) {
        return Error(call.offset, "InvalidClauseComposition",
                     "A procedure call inside a query must use YIELD");
      }
      for (const ProcedureColumn& o : proc->outputs) {
        COPMAP_RETURN_IF_ERROR(yield_column(o.name, o.name, call.offset));
      }
    } else {
      for (const ast::YieldItem& item : call.yield->items) {
        COPMAP_RETURN_IF_ERROR(
            yield_column(item.field, item.alias ? item.alias->name : item.field, item.offset));
      }
    }
    if (call.yield && call.yield->where) {
      COPMAP_ASSIGN_OR_RETURN(clause.call.where, BindExpression(*call.yield->where));
    }
    if (last) {
      clause.call.standalone = true;
      out->columns.clear();
      out->column_slots.clear();
      out->column_kinds.clear();
      for (const auto& [field, slot] : clause.call.yields) {
        out->columns.push_back(field);
        out->column_slots.push_back(slot);
        out->column_kinds.push_back(VarKind::kValue);
      }
      if (call.yield && !call.yield->star) {
        for (size_t i = 0; i < call.yield->items.size(); ++i) {
          if (call.yield->items[i].alias) out->columns[i] = call.yield->items[i].alias->name;
        }
      }
    }
  }
  out->clauses.push_back(std::move(clause));
  return Status::OK();
}

}  // namespace copmap::query
