// RocksTransaction: lifetime, catalog, reads and commit.
#include <algorithm>

#include "storage/codec.h"
#include "storage/keys.h"
#include "storage/rocks_status.h"
#include "storage/transaction_impl.h"

namespace copmap::storage {

RocksTransaction::RocksTransaction(RocksStore* store, bool read_only)
    : store_(store), db_(store->db()), read_only_(read_only), schema_(store->schema()) {
  uint64_t epoch_before = store->data_epoch();
  if (read_only_) {
    snapshot_ = db_->GetSnapshot();
    ro_.snapshot = snapshot_;
  } else {
    rocksdb::OptimisticTransactionOptions to;
    to.set_snapshot = true;
    txn_.reset(db_->BeginTransaction(store->write_options(), to));
    ro_.snapshot = txn_->GetSnapshot();
  }
  if (epoch_before % 2 == 0 && store->data_epoch() == epoch_before) {
    version_ = DataVersion{store->instance_id(), epoch_before, ro_.snapshot->GetSequenceNumber()};
  }
}

std::optional<DataVersion> RocksTransaction::data_version() {
  if (wrote_) return std::nullopt;
  return version_;
}

RocksTransaction::~RocksTransaction() {
  if (txn_ && !done_) txn_->Rollback();
  txn_.reset();
  if (snapshot_) db_->ReleaseSnapshot(snapshot_);
}

// --- catalog ---------------------------------------------------------------

std::optional<LabelId> RocksTransaction::FindLabel(std::string_view name) {
  return store_->catalog().Find(NameSpace::kLabel, name);
}
std::optional<RelTypeId> RocksTransaction::FindRelType(std::string_view name) {
  return store_->catalog().Find(NameSpace::kRelType, name);
}
std::optional<PropKeyId> RocksTransaction::FindPropKey(std::string_view name) {
  return store_->catalog().Find(NameSpace::kPropKey, name);
}
Result<LabelId> RocksTransaction::GetOrCreateLabel(std::string_view name) {
  COPMAP_RETURN_IF_ERROR(CheckWritable("create a label"));
  return store_->catalog().GetOrCreate(NameSpace::kLabel, name);
}
Result<RelTypeId> RocksTransaction::GetOrCreateRelType(std::string_view name) {
  COPMAP_RETURN_IF_ERROR(CheckWritable("create a relationship type"));
  return store_->catalog().GetOrCreate(NameSpace::kRelType, name);
}
Result<PropKeyId> RocksTransaction::GetOrCreatePropKey(std::string_view name) {
  COPMAP_RETURN_IF_ERROR(CheckWritable("create a property key"));
  return store_->catalog().GetOrCreate(NameSpace::kPropKey, name);
}
std::string RocksTransaction::LabelName(LabelId id) {
  return store_->catalog().Name(NameSpace::kLabel, id);
}
std::string RocksTransaction::RelTypeName(RelTypeId id) {
  return store_->catalog().Name(NameSpace::kRelType, id);
}
std::string RocksTransaction::PropKeyName(PropKeyId id) {
  return store_->catalog().Name(NameSpace::kPropKey, id);
}
std::vector<std::string> RocksTransaction::AllLabels() {
  return store_->catalog().All(NameSpace::kLabel);
}
std::vector<std::string> RocksTransaction::AllRelTypes() {
  return store_->catalog().All(NameSpace::kRelType);
}
std::vector<std::string> RocksTransaction::AllPropKeys() {
  return store_->catalog().All(NameSpace::kPropKey);
}

// --- raw access ------------------------------------------------------------

rocksdb::Status RocksTransaction::RawGet(Cf cf, const std::string& key, std::string* value) {
  if (txn_) return txn_->Get(ro_, store_->cf(cf), key, value);
  return db_->Get(ro_, store_->cf(cf), key, value);
}

Result<bool> RocksTransaction::GetForUpdate(Cf cf, const std::string& key, std::string* value) {
  rocksdb::Status s = txn_->GetForUpdate(ro_, store_->cf(cf), key, value);
  if (s.IsNotFound()) return false;
  COPMAP_RETURN_IF_ERROR(FromRocks(s, "reading for update"));
  return true;
}

std::unique_ptr<rocksdb::Iterator> RocksTransaction::RawIterator(Cf cf, bool prefix_mode) {
  rocksdb::ReadOptions ro = ro_;
  if (prefix_mode) {
    ro.prefix_same_as_start = true;
  } else {
    ro.total_order_seek = true;
  }
  if (txn_) return std::unique_ptr<rocksdb::Iterator>(txn_->GetIterator(ro, store_->cf(cf)));
  return std::unique_ptr<rocksdb::Iterator>(db_->NewIterator(ro, store_->cf(cf)));
}

KeyRange RocksTransaction::Range(Cf cf, std::string start, std::string limit, bool prefix_mode) {
  return KeyRange(RawIterator(cf, prefix_mode), std::move(start), std::move(limit));
}

Result<int64_t> RocksTransaction::Count(const std::string& key) {
  std::string v;
  rocksdb::Status s = RawGet(Cf::kCounts, key, &v);
  if (s.IsNotFound()) return int64_t{0};
  COPMAP_RETURN_IF_ERROR(FromRocks(s, "reading a count"));
  return keys::DecodeCount(v);
}

// --- reads -------------------------------------------------------------------

Result<NodeRecord> RocksTransaction::GetNode(NodeId id) {
  std::string v;
  rocksdb::Status s = RawGet(Cf::kNodes, keys::IdKey(id), &v);
  if (s.IsNotFound()) return Status::EntityNotFound("node " + std::to_string(id) + " does not exist");
  COPMAP_RETURN_IF_ERROR(FromRocks(s, "reading node " + std::to_string(id)));
  return codec::DecodeNodeRecord(id, v);
}

Result<RelRecord> RocksTransaction::GetRel(RelId id) {
  std::string v;
  rocksdb::Status s = RawGet(Cf::kRels, keys::IdKey(id), &v);
  if (s.IsNotFound()) {
    return Status::EntityNotFound("relationship " + std::to_string(id) + " does not exist");
  }
  COPMAP_RETURN_IF_ERROR(FromRocks(s, "reading relationship " + std::to_string(id)));
  return codec::DecodeRelRecord(id, v);
}

bool RocksTransaction::NodeExists(NodeId id) {
  std::string v;
  return RawGet(Cf::kNodes, keys::IdKey(id), &v).ok();
}

namespace {
Value FindProperty(const Properties& props, PropKeyId key) {
  auto it = std::lower_bound(props.begin(), props.end(), key,
                             [](const auto& p, PropKeyId k) { return p.first < k; });
  return it != props.end() && it->first == key ? it->second : Value();
}
}  // namespace

Result<Value> RocksTransaction::GetNodeProperty(NodeId id, PropKeyId key) {
  COPMAP_ASSIGN_OR_RETURN(NodeRecord node, GetNode(id));
  return FindProperty(node.properties, key);
}

Result<Value> RocksTransaction::GetRelProperty(RelId id, PropKeyId key) {
  COPMAP_ASSIGN_OR_RETURN(RelRecord rel, GetRel(id));
  return FindProperty(rel.properties, key);
}

std::unique_ptr<NodeIterator> RocksTransaction::ScanAllNodes() {
  return std::make_unique<NodeIdIterator>(Range(Cf::kNodes, "", ""), IdSource::kKeyAt);
}

std::unique_ptr<NodeIterator> RocksTransaction::ScanLabel(LabelId label) {
  std::string prefix = keys::Big32Key(label);
  return std::make_unique<NodeIdIterator>(
      Range(Cf::kLabels, prefix, keys::PrefixSuccessor(prefix)), IdSource::kKeyAt, 4);
}

std::unique_ptr<RelIterator> RocksTransaction::ScanAllRels() {
  return std::make_unique<RelIdIterator>(Range(Cf::kRels, "", ""), IdSource::kKeyAt);
}

std::unique_ptr<RelIterator> RocksTransaction::ScanRelType(RelTypeId type) {
  std::string prefix = keys::Big32Key(type);
  return std::make_unique<RelIdIterator>(
      Range(Cf::kRelTypes, prefix, keys::PrefixSuccessor(prefix)), IdSource::kKeyAt, 4);
}

std::unique_ptr<RelRecordIterator> RocksTransaction::ScanRelRecords(
    std::optional<RelTypeId> type) {
  return std::make_unique<RelRecordRangeIterator>(Range(Cf::kRels, "", ""), type);
}

std::unique_ptr<AdjIterator> RocksTransaction::Expand(NodeId node, Direction dir,
                                                      std::optional<RelTypeId> type) {
  std::string prefix = type ? keys::AdjTypePrefix(node, dir, *type) : keys::AdjPrefix(node, dir);
  std::string limit = keys::PrefixSuccessor(prefix);
  return std::make_unique<AdjRangeIterator>(
      Range(Cf::kAdj, std::move(prefix), std::move(limit), /*prefix_mode=*/true));
}

Result<uint64_t> RocksTransaction::Degree(NodeId node, Direction dir,
                                          std::optional<RelTypeId> type) {
  COPMAP_ASSIGN_OR_RETURN(int64_t n, Count(keys::DegreeKey(node, dir, type.value_or(keys::kAllTypes))));
  return uint64_t(std::max<int64_t>(n, 0));
}

Result<uint64_t> RocksTransaction::CountNodes(std::optional<LabelId> label) {
  COPMAP_ASSIGN_OR_RETURN(int64_t n, Count(label ? keys::LabelCountKey(*label) : keys::NodeCountKey()));
  return uint64_t(std::max<int64_t>(n, 0));
}

Result<uint64_t> RocksTransaction::CountRels(std::optional<RelTypeId> type) {
  COPMAP_ASSIGN_OR_RETURN(int64_t n, Count(type ? keys::TypeCountKey(*type) : keys::RelCountKey()));
  return uint64_t(std::max<int64_t>(n, 0));
}

// --- indexes -------------------------------------------------------------------

std::vector<IndexInfo> RocksTransaction::Indexes() {
  std::vector<IndexInfo> out;
  for (const IndexDef& d : schema_->indexes) out.push_back(d.info);
  return out;
}

std::optional<IndexInfo> RocksTransaction::FindIndex(LabelId label, PropKeyId property) {
  const IndexDef* d = schema_->Find(label, property);
  if (d == nullptr) return std::nullopt;
  return d->info;
}

namespace {
IdSource IndexIdSource(const IndexDef& d) {
  return d.info.kind == IndexKind::kUnique ? IdSource::kValue : IdSource::kKeyTail;
}

Status NoIndex(RocksTransaction* t, LabelId label, PropKeyId property) {
  return Status::NotFound("no index on :" + t->LabelName(label) + "(" + t->PropKeyName(property) +
                          ")");
}
}  // namespace

Result<std::unique_ptr<NodeIterator>> RocksTransaction::IndexSeek(LabelId label,
                                                                   PropKeyId property,
                                                                   const Value& value) {
  const IndexDef* d = schema_->Find(label, property);
  if (d == nullptr) return NoIndex(this, label, property);
  if (value.is_null()) return std::unique_ptr<NodeIterator>(new EmptyNodeIterator());
  COPMAP_ASSIGN_OR_RETURN(std::string prefix, IndexValuePrefix(d->id, value));
  std::string limit = keys::PrefixSuccessor(prefix);
  return std::unique_ptr<NodeIterator>(new NodeIdIterator(
      Range(Cf::kIndex, std::move(prefix), std::move(limit)), IndexIdSource(*d)));
}

Result<std::unique_ptr<NodeIterator>> RocksTransaction::IndexRange(
    LabelId label, PropKeyId property, std::optional<Bound> lower, std::optional<Bound> upper) {
  const IndexDef* d = schema_->Find(label, property);
  if (d == nullptr) return NoIndex(this, label, property);
  auto empty = [] { return std::unique_ptr<NodeIterator>(new EmptyNodeIterator()); };
  if ((lower && lower->value.is_null()) || (upper && upper->value.is_null())) return empty();
  if (lower && upper &&
      codec::IndexDomainTag(lower->value) != codec::IndexDomainTag(upper->value)) {
    return empty();  // values of different kinds never compare
  }
  std::string index_prefix = keys::Big32Key(d->id);
  std::string start = index_prefix, limit = keys::PrefixSuccessor(index_prefix);
  // An open end stays within the other bound's kind domain.
  if (lower) {
    COPMAP_ASSIGN_OR_RETURN(std::string p, IndexValuePrefix(d->id, lower->value));
    start = lower->inclusive ? p : keys::PrefixSuccessor(p);
    if (!upper) limit = index_prefix + char(codec::IndexDomainTag(lower->value) + 1);
  }
  if (upper) {
    COPMAP_ASSIGN_OR_RETURN(std::string p, IndexValuePrefix(d->id, upper->value));
    limit = upper->inclusive ? keys::PrefixSuccessor(p) : p;
    if (!lower) start = index_prefix + char(codec::IndexDomainTag(upper->value));
  }
  if (start >= limit) return empty();
  return std::unique_ptr<NodeIterator>(new NodeIdIterator(
      Range(Cf::kIndex, std::move(start), std::move(limit)), IndexIdSource(*d)));
}

}  // namespace copmap::storage
