// RocksBulkLoader: the all-or-nothing import path. Internal to storage/.
//
// Nothing is written to the database until Finish(). Every key is buffered
// per column family; when the buffers pass a memory budget they are sorted
// and spilled as one SST file per column family (a sorted run) into a
// private directory inside the database directory. Finish() writes the last
// runs plus the counts (as merge operands, so they add to what the store
// already holds) and new catalog names, and ingests every file of every
// column family in ONE IngestExternalFiles call, which RocksDB applies
// atomically: either all files become visible or none. A failure, or
// destruction without Finish(), deletes the private directory and leaves the
// store as it was (reserved ids and catalog ids are only skipped, never
// reused).
//
// One bulk load runs at a time per store; concurrent transactions are
// allowed but uniqueness against them is only checked at Add time.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "storage/graph_store.h"
#include "storage/rocks_store.h"
#include "storage/schema.h"

namespace copmap::storage {

class RocksBulkLoader : public BulkLoader {
 public:
  // Budget for buffered keys before a sorted run is spilled.
  static constexpr size_t kDefaultRunBytes = 192u << 20;

  static Result<std::unique_ptr<BulkLoader>> Start(RocksStore* store,
                                                   size_t run_bytes = kDefaultRunBytes);
  ~RocksBulkLoader() override;

  Result<LabelId> Label(std::string_view name) override;
  Result<RelTypeId> RelType(std::string_view name) override;
  Result<PropKeyId> PropKey(std::string_view name) override;
  Result<NodeId> AddNode(std::vector<LabelId> labels, Properties properties) override;
  Result<RelId> AddRel(RelTypeId type, NodeId start, NodeId end, Properties properties) override;
  Status Finish() override;

 private:
  struct Buffer {
    std::vector<std::pair<std::string, std::string>> rows;
    std::vector<std::string> files;  // sorted runs already spilled
  };

  RocksBulkLoader(RocksStore* store, std::unique_lock<std::mutex> lock, std::string dir,
                  size_t run_bytes);
  Result<uint32_t> Reserve(NameSpace space, std::string_view name);
  Status CheckUsable() const;
  bool LoadedNode(NodeId id) const;
  Result<bool> NodeExists(NodeId id);
  void Add(Cf cf, std::string key, std::string value);
  Status SpillIfFull();
  Status Spill();
  Status WriteSst(Cf cf, const std::vector<std::pair<std::string, std::string>>& rows,
                  bool as_merge);
  Status Ingest();
  void Cleanup();

  RocksStore* store_;
  std::unique_lock<std::mutex> lock_;
  std::string dir_;
  size_t run_bytes_;
  std::shared_ptr<const Schema> schema_;
  Buffer buffers_[int(Cf::kCount)];
  size_t buffered_bytes_ = 0;
  int file_counter_ = 0;
  // Degrees are tallied per (node, direction) under an integer key: one
  // cheap lookup per relationship end instead of two string-keyed ones.
  struct DegreeTally {
    int64_t all = 0;
    std::vector<std::pair<RelTypeId, int64_t>> by_type;  // few types per node
    void Add(RelTypeId type);
  };
  std::unordered_map<uint64_t, DegreeTally> degrees_;  // node << 1 | direction
  std::unordered_map<std::string, int64_t> counts_;    // label, type and global counts
  std::unordered_set<std::string> unique_keys_;
  std::vector<std::pair<NameSpace, uint32_t>> reserved_;
  std::vector<std::pair<NodeId, NodeId>> node_blocks_;  // [first, limit) reserved
  NodeId next_node_ = 0, node_block_end_ = 0;
  RelId next_rel_ = 0, rel_block_end_ = 0;
  bool finished_ = false;
};

}  // namespace copmap::storage
