#include "query/executor/cached_read_txn.h"

#include <algorithm>

namespace copmap::query {

namespace {

Value FindProperty(const storage::Properties& props, storage::PropKeyId key) {
  auto it = std::lower_bound(props.begin(), props.end(), key,
                             [](const auto& p, storage::PropKeyId k) { return p.first < k; });
  return it != props.end() && it->first == key ? it->second : Value();
}

// Looks `id` up in `cache`, reading and remembering it on a miss. Errors
// (a missing entity) are not remembered.
template <typename Record, typename Read>
Result<const Record*> Lookup(std::unordered_map<uint64_t, Record>& cache, uint64_t id, Read read) {
  auto it = cache.find(id);
  if (it != cache.end()) return &it->second;
  COPMAP_ASSIGN_OR_RETURN(Record rec, read());
  if (cache.size() >= CachedReadTransaction::kMaxEntries) cache.clear();
  return &cache.emplace(id, std::move(rec)).first->second;
}

}  // namespace

Result<const storage::NodeRecord*> CachedReadTransaction::NodeRef(storage::NodeId id) {
  return Lookup(nodes_, id, [&] { return inner_->GetNode(id); });
}

Result<const storage::RelRecord*> CachedReadTransaction::RelRef(storage::RelId id) {
  return Lookup(rels_, id, [&] { return inner_->GetRel(id); });
}

Result<storage::NodeRecord> CachedReadTransaction::GetNode(storage::NodeId id) {
  COPMAP_ASSIGN_OR_RETURN(const storage::NodeRecord* rec, NodeRef(id));
  return *rec;
}

Result<storage::RelRecord> CachedReadTransaction::GetRel(storage::RelId id) {
  COPMAP_ASSIGN_OR_RETURN(const storage::RelRecord* rec, RelRef(id));
  return *rec;
}

Result<Value> CachedReadTransaction::GetNodeProperty(storage::NodeId id, storage::PropKeyId key) {
  COPMAP_ASSIGN_OR_RETURN(const storage::NodeRecord* rec, NodeRef(id));
  return FindProperty(rec->properties, key);
}

Result<Value> CachedReadTransaction::GetRelProperty(storage::RelId id, storage::PropKeyId key) {
  COPMAP_ASSIGN_OR_RETURN(const storage::RelRecord* rec, RelRef(id));
  return FindProperty(rec->properties, key);
}

bool CachedReadTransaction::NodeExists(storage::NodeId id) {
  return nodes_.count(id) > 0 || inner_->NodeExists(id);
}

Result<uint64_t> CachedReadTransaction::Degree(storage::NodeId node, storage::Direction dir,
                                               std::optional<storage::RelTypeId> type) {
  const DegreeKey key{node, type.value_or(UINT32_MAX), dir};
  auto it = degrees_.find(key);
  if (it != degrees_.end()) return it->second;
  COPMAP_ASSIGN_OR_RETURN(uint64_t d, inner_->Degree(node, dir, type));
  if (degrees_.size() >= kMaxEntries) degrees_.clear();
  degrees_.emplace(key, d);
  return d;
}

}  // namespace copmap::query
