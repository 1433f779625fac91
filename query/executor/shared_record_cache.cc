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

// A map that outgrows a few thousand records gets all its buckets at once:
// growing step by step rehashes hundreds of thousands of entries inside
// some unlucky statement (a p99 spike of milliseconds).
template <typename Record, typename MapT>
void Put(MapT& map, std::shared_ptr<const Record> record) {
  if (map.size() >= SharedRecordCache::kMaxEntries) map.clear();
  if (map.size() == 4096) map.reserve(SharedRecordCache::kMaxEntries);
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

std::shared_ptr<const storage::NodeRecord> SharedRecordCache::FindNode(storage::NodeId id) {
  std::lock_guard lock(mu_);
  return Find<storage::NodeRecord>(nodes_, id);
}

std::shared_ptr<const storage::RelRecord> SharedRecordCache::FindRel(storage::RelId id) {
  std::lock_guard lock(mu_);
  return Find<storage::RelRecord>(rels_, id);
}

void SharedRecordCache::PutNode(std::shared_ptr<const storage::NodeRecord> record) {
  std::lock_guard lock(mu_);
  Put<storage::NodeRecord>(nodes_, std::move(record));
}

void SharedRecordCache::PutRel(std::shared_ptr<const storage::RelRecord> record) {
  std::lock_guard lock(mu_);
  Put<storage::RelRecord>(rels_, std::move(record));
}

}  // namespace copmap::query
