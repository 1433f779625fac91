#include "query/executor/cached_read_txn.h"

#include <algorithm>

namespace copmap::query {

namespace {

Value FindProperty(const storage::Properties& props, storage::PropKeyId key) {
  auto it = std::lower_bound(props.begin(), props.end(), key,
                             [](const auto& p, storage::PropKeyId k) { return p.first < k; });
  return it != props.end() && it->first == key ? it->second : Value();
}

// Looks `id` up in the shared cache when there is one (keeping the record
// alive in `*pin` until the next lookup), else in `cache`; reads and
// remembers it on a miss. Errors (a missing entity) are not remembered.
template <typename Record, typename Read, typename FindShared, typename PutShared>
Result<const Record*> Lookup(std::unordered_map<uint64_t, std::shared_ptr<const Record>>& cache,
                             std::shared_ptr<const Record>* pin, bool shared, uint64_t id,
                             Read read, FindShared find_shared, PutShared put_shared) {
  if (shared) {
    // The same record again (a label check, then a property of that node):
    // no lock and no hash lookup.
    if (*pin && (*pin)->id == id) return pin->get();
    *pin = find_shared();
    if (!*pin) {
      COPMAP_ASSIGN_OR_RETURN(Record fresh, read());
      *pin = std::make_shared<const Record>(std::move(fresh));
      put_shared(*pin);
    }
    return pin->get();
  }
  auto it = cache.find(id);
  if (it != cache.end()) return it->second.get();
  COPMAP_ASSIGN_OR_RETURN(Record fresh, read());
  if (cache.size() >= CachedReadTransaction::kMaxEntries) cache.clear();
  return cache.emplace(id, std::make_shared<const Record>(std::move(fresh))).first->second.get();
}

}  // namespace

CachedReadTransaction::CachedReadTransaction(std::unique_ptr<storage::Transaction> inner)
    : inner_(std::move(inner)) {
  if (std::optional<storage::DataVersion> v = inner_->data_version()) {
    shared_ = SharedRecordCache::For(*v);
  }
}

Result<const storage::NodeRecord*> CachedReadTransaction::NodeRef(storage::NodeId id) {
  return Lookup(
      nodes_, &pinned_node_, shared_ != nullptr, id, [&] { return inner_->GetNode(id); },
      [&] { return shared_->FindNode(id); },
      [&](std::shared_ptr<const storage::NodeRecord> r) { shared_->PutNode(std::move(r)); });
}

Result<const storage::RelRecord*> CachedReadTransaction::RelRef(storage::RelId id) {
  return Lookup(
      rels_, &pinned_rel_, shared_ != nullptr, id, [&] { return inner_->GetRel(id); },
      [&] { return shared_->FindRel(id); },
      [&](std::shared_ptr<const storage::RelRecord> r) { shared_->PutRel(std::move(r)); });
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
  if (shared_ && shared_->FindNode(id)) return true;
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
