// IdMap: import ids (the text of :ID columns, per id space) to the node ids
// the store assigned, so that relationship rows can find their ends.
//
// Ids that are canonical decimal integers ("42", not "042") are kept as
// numbers: small non-negative ones in a dense array, others in a hash map;
// any other text in a hash map of strings. The generator's 1.5M nodes thus
// cost 8 bytes each.
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
  struct SpaceMap {
    std::string name;
    std::vector<storage::NodeId> dense;  // node id + 1; 0 means absent
    std::unordered_map<int64_t, storage::NodeId> ints;
    std::unordered_map<std::string, storage::NodeId> strings;
    size_t size = 0;
  };
  std::vector<SpaceMap> spaces_;
};

}  // namespace copmap::interchange
