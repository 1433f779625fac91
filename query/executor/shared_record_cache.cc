#include "query/executor/shared_record_cache.h"

#include <tuple>
#include <vector>

namespace copmap::query {

namespace {

struct StoreEntry {
  storage::DataVersion version;
  std::shared_ptr<SharedRecordCache> cache;
};

bool Older(const storage::DataVersion& a, const storage::DataVersion& b) {
  return std::tie(a.epoch, a.sequence) < std::tie(b.epoch, b.sequence);
}

template <typename Record, typename MapT>
std::shared_ptr<const Record> Find(MapT& map, uint64_t id) {
  auto it = map.find(id);
  return it == map.end() ? nullptr : it->second;
}

constexpr size_t kShardEntries = SharedRecordCache::kMaxEntries / SharedRecordCache::kShards;

// A map that outgrows a few hundred records gets all its buckets at once:
// growing step by step rehashes tens of thousands of entries inside some
// unlucky statement (a p99 spike of milliseconds).
template <typename Record, typename MapT>
void Put(MapT& map, std::shared_ptr<const Record> record) {
  if (map.size() >= kShardEntries) map.clear();
  if (map.size() == 256) map.reserve(kShardEntries);
  const uint64_t id = record->id;
  map.emplace(id, std::move(record));
}

}  // namespace

std::shared_ptr<SharedRecordCache> SharedRecordCache::For(const storage::DataVersion& version) {
  static std::mutex mu;
  static std::vector<StoreEntry> stores;
  std::lock_guard lock(mu);
  for (StoreEntry& e : stores) {
    if (e.version.store != version.store) continue;
    if (e.version == version) return e.cache;
    if (Older(version, e.version)) return nullptr;
    e = {version, std::make_shared<SharedRecordCache>()};
    return e.cache;
  }
  // Stores closed long ago leave entries behind; keep the list short.
  if (stores.size() >= 8) stores.erase(stores.begin());
  stores.push_back({version, std::make_shared<SharedRecordCache>()});
  return stores.back().cache;
}

// Ids are dense and often read in runs (a node's neighbours were created
// together): Fibonacci hashing spreads neighbours over different shards.
size_t SharedRecordCache::ShardOf(uint64_t id) {
  static_assert((kShards & (kShards - 1)) == 0, "kShards must be a power of two");
  return static_cast<size_t>((id * 0x9E3779B97F4A7C15ull) >> 60) & (kShards - 1);
}

std::shared_ptr<const storage::NodeRecord> SharedRecordCache::FindNode(storage::NodeId id) {
  Shard& shard = shards_[ShardOf(id)];
  std::lock_guard lock(shard.mu);
  return Find<storage::NodeRecord>(shard.nodes, id);
}

std::shared_ptr<const storage::RelRecord> SharedRecordCache::FindRel(storage::RelId id) {
  Shard& shard = shards_[ShardOf(id)];
  std::lock_guard lock(shard.mu);
  return Find<storage::RelRecord>(shard.rels, id);
}

void SharedRecordCache::PutNode(std::shared_ptr<const storage::NodeRecord> record) {
  Shard& shard = shards_[ShardOf(record->id)];
  std::lock_guard lock(shard.mu);
  Put<storage::NodeRecord>(shard.nodes, std::move(record));
}

void SharedRecordCache::PutRel(std::shared_ptr<const storage::RelRecord> record) {
  Shard& shard = shards_[ShardOf(record->id)];
  std::lock_guard lock(shard.mu);
  Put<storage::RelRecord>(shard.rels, std::move(record));
}

}  // namespace copmap::query
