// AdjacencySorter: the external sort behind a bulk load's adjacency and
// degree counts. Internal to storage/.
//
// Adjacency entries are fixed-width records, buffered in memory. A full
// buffer is handed to the BulkWorker, which sorts it and writes it as a raw
// run file while the caller fills the next buffer (so the two cores overlap).
// Finish() merges the runs (k-way, with a heap) into the adj column family as
// non-overlapping SST files, and derives the degree counts from the same
// sorted stream: entries arrive grouped by (node, direction, type), so each
// count is emitted once, in key order, with no map held in memory. The merge
// is split at a node boundary into two halves merged concurrently (worker
// and caller).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "storage/bulk_sst.h"
#include "storage/bulk_worker.h"
#include "storage/graph_store.h"

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

class AdjacencySorter {
 public:
  // Runs hold `run_records` entries; run files go into `dir`.
  AdjacencySorter(BulkWorker* worker, std::string dir, size_t run_records);
  ~AdjacencySorter();

  Status Add(const AdjRecord& r) {
    buffer_.push_back(r);
    return buffer_.size() >= run_records_ ? SpillRun() : Status::OK();
  }

  // Drains the worker and merges every run into adjacency and degree-count
  // SST files (appended to *adj_files and *count_files, each list non-
  // overlapping). Degree counts are merge operands.
  Status Finish(RocksStore* store, std::vector<std::string>* adj_files,
                std::vector<std::string>* count_files);

  size_t runs_on_disk() const { return run_files_.size(); }

 private:
  struct Run;
  Status SpillRun();
  Status MergeRange(const std::vector<Run>& runs, uint64_t lo, uint64_t hi, SstStream* adj,
                    SstStream* degrees) const;

  BulkWorker* worker_;
  std::string dir_;
  size_t run_records_;
  BufferPool<std::vector<AdjRecord>> pool_;
  std::vector<AdjRecord> buffer_;
  std::vector<std::string> run_files_;  // sorted runs, in spill order
  std::vector<size_t> run_sizes_;
};

}  // namespace copmap::storage
