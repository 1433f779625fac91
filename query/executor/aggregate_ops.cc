// Aggregate: groups rows by the projection's keys (openCypher's implicit
// grouping) and accumulates its aggregates with query/runtime's
// accumulators.
#include <unordered_map>

#include "query/executor/evaluator.h"
#include "query/executor/operator.h"
#include "query/runtime/aggregates.h"
#include "query/runtime/compare.h"

namespace copmap::query {

namespace {

class Aggregate final : public Operator {
 public:
  Aggregate(const LogicalOperator& op, ExecContext& ctx, int num_slots)
      : Operator(op, ctx), num_slots_(num_slots) {}

 protected:
  Result<bool> NextRow(Row& row) override {
    if (!filled_) {
      COPMAP_RETURN_IF_ERROR(Fill());
      filled_ = true;
    }
    if (next_ >= groups_.size()) return false;
    Group& g = groups_[next_++];
    const BoundProjection& p = *logical_.projection;
    row.assign(num_slots_, Value());
    for (size_t i = 0; i < p.keys.size(); ++i) row[p.keys[i].slot] = std::move(g.keys[i]);
    for (size_t i = 0; i < p.aggregates.size(); ++i) {
      if (logical_.weight_slot >= 0) {
        row[p.aggregates[i].slot] = Value(g.weight);
        continue;
      }
      COPMAP_ASSIGN_OR_RETURN(row[p.aggregates[i].slot], g.aggregators[i]->Finish());
    }
    return true;
  }

 private:
  struct Group {
    ValueList keys;
    std::vector<std::unique_ptr<runtime::Aggregator>> aggregators;
    int64_t weight = 0;  // with a weight slot: the rows the group stands for
  };

  Result<size_t> GroupOf(ValueList keys) {
    auto it = index_.find(keys);
    if (it != index_.end()) return it->second;
    Group g;
    // Weighted groups count in Group::weight; no accumulator per group.
    for (const BoundAggregate& a : logical_.projection->aggregates) {
      if (logical_.weight_slot >= 0) break;
      COPMAP_ASSIGN_OR_RETURN(auto acc, runtime::MakeAggregator(a.function, a.distinct, a.star));
      g.aggregators.push_back(std::move(acc));
    }
    g.keys = keys;
    groups_.push_back(std::move(g));
    index_.emplace(std::move(keys), groups_.size() - 1);
    return groups_.size() - 1;
  }

  Status Fill() {
    const BoundProjection& p = *logical_.projection;
    Row row;
    while (true) {
      COPMAP_ASSIGN_OR_RETURN(bool more, input().Next(row));
      if (!more) break;
      COPMAP_RETURN_IF_ERROR(ctx_.CheckInterrupt());
      ValueList keys;
      keys.reserve(p.keys.size());
      for (const BoundProjectionItem& k : p.keys) {
        COPMAP_ASSIGN_OR_RETURN(Value v, Evaluate(*k.expression, row, ctx_));
        keys.push_back(std::move(v));
      }
      COPMAP_ASSIGN_OR_RETURN(size_t g, GroupOf(std::move(keys)));
      // Weighted rows come from ExpandCount and every aggregate is a plain count.
      if (logical_.weight_slot >= 0) {
        groups_[g].weight += row[logical_.weight_slot].as_int();
        continue;
      }
      for (size_t i = 0; i < p.aggregates.size(); ++i) {
        const BoundAggregate& a = p.aggregates[i];
        runtime::Aggregator& acc = *groups_[g].aggregators[i];
        if (a.star) {
          COPMAP_RETURN_IF_ERROR(acc.Add(Value(true)));
          continue;
        }
        // count(n) of a pattern variable needs its id, not the whole node.
        Value arg;
        if (a.function == "count" && a.argument->kind == ExprKind::kEntity) {
          arg = row[a.argument->slot];
        } else {
          COPMAP_ASSIGN_OR_RETURN(arg, Evaluate(*a.argument, row, ctx_));
        }
        if (a.parameter) {
          COPMAP_ASSIGN_OR_RETURN(Value param, Evaluate(*a.parameter, row, ctx_));
          COPMAP_RETURN_IF_ERROR(acc.Add(arg, param));
        } else {
          COPMAP_RETURN_IF_ERROR(acc.Add(arg));
        }
      }
    }
    // Without grouping keys there is one group even when no row came in.
    if (groups_.empty() && p.keys.empty()) COPMAP_RETURN_IF_ERROR(GroupOf({}).status());
    return Status::OK();
  }

  int num_slots_;
  bool filled_ = false;
  std::unordered_map<ValueList, size_t, runtime::RowHash, runtime::RowEquivalent> index_;
  std::vector<Group> groups_;
  size_t next_ = 0;
};

}  // namespace

OperatorPtr MakeAggregateOperator(const LogicalOperator& op, ExecContext& ctx, int num_slots) {
  return std::make_unique<Aggregate>(op, ctx, num_slots);
}

}  // namespace copmap::query
