// AdjRecord and EncodedRun: the sorted runs of a bulk load's adjacency
// external sort, held in memory as delta varints. Internal to storage/.
//
// A record is stored against the one before it: the node_dir delta, then
// the type (a delta when the node_dir repeats), the neighbour (a delta when
// node_dir and type repeat) and the relationship id, each a varint. Sorted
// adjacency repeats node and type and has close neighbours, so a record
// takes about 9 bytes instead of 32: a 1M-people load's 31M entries fit in
// memory instead of a gigabyte of run files written and read back (the
// kernel's copying alone was 6 % of the load). Every kBlock records the
// encoding starts again from zero, so a reader can begin at a block.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace copmap::storage {

// One adjacency entry; ordered as its key in the adj column family.
struct AdjRecord {
  uint64_t node_dir;  // node << 1 | direction
  uint32_t type;
  uint64_t neighbor;
  uint64_t rel;

  bool operator<(const AdjRecord& o) const {
    if (node_dir != o.node_dir) return node_dir < o.node_dir;
    if (type != o.type) return type < o.type;
    if (neighbor != o.neighbor) return neighbor < o.neighbor;
    return rel < o.rel;
  }
};

class EncodedRun {
 public:
  static constexpr size_t kBlock = 1024;

  // REQUIRES: `sorted` is sorted.
  EncodedRun(const AdjRecord* sorted, size_t n);

  size_t size() const { return size_; }
  size_t bytes() const { return bytes_.size(); }
  // A node_dir near the middle of the run (a block's first).
  uint64_t MiddleNodeDir() const;

  // Reads the records with lo <= node_dir < hi, in order.
  class Cursor {
   public:
    Cursor(const EncodedRun& run, uint64_t lo, uint64_t hi);
    bool Valid() const { return valid_; }
    const AdjRecord& Get() const { return cur_; }
    void Next();

   private:
    bool Decode();  // the next record into cur_; false at the end of the run

    const EncodedRun* run_;
    size_t offset_;
    size_t index_;
    uint64_t hi_;
    AdjRecord cur_{};
    bool valid_ = false;
  };

 private:
  std::string bytes_;
  std::vector<std::pair<size_t, uint64_t>> blocks_;  // byte offset, first node_dir
  size_t size_ = 0;
};

}  // namespace copmap::storage
