// Row-at-a-time operators: Once, Argument, Filter, Optional, Projection,
// Distinct, Sort, Skip, Limit, Unwind, Eager, ProcedureCall,
// ProduceResults and Union.
#include <algorithm>
#include <deque>
#include <unordered_set>

#include "query/executor/entities.h"
#include "query/executor/evaluator.h"
#include "query/executor/operator.h"
#include "query/procedures/procedure.h"
#include "query/runtime/compare.h"
#include "query/runtime/errors.h"

namespace copmap::query {

namespace {

class Once final : public Operator {
 public:
  Once(const LogicalOperator& op, ExecContext& ctx, int num_slots)
      : Operator(op, ctx), num_slots_(num_slots) {}

 protected:
  Result<bool> NextRow(Row& row) override {
    if (done_) return false;
    done_ = true;
    row.assign(num_slots_, Value());
    return true;
  }

 private:
  int num_slots_;
  bool done_ = false;
};

}  // namespace

class ArgumentOperator final : public Operator {
 public:
  using Operator::Operator;
  void Set(const Row& row) {
    row_ = row;
    ready_ = true;
  }

 protected:
  Result<bool> NextRow(Row& row) override {
    if (!ready_) return false;
    ready_ = false;
    row = row_;
    return true;
  }

 private:
  Row row_;
  bool ready_ = false;
};

void SetArgumentRow(Operator& argument, const Row& row) {
  static_cast<ArgumentOperator&>(argument).Set(row);
}

namespace {

class Filter final : public Operator {
 public:
  using Operator::Operator;

 protected:
  Result<bool> NextRow(Row& row) override {
    while (true) {
      COPMAP_ASSIGN_OR_RETURN(bool more, input().Next(row));
      if (!more) return false;
      COPMAP_RETURN_IF_ERROR(ctx_.CheckInterrupt());
      bool pass = true;
      for (const BoundExpression* p : logical_.predicates) {
        COPMAP_ASSIGN_OR_RETURN(pass, EvaluatePredicate(*p, row, ctx_));
        if (!pass) break;
      }
      if (pass) return true;
    }
  }
};

// OPTIONAL MATCH: the inner plan (children[1], fed through an Argument)
// runs per outer row; an outer row without inner rows comes out once with
// the clause's new variables null.
class Optional final : public Operator {
 public:
  Optional(const LogicalOperator& op, ExecContext& ctx, Operator* argument)
      : Operator(op, ctx), argument_(argument) {}

 protected:
  Result<bool> NextRow(Row& row) override {
    while (true) {
      if (active_) {
        COPMAP_ASSIGN_OR_RETURN(bool got, children_[1]->Next(row));
        if (got) {
          matched_ = true;
          return true;
        }
        active_ = false;
        if (!matched_) {
          row = outer_;
          for (int slot : logical_.slots) row[slot] = Value();
          return true;
        }
      }
      COPMAP_ASSIGN_OR_RETURN(bool more, input().Next(outer_));
      if (!more) return false;
      SetArgumentRow(*argument_, outer_);
      active_ = true;
      matched_ = false;
    }
  }

 private:
  Operator* argument_;
  Row outer_;
  bool active_ = false, matched_ = false;
};

class Project final : public Operator {
 public:
  using Operator::Operator;

 protected:
  Result<bool> NextRow(Row& row) override {
    COPMAP_ASSIGN_OR_RETURN(bool more, input().Next(row));
    if (!more) return false;
    for (const BoundProjectionItem& item : logical_.projection->items) {
      COPMAP_ASSIGN_OR_RETURN(Value v, Evaluate(*item.expression, row, ctx_));
      row[item.slot] = std::move(v);
    }
    return true;
  }
};

class Distinct final : public Operator {
 public:
  using Operator::Operator;

