// PostingLists: the label-scan and type-scan entries of a bulk load, held
// compactly until Finish(). Internal to storage/.
//
// A bulk load hands out node and relationship ids in increasing order, so
// the ids under one tag (a label or a relationship type) arrive sorted. Each
// tag keeps its ids as varint deltas (one or two bytes per id for dense
// loads instead of a 12-byte key plus allocation), and WriteTo() emits the
// keys tag(4) id(8) in key order: tags ascending, ids ascending.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "storage/bulk_sst.h"

namespace copmap::storage {

class PostingLists {
 public:
  // REQUIRES: `id` greater than every id added under `tag` before.
  void Add(uint32_t tag, uint64_t id);
  // Count of ids added under `tag`.
  uint64_t Count(uint32_t tag) const { return tag < lists_.size() ? lists_[tag].count : 0; }
  size_t tags() const { return lists_.size(); }
  Status WriteTo(SstStream* out) const;

 private:
  struct List {
    std::string deltas;
    uint64_t last = 0;
    uint64_t count = 0;
  };
  std::vector<List> lists_;  // by tag; catalog ids are dense
};

}  // namespace copmap::storage
