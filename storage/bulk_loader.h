// RocksBulkLoader: the all-or-nothing import path. Internal to storage/.
//
// Nothing is written to the database until Finish(); everything goes to SST
// files in a private `bulk-*` directory inside the database directory, and
// Finish() ingests all of them in ONE IngestExternalFiles call, which RocksDB
// applies atomically: either every file becomes visible or none. A failure,
// or destruction without Finish(), deletes the directory and leaves the store
// as it was (reserved ids and catalog ids are only skipped, never reused).
//
// How each column family is produced (the fast path; see README "Bulk load"):
// - nodes, rels: ids are handed out in increasing order, so records are
//   already sorted: they are encoded into chunks that the background worker
//   (bulk_worker.h) writes straight into SST files, no sort at all;
// - labels, reltypes: per-tag delta-encoded id lists (bulk_postings.h),
//   written in key order at Finish();
// - adj and the degree counts: an external sort of fixed-width records with
//   a k-way merge at Finish() (bulk_adjacency.h);
// - index: (key, value) rows sorted at Finish() (spilled as sorted runs past
//   a budget; such runs may overlap and then land in L0);
// - label/type/global counts, high-water marks: a few merge operands.
// Every stream's files are non-overlapping, so on a store that does not
// already hold keys in those ranges they are ingested into the bottom level.
//
// One bulk load runs at a time per store; concurrent transactions are
// allowed. Finish() holds the commit lock exclusively while it checks and
// ingests: if anything was committed since the load started, it checks
// again that every unique key is still free and every stored node a
// relationship of the load ends at still exists (else it fails, nothing
// imported); and it rewrites those stored nodes' records unchanged, so that
// a transaction that read one for deletion before the ingestion conflicts
// at its commit instead of leaving relationships to a deleted node. An I/O
// error in the background, or a failed Finish(), spoils the load: later calls
// and Finish() fail (start a new load).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

#include "storage/bulk_adjacency.h"
#include "storage/bulk_fingerprints.h"
#include "storage/bulk_postings.h"
#include "storage/bulk_sst.h"
#include "storage/bulk_worker.h"
#include "storage/graph_store.h"
#include "storage/rocks_store.h"
#include "storage/schema.h"

namespace copmap::storage {

// Memory budgets of a bulk load (defaults keep a 1M-people load, 15.7M
// relationships, under ~800 MiB resident); tests shrink them to force many runs.
struct BulkLoadLimits {
  size_t adj_run_records = size_t{2} << 20;  // 64 MiB of adjacency per sorted run
  size_t chunk_bytes = size_t{4} << 20;      // node/rel records per hand-over
  size_t index_run_bytes = size_t{128} << 20;
  size_t worker_bytes = size_t{192} << 20;   // queued for the background worker
  uint64_t sst_file_bytes = SstStream::kDefaultFileBytes;
};

class RocksBulkLoader : public BulkLoader {
 public:
  static Result<std::unique_ptr<BulkLoader>> Start(RocksStore* store,
                                                   const BulkLoadLimits& limits = {});
  ~RocksBulkLoader() override;

  Result<LabelId> Label(std::string_view name) override;
  Result<RelTypeId> RelType(std::string_view name) override;
  Result<PropKeyId> PropKey(std::string_view name) override;
  Result<NodeId> AddNode(std::vector<LabelId> labels, Properties properties) override;
  Result<RelId> AddRel(RelTypeId type, NodeId start, NodeId end, Properties properties) override;
  Status Finish() override;

 private:
  RocksBulkLoader(RocksStore* store, std::unique_lock<std::mutex> lock, std::string dir,
                  const BulkLoadLimits& limits);
  Result<uint32_t> Reserve(NameSpace space, std::string_view name);
  Status CheckUsable() const;
  bool LoadedNode(NodeId id) const;
  Result<bool> NodeExists(NodeId id);
  Status CheckUnique(const std::vector<IndexEntry>& entries);
  bool MayBeStored(const IndexDef& index) const;
  // Whether the catalog knows `id` in `space`, asked once per id (the
  // catalog's lock per relationship and property was 1.4 % of a 1M load).
  bool Known(NameSpace space, uint32_t id);
  // NormalizeProperties(), skipped when `props` is already normal: keys
  // known and strictly ascending, values storable and not null.
  Status Normalize(Properties* props, std::string_view what);
  // Whether this load already added unique-index `key` (in memory or spilled).
  Result<bool> AddedByThisLoad(const std::string& key) const;
  // Finish()'s checks under the exclusive commit lock (bulk_guard.cc).
  Status RecheckUniqueKeys(const std::vector<std::string>& index_files) const;
  Status RecheckStoredEnds() const;
  Status TouchStoredEnds() const;
  // Appends id(8) varint(size) record to a chunk; hands it over when full.
  Status AppendRecord(std::string* chunk, SstStream* stream, uint64_t id,
                      const std::string& record);
  Status SubmitChunk(std::string* chunk, SstStream* stream);
  Status SpillIndex();
  Status WriteSorted(Cf cf, const std::string& name,
                     std::vector<std::pair<std::string, std::string>>* rows, bool as_merge,
                     std::vector<std::string>* files);
  Status FinishAll();
  Status Ingest(const std::vector<std::string> (&files)[int(Cf::kCount)]);
  void Cleanup();

  RocksStore* store_;
  std::unique_lock<std::mutex> lock_;
  std::string dir_;
  BulkLoadLimits limits_;
  std::shared_ptr<const Schema> schema_;
  // The destructor stops the worker before anything its tasks touch.
  std::unique_ptr<BulkWorker> worker_;
  std::unique_ptr<SstStream> nodes_, rels_;  // written by the worker only
  BufferPool<std::string> chunk_pool_;
  std::string node_chunk_, rel_chunk_, scratch_;
  AdjacencySorter adjacency_;
  PostingLists labels_, types_;
  std::vector<std::pair<std::string, std::string>> index_rows_;
  size_t index_bytes_ = 0;
  std::vector<std::string> index_runs_;
  FingerprintSet unique_keys_;
  std::vector<bool> known_[3];  // by NameSpace: ids the catalog knows (cached)
  std::vector<uint32_t> stored_unique_indexes_;  // unique indexes with entries at the start
  uint64_t start_sequence_ = 0;                  // the store's last sequence at the start
  std::unordered_set<NodeId> stored_ends_;       // stored nodes that relationships end at
  std::vector<std::pair<NameSpace, uint32_t>> reserved_;
  std::vector<std::pair<NodeId, NodeId>> node_blocks_;  // [first, limit) reserved
  NodeId next_node_ = 0, node_block_end_ = 0;
  RelId next_rel_ = 0, rel_block_end_ = 0;
  uint64_t nodes_added_ = 0, rels_added_ = 0;
  bool finished_ = false;
  bool failed_ = false;  // Finish() failed: its buffers are spent, no retry
};

}  // namespace copmap::storage