 protected:
  Result<bool> NextRow(Row& row) override {
    while (true) {
      COPMAP_ASSIGN_OR_RETURN(bool more, input().Next(row));
      if (!more) return false;
      ValueList key;
      key.reserve(logical_.slots.size());
      for (int slot : logical_.slots) key.push_back(row[slot]);
      if (seen_.insert(std::move(key)).second) return true;
    }
  }

 private:
  std::unordered_set<ValueList, runtime::RowHash, runtime::RowEquivalent> seen_;
};

// Evaluates SKIP or LIMIT: a non-negative integer.
Result<uint64_t> CountOf(const BoundExpression& e, ExecContext& ctx, const char* what) {
  Row empty;
  COPMAP_ASSIGN_OR_RETURN(Value v, Evaluate(e, empty, ctx));
  // openCypher files a bad SKIP or LIMIT (from a parameter; literals are
  // checked by the binder) as a SyntaxError raised at run time: it is an
  // error of the query, not of the data.
  if (!v.is_int()) {
    return Status::SemanticError(std::string("InvalidArgumentType: ") + what +
                                 " takes a non-negative integer, got " + v.ToString());
  }
  if (v.as_int() < 0) {
    return Status::SemanticError(std::string("NegativeIntegerArgument: ") + what +
                                 " takes a non-negative integer, got " + v.ToString());
  }
  return static_cast<uint64_t>(v.as_int());
}

// Sorts its input. Under LIMIT (limit_hint) it keeps only the first rows
// seen so far, trimming whenever it holds twice as many, so memory stays
// bounded by the limit.
class Sort final : public Operator {
 public:
  Sort(const LogicalOperator& op, ExecContext& ctx, const BoundExpression* skip,
       const BoundExpression* limit)
      : Operator(op, ctx), skip_(skip), limit_(limit) {}

 protected:
  Result<bool> NextRow(Row& row) override {
    if (!sorted_) {
      COPMAP_RETURN_IF_ERROR(Fill());
      sorted_ = true;
    }
    if (next_ >= rows_.size()) return false;
    row = std::move(rows_[next_++].second);
    return true;
  }

 private:
  using Keyed = std::pair<ValueList, Row>;

  Status Fill() {
    std::optional<uint64_t> keep;
    if (limit_) {
      COPMAP_ASSIGN_OR_RETURN(uint64_t limit, CountOf(*limit_, ctx_, "LIMIT"));
      uint64_t skip = 0;
      if (skip_) {
        COPMAP_ASSIGN_OR_RETURN(skip, CountOf(*skip_, ctx_, "SKIP"));
      }
      keep = limit + skip;
    }
    const auto& order = logical_.projection->order_by;
    auto less = [&order](const Keyed& a, const Keyed& b) {
      for (size_t i = 0; i < order.size(); ++i) {
        int c = runtime::OrderCompare(a.first[i], b.first[i]);
        if (c != 0) return order[i].descending ? c > 0 : c < 0;
      }
      return false;
    };
    Row row;
    while (true) {
      COPMAP_ASSIGN_OR_RETURN(bool more, input().Next(row));
      if (!more) break;
      ValueList key;
      for (const BoundSortItem& item : order) {
        COPMAP_ASSIGN_OR_RETURN(Value v, Evaluate(*item.expression, row, ctx_));
        if (item.expression->kind == ExprKind::kSlot &&
            item.expression->var_kind != VarKind::kValue) {
          COPMAP_ASSIGN_OR_RETURN(v, MaterializeSlot(ctx_, v, item.expression->var_kind));
        }
        key.push_back(std::move(v));
      }
      rows_.emplace_back(std::move(key), row);
      if (keep && rows_.size() >= 2 * std::max<uint64_t>(*keep, 512)) Trim(*keep, less);
    }
    if (keep) Trim(*keep, less);
    std::stable_sort(rows_.begin(), rows_.end(), less);
    return Status::OK();
  }

  template <typename Less>
  void Trim(uint64_t keep, const Less& less) {
    if (rows_.size() <= keep) return;
    std::stable_sort(rows_.begin(), rows_.end(), less);
    rows_.resize(keep);
  }

