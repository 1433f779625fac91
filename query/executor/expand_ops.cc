// Expand (one hop, to a new node or into a bound one), VarExpand (depth
// first, lazily, one path at a time) and BuildPath.
#include <algorithm>

#include "query/executor/entities.h"
#include "query/executor/operator.h"
#include "query/executor/traversal.h"

namespace copmap::query {

namespace {

bool UsedEarlier(const LogicalOperator& op, const Row& row, storage::RelId rel) {
  for (int slot : op.distinct_from) {
    const Value& v = row[slot];
    if (v.is_int() && static_cast<storage::RelId>(v.as_int()) == rel) return true;
  }
  return false;
}

class Expand final : public Operator {
 public:
  Expand(const LogicalOperator& op, ExecContext& ctx) : Operator(op, ctx) {
    forward_ = Traversal::For(ctx, *op.rel, op.from_left);
    backward_ = forward_.Reversed();
  }

 protected:
  Result<bool> NextRow(Row& row) override {
    const BoundRel& rel = *logical_.rel;
    while (true) {
      if (iter_ && iter_->Valid()) {
        const storage::AdjEntry e = iter_->entry();
        iter_->Next();
        COPMAP_RETURN_IF_ERROR(ctx_.CheckInterrupt());
        if (active_->Skip(active_->steps[step_ - 1], anchor_, e)) continue;
        if (target_ && e.neighbor != *target_) continue;
        if (UsedEarlier(logical_, input_row_, e.rel)) continue;
        if (rel.bound_before && input_row_[rel.slot] != Value(static_cast<int64_t>(e.rel))) {
          continue;
        }
        row = input_row_;
        if (!logical_.into) {
          row[logical_.to_slot] = Value(static_cast<int64_t>(e.neighbor));
        }
        row[rel.slot] = Value(static_cast<int64_t>(e.rel));
        if (!rel.properties.empty()) {
          COPMAP_ASSIGN_OR_RETURN(bool ok, RelPropertiesMatch(ctx_, e.rel, rel, row));
          if (!ok) continue;
        }
        return true;
      }
      if (iter_) COPMAP_RETURN_IF_ERROR(iter_->status());
      if (active_ && step_ < active_->steps.size()) {
        ExpandFrom(ctx_, anchor_, active_->steps[step_++], &iter_);
        continue;
      }
      active_ = nullptr;  // iter_ is kept for the next input row
      COPMAP_ASSIGN_OR_RETURN(bool more, input().Next(input_row_));
      if (!more) return false;
      COPMAP_RETURN_IF_ERROR(Start());
    }
  }

 private:
  // Picks the node to expand from: with both ends bound, the one with the
  // smaller degree (read from the degree counts, no scan).
  Status Start() {
    active_ = nullptr;
    step_ = 0;
    target_.reset();
    const Value& from = input_row_[logical_.from_slot];
    if (from.is_null() || forward_.empty) return Status::OK();
    active_ = &forward_;
    anchor_ = static_cast<storage::NodeId>(from.as_int());
    if (!logical_.into) return Status::OK();
    const Value& to = input_row_[logical_.to_slot];
    if (to.is_null()) {
      active_ = nullptr;
      return Status::OK();
    }
    const auto to_id = static_cast<storage::NodeId>(to.as_int());
    target_ = to_id;
    COPMAP_ASSIGN_OR_RETURN(uint64_t from_degree, forward_.Degree(ctx_, anchor_));
    COPMAP_ASSIGN_OR_RETURN(uint64_t to_degree, backward_.Degree(ctx_, to_id));
    if (to_degree < from_degree) {
      active_ = &backward_;
      target_ = anchor_;
      anchor_ = to_id;
    }
    return Status::OK();
  }

  Traversal forward_, backward_;
  const Traversal* active_ = nullptr;
  size_t step_ = 0;
  storage::NodeId anchor_ = 0;
  std::optional<storage::NodeId> target_;
  Row input_row_;
  std::unique_ptr<storage::AdjIterator> iter_;
};

class VarExpand final : public Operator {
 public:
  VarExpand(const LogicalOperator& op, ExecContext& ctx)
      : Operator(op, ctx), traversal_(Traversal::For(ctx, *op.rel, op.from_left)) {
    const BoundRel& rel = *op.rel;
    min_ = rel.min_hops;
    max_ = rel.unbounded ? ctx.max_var_length_depth : rel.max_hops;
  }

