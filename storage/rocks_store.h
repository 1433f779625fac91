// RocksStore: GraphStore over a RocksDB OptimisticTransactionDB.
// Internal to storage/; everything outside sees only graph_store.h.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

#include <rocksdb/utilities/optimistic_transaction_db.h>

#include "storage/catalog.h"
#include "storage/graph_store.h"
#include "storage/schema.h"

namespace copmap::storage {

// Column families, in the order of kCfNames (keys.h documents each).
enum class Cf : int { kMeta = 0, kNodes, kRels, kAdj, kLabels, kRelTypes, kIndex, kCounts, kCount };
const char* CfName(Cf cf);

// Bulk loads work in "<db>/bulk-<pid>-<n>"; Open() removes any left by a
// process that died mid-load (RocksDB's lock guarantees no one else uses it).
inline constexpr std::string_view kBulkDirPrefix = "bulk-";

class DeferredSyncFileSystem;

class RocksStore : public GraphStore {
 public:
  static Result<std::unique_ptr<GraphStore>> OpenStore(const std::string& dir,
                                                       const StoreOptions& options);
  ~RocksStore() override;

  std::unique_ptr<Transaction> Begin(const TransactionOptions& options) override;
  Result<std::unique_ptr<BulkLoader>> BeginBulkLoad() override;
  Status CreateIndex(std::string_view name, IndexKind kind, std::string_view label,
                     std::string_view property) override;
  Status DropIndex(std::string_view name) override;
  Result<std::vector<Violation>> Check() override;
  Result<StoreStats> Stats() override;
  Status Backup(const std::string& dir) override;
  Status Flush() override;
  const std::string& path() const override { return path_; }

  // --- for the transaction, bulk loader, checker and testing hook ---------
  rocksdb::OptimisticTransactionDB* db() { return db_; }
  rocksdb::ColumnFamilyHandle* cf(Cf which) { return cfs_[int(which)]; }
  Catalog& catalog() { return *catalog_; }
  const rocksdb::WriteOptions& write_options() const { return write_options_; }
  std::shared_ptr<const Schema> schema() const;
  // Held shared by every commit and exclusively by schema changes, so that a
  // schema change sees no commit in flight.
  std::shared_mutex& commit_mutex() { return commit_mutex_; }
  NodeId AllocateNodeId() { return next_node_id_.fetch_add(1); }
  RelId AllocateRelId() { return next_rel_id_.fetch_add(1); }
  // Reserves `n` consecutive ids; returns the first.
  NodeId AllocateNodeIds(uint64_t n) { return next_node_id_.fetch_add(n); }
  RelId AllocateRelIds(uint64_t n) { return next_rel_id_.fetch_add(n); }
  // Serializes bulk loads (one at a time).
  std::mutex& bulk_mutex() { return bulk_mutex_; }
  // A seqlock around changes that may not advance the sequence number (bulk
  // ingestion): odd while one runs. A transaction names its snapshot's
  // DataVersion only when the epoch was even and equal before and after it
  // took the snapshot.
  uint64_t instance_id() const { return instance_id_; }
  uint64_t data_epoch() const { return data_epoch_.load(std::memory_order_acquire); }
  void BumpDataEpoch() { data_epoch_.fetch_add(1, std::memory_order_acq_rel); }

 private:
  RocksStore() = default;
  Status OpenDb(const std::string& dir, const StoreOptions& options);
  Status InitOrVerifyFormat(bool fresh, const StoreOptions& options);
  Status LoadSchema();
  Status LoadIdCounters();
  Status InstallCopSchema();
  void PublishSchema(std::shared_ptr<const Schema> schema);

  std::string path_;
  // The file system and Env outlive db_ (members die after ~RocksStore's body).
  std::shared_ptr<DeferredSyncFileSystem> fs_;
  std::unique_ptr<rocksdb::Env> env_;
  rocksdb::OptimisticTransactionDB* db_ = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> cfs_;  // by Cf
  std::vector<rocksdb::ColumnFamilyHandle*> other_cfs_;  // default and unknown
  std::unique_ptr<Catalog> catalog_;
  rocksdb::WriteOptions write_options_;
  mutable std::mutex schema_mu_;
  std::shared_ptr<const Schema> schema_;
  std::shared_mutex commit_mutex_;
  std::mutex bulk_mutex_;
  std::atomic<uint64_t> next_node_id_{0};
  std::atomic<uint64_t> next_rel_id_{0};
  const uint64_t instance_id_ = NextInstanceId();
  std::atomic<uint64_t> data_epoch_{0};
  static uint64_t NextInstanceId();
};

// Reads a count key of the counts column family (0 when absent).
Result<int64_t> ReadCount(rocksdb::DB* db, const rocksdb::ReadOptions& ro,
                          rocksdb::ColumnFamilyHandle* counts, const std::string& key);

}  // namespace copmap::storage