  const BoundExpression* skip_;
  const BoundExpression* limit_;
  bool sorted_ = false;
  std::vector<Keyed> rows_;
  size_t next_ = 0;
};

class SkipLimit final : public Operator {
 public:
  using Operator::Operator;

 protected:
  Result<bool> NextRow(Row& row) override {
    const bool is_limit = logical_.kind == LogicalOpKind::kLimit;
    if (!count_) {
      COPMAP_ASSIGN_OR_RETURN(count_, CountOf(*logical_.expressions[0], ctx_,
                                              is_limit ? "LIMIT" : "SKIP"));
    }
    if (is_limit) {
      // Stops pulling once the limit is reached: nothing below runs further.
      if (seen_ >= *count_) return false;
      ++seen_;
      return input().Next(row);
    }
    while (seen_ < *count_) {
      COPMAP_ASSIGN_OR_RETURN(bool more, input().Next(row));
      if (!more) return false;
      ++seen_;
    }
    return input().Next(row);
  }

 private:
  std::optional<uint64_t> count_;
  uint64_t seen_ = 0;
};

class Unwind final : public Operator {
 public:
  using Operator::Operator;

 protected:
  Result<bool> NextRow(Row& row) override {
    const BoundUnwind& u = logical_.clause->unwind;
    while (true) {
      if (next_ < items_.size()) {
        COPMAP_RETURN_IF_ERROR(ctx_.CheckInterrupt());
        row = input_row_;
        row[u.slot] = items_[next_++];
        return true;
      }
      COPMAP_ASSIGN_OR_RETURN(bool more, input().Next(input_row_));
      if (!more) return false;
      COPMAP_ASSIGN_OR_RETURN(Value list, Evaluate(*u.list, input_row_, ctx_));
      items_.clear();
      next_ = 0;
      if (list.is_list()) {
        items_ = list.as_list();
      } else if (!list.is_null()) {
        items_.push_back(std::move(list));
      }
    }
  }

 private:
  Row input_row_;
  ValueList items_;
  size_t next_ = 0;
};

class Eager final : public Operator {
 public:
  using Operator::Operator;

 protected:
  Result<bool> NextRow(Row& row) override {
    if (!filled_) {
      Row r;
      while (true) {
        COPMAP_ASSIGN_OR_RETURN(bool more, input().Next(r));
        if (!more) break;
        rows_.push_back(r);
      }
      filled_ = true;
    }
    if (rows_.empty()) return false;
    row = std::move(rows_.front());
    rows_.pop_front();
    return true;
  }

 private:
  bool filled_ = false;
  std::deque<Row> rows_;
};

class ProcedureCall final : public Operator {
 public:
  using Operator::Operator;

 protected:
  Result<bool> NextRow(Row& row) override {
    const BoundCall& call = logical_.clause->call;
    while (true) {
      if (!results_.empty()) {
        row = input_row_;
        std::vector<Value>& out = results_.front();
        for (size_t i = 0; i < call.yields.size(); ++i) {
          row[call.yields[i].second] = EntitySlotValue(std::move(out[columns_[i]]));
        }
        results_.pop_front();
        return true;
      }
      COPMAP_ASSIGN_OR_RETURN(bool more, input().Next(input_row_));
      if (!more) return false;
      const Procedure* proc = ProcedureRegistry::Global().Find(call.procedure);
      if (proc == nullptr) return Status::NotFound("procedure " + call.procedure);
      columns_.clear();
      for (const auto& [field, slot] : call.yields) {
        for (size_t c = 0; c < proc->outputs.size(); ++c) {
          if (proc->outputs[c].name == field) columns_.push_back(c);
        }
      }
      std::vector<Value> args;
      for (const ExprPtr& a : call.args) {
        COPMAP_ASSIGN_OR_RETURN(Value v, Evaluate(*a, input_row_, ctx_));
        args.push_back(std::move(v));
      }
      ProcedureContext pctx{*ctx_.txn};
      COPMAP_RETURN_IF_ERROR(proc->run(pctx, args, [this](std::vector<Value> r) {
        results_.push_back(std::move(r));
        return ctx_.CheckInterrupt();
      }));
    }
  }

