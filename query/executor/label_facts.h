// Label facts: "every relationship of type T has a node with label L at its
// start (or end)", derived from the store's degree counts and remembered per
// committed state (storage::DataVersion).
//
// Why: copmap's relationship types do not declare their end labels, so a
// pattern like (p:Person)-[:MEMBER_OF]->(c) must check p's label per row, a
// record read each. When the fact holds for the snapshot the query reads,
// that check is answered for every row at once, and a count of one-hop
// neighbours becomes a degree count (no expansion).
//
// How: the fact holds exactly when the degrees of L's members in T's
// direction add up to the number of T relationships (each relationship has
// one start and one end). That is one pass over L's member list with a
// degree read per member, done once per DataVersion and shared by every
// transaction that reads the same state. A transaction whose state has no
// version (it wrote) never uses or computes facts.
//
// Thread safety: every function may be called from many threads at once.
#pragma once

#include <optional>

#include "storage/graph_store.h"

namespace copmap::query {

enum class RelEnd : uint8_t { kStart, kEnd };

// The direction to expand from a node at `end` of a relationship to reach it.
inline storage::Direction DirectionFrom(RelEnd end) {
  return end == RelEnd::kStart ? storage::Direction::kOut : storage::Direction::kIn;
}

// Whether every `type` relationship has a node labelled `label` at `end` in
// the state `txn` reads. nullopt when it is not known: not computed yet for
// this state and `compute` is false, or `txn` has no DataVersion. Computing
// costs one degree read per member of `label` (see above).
Result<std::optional<bool>> LabelImplied(storage::Transaction& txn, storage::RelTypeId type,
                                         RelEnd end, storage::LabelId label, bool compute);

}  // namespace copmap::query
