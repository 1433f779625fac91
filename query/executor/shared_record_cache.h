// SharedRecordCache: decoded node and relationship records shared by every
// read-only statement that reads the same committed state of one store
// (storage::DataVersion).
//
// Why: a statement run again (the next draw of a prepared query, the next
// refresh of a map) reads mostly the records the previous run read, and a
// storage point read plus decoding costs microseconds where a hash lookup
// costs tens of nanoseconds. A record is immutable within one committed
// state, so sharing it between statements that read that state is exactly
// as correct as the per-statement cache (cached_read_txn.h). The first read
// of a state after a commit starts from an empty cache.
//
// Bounded: each kind holds at most kMaxEntries records, spread over kShards
// shards by id; a shard is emptied when it holds its share (records handed
// out stay alive with their holders).
//
// Thread safety: every method may be called from many threads at once. Each
// shard has its own lock, so statements on different threads (a server's
// concurrent point reads) rarely wait for each other.
#pragma once

#include <memory>
#include <mutex>
#include <unordered_map>

#include "storage/graph_store.h"

namespace copmap::query {

class SharedRecordCache {
 public:
  static constexpr size_t kMaxEntries = 1 << 19;
  static constexpr size_t kShards = 16;

  // The cache of `version`'s state: shared with every other caller for that
  // state; a newer state of the store replaces it. Null for a state older
  // than the newest one seen (a long reader): such a reader caches alone.
  static std::shared_ptr<SharedRecordCache> For(const storage::DataVersion& version);

  std::shared_ptr<const storage::NodeRecord> FindNode(storage::NodeId id);
  std::shared_ptr<const storage::RelRecord> FindRel(storage::RelId id);
  void PutNode(std::shared_ptr<const storage::NodeRecord> record);
  void PutRel(std::shared_ptr<const storage::RelRecord> record);

 private:
  template <typename Record>
  using Map = std::unordered_map<uint64_t, std::shared_ptr<const Record>>;

  // On its own cache line, so that threads locking neighbouring shards do not
  // invalidate each other's lines.
  struct alignas(64) Shard {
    std::mutex mu;
    Map<storage::NodeRecord> nodes;
    Map<storage::RelRecord> rels;
  };

  static size_t ShardOf(uint64_t id);

  Shard shards_[kShards];
};

}  // namespace copmap::query
