// shortestPath and allShortestPaths between two bound nodes: a
// bidirectional breadth-first search that grows the smaller frontier one
// level at a time and stops at the first level where the two sides meet.
// No path is enumerated beyond the shortest ones.
#include <algorithm>
#include <deque>
#include <unordered_map>

#include "query/executor/entities.h"
#include "query/executor/operator.h"
#include "query/executor/traversal.h"

namespace copmap::query {

namespace {

using storage::NodeId;
using storage::RelId;

struct Side {
  const Traversal* traversal = nullptr;
  // node -> (distance, the ways it was first reached: (previous node, relationship))
  std::unordered_map<NodeId, std::pair<uint32_t, std::vector<std::pair<NodeId, RelId>>>> seen;
  std::vector<NodeId> frontier;
  uint32_t depth = 0;
};

class ShortestPath final : public Operator {
 public:
  ShortestPath(const LogicalOperator& op, ExecContext& ctx)
      : Operator(op, ctx), forward_(Traversal::For(ctx, *op.rel, true)),
        backward_(forward_.Reversed()) {
    all_ = op.part->shortest == ast::ShortestKind::kAllShortest;
  }

 protected:
  Result<bool> NextRow(Row& row) override {
    while (pending_.empty()) {
      COPMAP_ASSIGN_OR_RETURN(bool more, input().Next(input_row_));
      if (!more) return false;
      COPMAP_RETURN_IF_ERROR(Search());
    }
    row = std::move(pending_.front());
    pending_.pop_front();
    return true;
  }

 private:
  Status Search() {
    const Value& a = input_row_[logical_.from_slot];
    const Value& b = input_row_[logical_.to_slot];
    if (a.is_null() || b.is_null() || forward_.empty) return Status::OK();
    const BoundRel& rel = *logical_.rel;
    const NodeId from = a.as_int(), to = b.as_int();
    if (from == to) {
      if (rel.min_hops == 0) return EmitPath({from}, {});
      return Status::OK();
    }
    const uint32_t max = rel.unbounded ? UINT32_MAX : rel.max_hops;
    Side sa, sb;
    sa.traversal = &forward_;
    sb.traversal = &backward_;
    sa.seen[from] = {0, {}};
    sb.seen[to] = {0, {}};
    sa.frontier = {from};
    sb.frontier = {to};
    while (!sa.frontier.empty() && !sb.frontier.empty() && sa.depth + sb.depth < max) {
      Side& grow = sa.frontier.size() <= sb.frontier.size() ? sa : sb;
      Side& other = &grow == &sa ? sb : sa;
      std::vector<NodeId> meet;
      COPMAP_RETURN_IF_ERROR(Grow(grow, other, &meet));
      if (meet.empty()) continue;
      // Keep the meeting nodes of the smallest total length.
      uint32_t best = UINT32_MAX;
      for (NodeId m : meet) best = std::min(best, sa.seen[m].first + sb.seen[m].first);
      std::vector<NodeId> chosen;
      for (NodeId m : meet) {
        if (sa.seen[m].first + sb.seen[m].first == best) chosen.push_back(m);
      }
      if (!all_) chosen.resize(1);
      for (NodeId m : chosen) {
        std::vector<std::pair<std::vector<NodeId>, std::vector<RelId>>> left, right;
        Unwind(sa, m, &left);
        Unwind(sb, m, &right);
        for (auto& [ln, lr] : left) {
          for (auto& [rn, rr] : right) {
            std::vector<NodeId> nodes(ln.rbegin(), ln.rend());
            std::vector<RelId> rels(lr.rbegin(), lr.rend());
            nodes.insert(nodes.end(), rn.begin() + 1, rn.end());
            rels.insert(rels.end(), rr.begin(), rr.end());
            COPMAP_RETURN_IF_ERROR(EmitPath(nodes, rels));
            if (!all_) return Status::OK();
          }
        }
      }
      return Status::OK();
    }
    return Status::OK();
  }

  // Expands one level of `grow`; collects nodes also seen by `other`.
  Status Grow(Side& grow, const Side& other, std::vector<NodeId>* meet) {
    std::vector<NodeId> next;
    const uint32_t depth = grow.depth + 1;
    for (NodeId u : grow.frontier) {
      for (const Traversal::Step& s : grow.traversal->steps) {
        ExpandFrom(ctx_, u, s, &iter_);
        for (storage::AdjIterator* it = iter_.get(); it->Valid(); it->Next()) {
          const storage::AdjEntry& e = it->entry();
          if (grow.traversal->Skip(s, u, e)) continue;
          auto found = grow.seen.find(e.neighbor);
          if (found == grow.seen.end()) {
            grow.seen[e.neighbor] = {depth, {{u, e.rel}}};
            next.push_back(e.neighbor);
            if (other.seen.count(e.neighbor)) meet->push_back(e.neighbor);
          } else if (all_ && found->second.first == depth) {
            found->second.second.emplace_back(u, e.rel);
          }
        }
        COPMAP_RETURN_IF_ERROR(iter_->status());
        COPMAP_RETURN_IF_ERROR(ctx_.CheckInterrupt());
      }
    }
    grow.frontier = std::move(next);
    grow.depth = depth;
    return Status::OK();
  }

  // Every way back from `node` to the side's origin: nodes from `node` to
  // the origin, and the relationships between them.
  void Unwind(const Side& side, NodeId node,
              std::vector<std::pair<std::vector<NodeId>, std::vector<RelId>>>* out) const {
    const auto& ways = side.seen.at(node).second;
    if (ways.empty()) {
      out->push_back({{node}, {}});
      return;
    }
    for (const auto& [prev, rel] : ways) {
      std::vector<std::pair<std::vector<NodeId>, std::vector<RelId>>> tails;
      Unwind(side, prev, &tails);
      for (auto& [nodes, rels] : tails) {
        nodes.insert(nodes.begin(), node);
        rels.insert(rels.begin(), rel);
        out->emplace_back(std::move(nodes), std::move(rels));
      }
      if (!all_) return;
    }
  }

  Status EmitPath(const std::vector<NodeId>& nodes, const std::vector<RelId>& rels) {
    Row row = input_row_;
    PathValue path;
    ValueList rel_values;
    for (NodeId n : nodes) {
      COPMAP_ASSIGN_OR_RETURN(Value v, MaterializeNode(ctx_, n));
      path.nodes.push_back(v.as_node());
    }
    for (RelId r : rels) {
      COPMAP_ASSIGN_OR_RETURN(Value v, MaterializeRel(ctx_, r));
      path.relationships.push_back(v.as_relationship());
      rel_values.push_back(std::move(v));
    }
    row[logical_.rel->slot] = Value(std::move(rel_values));
    if (logical_.part->path_slot >= 0) row[logical_.part->path_slot] = Value(std::move(path));
    pending_.push_back(std::move(row));
    return Status::OK();
  }

  Traversal forward_, backward_;
  bool all_ = false;
  Row input_row_;
  std::deque<Row> pending_;
  std::unique_ptr<storage::AdjIterator> iter_;  // reused by every expansion (ExpandFrom)
};

}  // namespace

OperatorPtr MakeShortestPathOperator(const LogicalOperator& op, ExecContext& ctx) {
  return std::make_unique<ShortestPath>(op, ctx);
}

}  // namespace copmap::query
