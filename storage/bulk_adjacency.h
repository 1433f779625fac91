// AdjacencySorter: the external sort behind a bulk load's adjacency and
// degree counts. Internal to storage/.
//
// Adjacency entries are fixed-width records, buffered in memory. A full
// buffer is handed to the BulkWorker, which sorts it and keeps it as an
// EncodedRun (bulk_adj_run.h, ~9 bytes a record) while the caller fills the
// next buffer (so the two cores overlap). Finish() merges the runs (k-way,
// with a heap) into the adj column family as non-overlapping SST files, and
// derives the degree counts from the same sorted stream: entries arrive
// grouped by (node, direction, type), so each count is emitted once, in key
// order, with no map held in memory. The merge is split at a node boundary
// into two halves merged concurrently (worker and caller).
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "storage/bulk_adj_run.h"
#include "storage/bulk_sst.h"
#include "storage/bulk_worker.h"
#include "storage/graph_store.h"

namespace copmap::storage {

class AdjacencySorter {
 public:
  // Runs hold `run_records` entries; the SST files go into `dir`.
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

  size_t runs() const { return runs_.size(); }

 private:
  Status SpillRun();
  Status MergeRange(uint64_t lo, uint64_t hi, SstStream* adj, SstStream* degrees) const;

  BulkWorker* worker_;
  std::string dir_;
  size_t run_records_;
  BufferPool<std::vector<AdjRecord>> pool_;
  std::vector<AdjRecord> buffer_;
  // Sorted runs, in spill order; filled in by the worker (a deque: the
  // slots stay put while the caller adds more).
  std::deque<std::unique_ptr<EncodedRun>> runs_;
};

}  // namespace copmap::storage
