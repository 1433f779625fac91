// IdMap: import ids (the text of :ID columns, per id space) to the node ids
// the store assigned, so that relationship rows can find their ends.
//
// Ids that are canonical decimal integers ("42", not "042") are kept as
// numbers; any other text in a hash map of strings. Numbers that rise by one
// while the node ids do too (a file of ids 1..N loaded in order, the usual
// export, whatever the order of the files) are kept as runs: one (first id,
// count, first node) triple per run, so that a relationship end costs a
// binary search in a small array that stays in cache rather than a cache
// miss in a big one (that miss was 6 % of a 1M-people import). Other numbers
// go to a dense array when small and non-negative, else to a hash map.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storage/graph_store.h"

namespace copmap::interchange {

class IdMap {
 public:
  // The index of an id space by name, created on first use.
  uint32_t Space(std::string_view name);
  // False when `id` is already in `space`.
  bool Insert(uint32_t space, std::string_view id, storage::NodeId node);
  std::optional<storage::NodeId> Find(uint32_t space, std::string_view id) const;
  const std::string& SpaceName(uint32_t space) const { return spaces_[space].name; }

 private:
  struct Run {
    int64_t first;  // import id
    int64_t count;
    storage::NodeId node;  // of `first`
  };
  struct SpaceMap {
    std::string name;
    std::vector<Run> runs;  // ascending, disjoint
    std::vector<storage::NodeId> dense;  // node id + 1; 0 means absent
    std::unordered_map<int64_t, storage::NodeId> ints;
    std::unordered_map<std::string, storage::NodeId> strings;
    size_t size = 0;
  };
  static std::optional<storage::NodeId> FromRun(const SpaceMap& s, int64_t v);
  static bool InRun(const SpaceMap& s, int64_t v) { return FromRun(s, v).has_value(); }
  // Extends a run or starts one; false when `v` must go elsewhere.
  static bool AddToRuns(SpaceMap* s, int64_t v, storage::NodeId node);
  static bool InOtherMaps(const SpaceMap& s, int64_t v);

  std::vector<SpaceMap> spaces_;
};

}  // namespace copmap::interchange