 private:
  // Entity slots hold ids (see MaterializeSlot); a procedure returns materialized values.
  static Value EntitySlotValue(Value v) {
    if (v.is_node()) return Value(static_cast<int64_t>(v.as_node().id));
    if (v.is_relationship()) return Value(static_cast<int64_t>(v.as_relationship().id));
    return v;
  }

  Row input_row_;
  std::vector<size_t> columns_;
  std::deque<std::vector<Value>> results_;
};

// The result columns, in order, with pattern variables materialized.
class ProduceResults final : public Operator {
 public:
  using Operator::Operator;

 protected:
  Result<bool> NextRow(Row& row) override {
    ctx_.query = logical_.query;
    COPMAP_ASSIGN_OR_RETURN(bool more, input().Next(work_));
    if (!more) return false;
    const BoundSingleQuery& q = *logical_.query;
    row.resize(q.column_slots.size());
    for (size_t i = 0; i < q.column_slots.size(); ++i) {
      COPMAP_ASSIGN_OR_RETURN(row[i],
                              MaterializeSlot(ctx_, work_[q.column_slots[i]], q.column_kinds[i]));
    }
    return true;
  }

 private:
  Row work_;
};

class Union final : public Operator {
 public:
  using Operator::Operator;

 protected:
  Result<bool> NextRow(Row& row) override {
    while (current_ < children_.size()) {
      COPMAP_ASSIGN_OR_RETURN(bool more, children_[current_]->Next(row));
      if (!more) {
        ++current_;
        continue;
      }
      if (logical_.union_all || seen_.insert(row).second) return true;
    }
    return false;
  }

 private:
  size_t current_ = 0;
  std::unordered_set<ValueList, runtime::RowHash, runtime::RowEquivalent> seen_;
};

}  // namespace

OperatorPtr MakeRowOperator(const LogicalOperator& op, ExecContext& ctx, int num_slots) {
  switch (op.kind) {
    case LogicalOpKind::kOnce: return std::make_unique<Once>(op, ctx, num_slots);
    case LogicalOpKind::kArgument: return std::make_unique<ArgumentOperator>(op, ctx);
    case LogicalOpKind::kFilter: return std::make_unique<Filter>(op, ctx);
    case LogicalOpKind::kProject: return std::make_unique<Project>(op, ctx);
    case LogicalOpKind::kDistinct: return std::make_unique<Distinct>(op, ctx);
    case LogicalOpKind::kSkip:
    case LogicalOpKind::kLimit: return std::make_unique<SkipLimit>(op, ctx);
    case LogicalOpKind::kUnwind: return std::make_unique<Unwind>(op, ctx);
    case LogicalOpKind::kEager: return std::make_unique<Eager>(op, ctx);
    case LogicalOpKind::kCall: return std::make_unique<ProcedureCall>(op, ctx);
    case LogicalOpKind::kProduceResults: return std::make_unique<ProduceResults>(op, ctx);
    case LogicalOpKind::kUnion: return std::make_unique<Union>(op, ctx);
    default: return nullptr;
  }
}

// Sort and Optional need more than the logical operator: built here.
OperatorPtr MakeSortOperator(const LogicalOperator& op, ExecContext& ctx,
                             const BoundExpression* skip, const BoundExpression* limit) {
  return std::make_unique<Sort>(op, ctx, skip, limit);
}
OperatorPtr MakeOptionalOperator(const LogicalOperator& op, ExecContext& ctx, Operator* argument) {
  return std::make_unique<Optional>(op, ctx, argument);
}

}  // namespace copmap::query