 protected:
  Result<bool> NextRow(Row& row) override {
    while (true) {
      if (frames_.empty()) {
        COPMAP_ASSIGN_OR_RETURN(bool more, input().Next(input_row_));
        if (!more) return false;
        const Value& from = input_row_[logical_.from_slot];
        // *3..1: an upper bound below the lower one matches nothing.
        if (from.is_null() || traversal_.empty || max_ < min_) continue;
        path_.clear();
        PushFrame(static_cast<storage::NodeId>(from.as_int()));
        if (min_ == 0) {
          COPMAP_ASSIGN_OR_RETURN(bool emitted, Emit(frames_.back().node, row));
          if (emitted) return true;
        }
        continue;
      }
      Frame& top = frames_.back();
      if (!top.iter || !top.iter->Valid()) {
        if (top.iter) COPMAP_RETURN_IF_ERROR(top.iter->status());
        if (top.step < traversal_.steps.size()) {
          ExpandFrom(ctx_, top.node, traversal_.steps[top.step++], &top.iter);
          continue;
        }
        if (top.iter) spare_iters_.push_back(std::move(top.iter));
        frames_.pop_back();
        if (!path_.empty() && frames_.size() == path_.size()) path_.pop_back();
        continue;
      }
      const storage::AdjEntry e = top.iter->entry();
      const Traversal::Step& step = traversal_.steps[top.step - 1];
      top.iter->Next();
      COPMAP_RETURN_IF_ERROR(ctx_.CheckInterrupt());
      if (traversal_.Skip(step, top.node, e)) continue;
      if (std::find(path_.begin(), path_.end(), e.rel) != path_.end()) continue;
      if (UsedEarlier(logical_, input_row_, e.rel)) continue;
      if (!logical_.rel->properties.empty()) {
        COPMAP_ASSIGN_OR_RETURN(bool ok, RelPropertiesMatch(ctx_, e.rel, *logical_.rel, input_row_));
        if (!ok) continue;
      }
      path_.push_back(e.rel);
      const size_t depth = path_.size();
      if (depth == max_ && logical_.rel->unbounded) {
        COPMAP_RETURN_IF_ERROR(CheckDepthLimit(e.neighbor));
      }
      Result<bool> emitted = false;
      if (depth >= min_) emitted = Emit(e.neighbor, row);
      if (depth < max_) {
        PushFrame(e.neighbor);
      } else {
        path_.pop_back();
      }
      if (!emitted.ok()) return emitted.status();
      if (*emitted) return true;
    }
  }

 private:
  struct Frame {
    storage::NodeId node;
    size_t step = 0;
    std::unique_ptr<storage::AdjIterator> iter;
  };

  // A frame takes an exhausted iterator of a popped one when there is one.
  void PushFrame(storage::NodeId node) {
    frames_.push_back(Frame{node, 0, nullptr});
    if (!spare_iters_.empty()) {
      frames_.back().iter = std::move(spare_iters_.back());
      spare_iters_.pop_back();
    }
  }

  // An unbounded * stops at the configured depth; a path that could go on
  // is an error, never a silent truncation.
  Status CheckDepthLimit(storage::NodeId node) {
    for (const Traversal::Step& s : traversal_.steps) {
      for (auto it = ctx_.txn->Expand(node, s.direction, s.type); it->Valid(); it->Next()) {
        if (std::find(path_.begin(), path_.end(), it->entry().rel) == path_.end()) {
          return Status::ResourceExhausted(
              "variable-length pattern reached the maximum depth of " + std::to_string(max_) +
              " hops (EngineOptions::max_var_length_depth) and could go further; give an "
              "upper bound such as *.." + std::to_string(max_));
        }
      }
    }
    return Status::OK();
  }

  Result<bool> Emit(storage::NodeId node, Row& row) {
    if (logical_.into) {
      const Value& to = input_row_[logical_.to_slot];
      if (to.is_null() || static_cast<storage::NodeId>(to.as_int()) != node) return false;
    }
    row = input_row_;
    row[logical_.to_slot] = Value(static_cast<int64_t>(node));
    if (logical_.emit_rels) {
      ValueList rels;
      rels.reserve(path_.size());
      for (storage::RelId id : path_) {
        COPMAP_ASSIGN_OR_RETURN(Value r, MaterializeRel(ctx_, id));
        rels.push_back(std::move(r));
      }
      row[logical_.rel->slot] = Value(std::move(rels));
    }
    return true;
  }

  Traversal traversal_;
  size_t min_ = 1, max_ = 1;
  Row input_row_;
  std::vector<Frame> frames_;
  std::vector<std::unique_ptr<storage::AdjIterator>> spare_iters_;
  std::vector<storage::RelId> path_;
};

class BuildPath final : public Operator {
 public:
  using Operator::Operator;

 protected:
  Result<bool> NextRow(Row& row) override {
    COPMAP_ASSIGN_OR_RETURN(bool more, input().Next(row));
    if (!more) return false;
    COPMAP_ASSIGN_OR_RETURN(row[logical_.part->path_slot],
                            BuildPathValue(ctx_, *logical_.part, row));
    return true;
  }
};

}  // namespace

OperatorPtr MakeExpandOperator(const LogicalOperator& op, ExecContext& ctx) {
  switch (op.kind) {
    case LogicalOpKind::kVarExpand: return std::make_unique<VarExpand>(op, ctx);
    case LogicalOpKind::kBuildPath: return std::make_unique<BuildPath>(op, ctx);
    default: return std::make_unique<Expand>(op, ctx);
  }
}

}  // namespace copmap::query
