// How to follow one relationship pattern from a node: the (direction, type)
// pairs to expand, shared by Expand, VarExpand and ShortestPath.
#pragma once

#include <optional>
#include <vector>

#include "query/binder/bound_statement.h"
#include "query/executor/exec_context.h"

namespace copmap::query {

struct Traversal {
  struct Step {
    storage::Direction direction;
    std::optional<storage::RelTypeId> type;
  };
  std::vector<Step> steps;
  bool undirected = false;
  bool empty = false;  // a named type that does not exist: nothing to follow

  // `forward`: from the pattern's left node to its right node.
  static Traversal For(ExecContext& ctx, const BoundRel& rel, bool forward);
  // The same relationships seen from the other end.
  Traversal Reversed() const;
  // Sum of the degrees over the steps (no scan).
  Result<uint64_t> Degree(ExecContext& ctx, storage::NodeId node) const;
  // Skips the second sighting of a self loop when both directions are followed.
  bool Skip(const Step& step, storage::NodeId from, const storage::AdjEntry& e) const {
    return undirected && step.direction == storage::Direction::kIn && e.neighbor == from;
  }
};

// Points `*iter` at `node`'s relationships of `step`. In a read-only statement
// an existing iterator is moved there (AdjIterator::Reseek): a walk that
// expands thousands of nodes makes one storage iterator, not thousands. A
// writing statement always gets a new one, because a RocksDB transaction's
// iterators do not see writes made after they were created.
void ExpandFrom(ExecContext& ctx, storage::NodeId node, const Traversal::Step& step,
                std::unique_ptr<storage::AdjIterator>* iter);

}  // namespace copmap::query
