// RocksTransaction: writes, commit and rollback.
#include <algorithm>
#include <mutex>
#include <shared_mutex>

#include "storage/codec.h"
#include "storage/keys.h"
#include "storage/rocks_status.h"
#include "storage/transaction_impl.h"
#include "storage/validation.h"

namespace copmap::storage {

Status RocksTransaction::CheckWritable(std::string_view op) {
  if (read_only_) {
    return Status::InvalidArgument("cannot " + std::string(op) + " in a read-only transaction");
  }
  if (done_) {
    return Status::InvalidArgument("cannot " + std::string(op) +
                                   ": the transaction has already ended");
  }
  return Status::OK();
}

Status RocksTransaction::Atomically(const std::function<Status()>& write) {
  txn_->SetSavePoint();
  Status s = write();
  if (s.ok()) {
    txn_->PopSavePoint();
    wrote_ = true;
  } else {
    txn_->RollbackToSavePoint();
  }
  return s;
}

Result<NodeRecord> RocksTransaction::LoadNodeForUpdate(NodeId id) {
  std::string v;
  COPMAP_ASSIGN_OR_RETURN(bool found, GetForUpdate(Cf::kNodes, keys::IdKey(id), &v));
  if (!found) return Status::EntityNotFound("node " + std::to_string(id) + " does not exist");
  return codec::DecodeNodeRecord(id, v);
}

Result<RelRecord> RocksTransaction::LoadRelForUpdate(RelId id) {
  std::string v;
  COPMAP_ASSIGN_OR_RETURN(bool found, GetForUpdate(Cf::kRels, keys::IdKey(id), &v));
  if (!found) {
    return Status::EntityNotFound("relationship " + std::to_string(id) + " does not exist");
  }
  return codec::DecodeRelRecord(id, v);
}

Status RocksTransaction::ValidateProperties(Properties* props, std::string_view what) {
  return NormalizeProperties(store_->catalog(), props, what);
}

std::string RocksTransaction::UniqueViolation(const IndexEntry& entry, NodeId other) {
  return "node " + std::to_string(other) + " already has label :" +
         LabelName(entry.index->info.label) + " and property " +
         PropKeyName(entry.index->info.property) + " = " + entry.property->ToString() +
         " (unique constraint '" + entry.index->info.name + "')";
}

Status RocksTransaction::ClaimUniqueKey(const IndexEntry& entry, NodeId node) {
  std::string holder;
  COPMAP_ASSIGN_OR_RETURN(bool taken, GetForUpdate(Cf::kIndex, entry.key, &holder));
  if (taken && holder.size() == 8 && keys::GetBig64(holder.data()) != node) {
    return Status::ConstraintError(UniqueViolation(entry, keys::GetBig64(holder.data())));
  }
  return FromRocks(txn_->Put(store_->cf(Cf::kIndex), entry.key, entry.value), "writing an index");
}

Status RocksTransaction::Merge(const std::string& key, int64_t delta) {
  return FromRocks(txn_->MergeUntracked(store_->cf(Cf::kCounts), key, keys::EncodeCount(delta)),
                   "updating a count");
}

Status RocksTransaction::MergeDegree(NodeId node, Direction dir, RelTypeId type, int64_t delta) {
  for (RelTypeId t : {type, keys::kAllTypes}) {
    std::string key = keys::DegreeKey(node, dir, t);
    COPMAP_RETURN_IF_ERROR(Merge(key, delta));
    touched_degrees_[node].insert(std::move(key));
  }
  return Status::OK();
}

Status RocksTransaction::ApplyNodeChange(const NodeRecord* before, const NodeRecord* after) {
  std::vector<IndexEntry> old_entries, new_entries;
  if (before) {
    COPMAP_ASSIGN_OR_RETURN(old_entries, NodeIndexEntries(*schema_, *before));
  }
  if (after) {
    COPMAP_ASSIGN_OR_RETURN(new_entries, NodeIndexEntries(*schema_, *after));
  }
  NodeId id = after ? after->id : before->id;
  auto* index_cf = store_->cf(Cf::kIndex);
  // Removals first, so that moving a unique value within the node works.
  for (const IndexEntry& e : old_entries) {
    if (std::binary_search(new_entries.begin(), new_entries.end(), e)) continue;
    rocksdb::Status s = e.index->info.kind == IndexKind::kUnique
                            ? txn_->Delete(index_cf, e.key)
                            : txn_->DeleteUntracked(index_cf, e.key);
    COPMAP_RETURN_IF_ERROR(FromRocks(s, "removing an index entry"));
  }
  for (const IndexEntry& e : new_entries) {
    if (std::binary_search(old_entries.begin(), old_entries.end(), e)) continue;
    if (e.index->info.kind == IndexKind::kUnique) {
      COPMAP_RETURN_IF_ERROR(ClaimUniqueKey(e, id));
    } else {
      COPMAP_RETURN_IF_ERROR(
          FromRocks(txn_->PutUntracked(index_cf, e.key, e.value), "writing an index entry"));
    }
  }
  // Label scan entries and label counts.
  static const std::vector<LabelId> kNone;
  const auto& old_labels = before ? before->labels : kNone;
  const auto& new_labels = after ? after->labels : kNone;
  auto* labels_cf = store_->cf(Cf::kLabels);
  for (LabelId l : old_labels) {
    if (std::binary_search(new_labels.begin(), new_labels.end(), l)) continue;
    COPMAP_RETURN_IF_ERROR(
        FromRocks(txn_->DeleteUntracked(labels_cf, keys::ScanKey(l, id)), "removing a label"));
    COPMAP_RETURN_IF_ERROR(Merge(keys::LabelCountKey(l), -1));
  }
  for (LabelId l : new_labels) {
    if (std::binary_search(old_labels.begin(), old_labels.end(), l)) continue;
    COPMAP_RETURN_IF_ERROR(
        FromRocks(txn_->PutUntracked(labels_cf, keys::ScanKey(l, id), ""), "adding a label"));
    COPMAP_RETURN_IF_ERROR(Merge(keys::LabelCountKey(l), +1));
  }
  // The record itself. A new id is unique, so it needs no conflict tracking;
  // an existing record was read for update.
  auto* nodes_cf = store_->cf(Cf::kNodes);
  rocksdb::Status s;
  if (!after) {
    s = txn_->Delete(nodes_cf, keys::IdKey(id));
  } else if (!before) {
    s = txn_->PutUntracked(nodes_cf, keys::IdKey(id), codec::EncodeNodeRecord(*after));
  } else {
    s = txn_->Put(nodes_cf, keys::IdKey(id), codec::EncodeNodeRecord(*after));
  }
  return FromRocks(s, "writing node " + std::to_string(id));
}

Result<NodeId> RocksTransaction::CreateNode(std::vector<LabelId> labels, Properties properties) {
  COPMAP_RETURN_IF_ERROR(CheckWritable("create a node"));
  COPMAP_RETURN_IF_ERROR(NormalizeLabels(store_->catalog(), &labels));
  COPMAP_RETURN_IF_ERROR(ValidateProperties(&properties, "a new node"));
  NodeRecord node{store_->AllocateNodeId(), std::move(labels), std::move(properties)};
  COPMAP_RETURN_IF_ERROR(Atomically([&]() -> Status {
    COPMAP_RETURN_IF_ERROR(ApplyNodeChange(nullptr, &node));
    COPMAP_RETURN_IF_ERROR(Merge(keys::NodeCountKey(), +1));
    return Merge(keys::NodeHighWaterKey(), int64_t(node.id + 1));
  }));
  return node.id;
}

Result<RelId> RocksTransaction::CreateRel(RelTypeId type, NodeId start, NodeId end,
                                          Properties properties) {
  COPMAP_RETURN_IF_ERROR(CheckWritable("create a relationship"));
  if (!store_->catalog().Known(NameSpace::kRelType, type)) {
    return Status::InvalidArgument("unknown relationship type id " + std::to_string(type));
  }
  COPMAP_RETURN_IF_ERROR(ValidateProperties(&properties, "a new relationship"));
  RelRecord rel{0, type, start, end, std::move(properties)};
  COPMAP_RETURN_IF_ERROR(Atomically([&]() -> Status {
    // Reading both ends for update makes a concurrent delete of either conflict.
    for (NodeId n : {start, end}) {
      std::string ignored;
      COPMAP_ASSIGN_OR_RETURN(bool found, GetForUpdate(Cf::kNodes, keys::IdKey(n), &ignored));
      if (!found) {
        return Status::EntityNotFound("cannot create a :" + RelTypeName(type) +
                                      " relationship: node " + std::to_string(n) +
                                      " does not exist");
      }
    }
    rel.id = store_->AllocateRelId();
    auto put = [&](Cf cf, const std::string& key, const std::string& value) {
      return FromRocks(txn_->PutUntracked(store_->cf(cf), key, value), "writing a relationship");
    };
    COPMAP_RETURN_IF_ERROR(put(Cf::kRels, keys::IdKey(rel.id), codec::EncodeRelRecord(rel)));
    COPMAP_RETURN_IF_ERROR(put(Cf::kAdj, keys::AdjKey(start, Direction::kOut, type, end, rel.id), ""));
    COPMAP_RETURN_IF_ERROR(put(Cf::kAdj, keys::AdjKey(end, Direction::kIn, type, start, rel.id), ""));
    COPMAP_RETURN_IF_ERROR(put(Cf::kRelTypes, keys::ScanKey(type, rel.id), ""));
    COPMAP_RETURN_IF_ERROR(MergeDegree(start, Direction::kOut, type, +1));
    COPMAP_RETURN_IF_ERROR(MergeDegree(end, Direction::kIn, type, +1));
    COPMAP_RETURN_IF_ERROR(Merge(keys::TypeCountKey(type), +1));
    COPMAP_RETURN_IF_ERROR(Merge(keys::RelCountKey(), +1));
    return Merge(keys::RelHighWaterKey(), int64_t(rel.id + 1));
  }));
  return rel.id;
}

namespace {
// Sets or (with null) removes `key` in sorted `props`.
void SetProperty(Properties* props, PropKeyId key, Value value) {
  auto it = std::lower_bound(props->begin(), props->end(), key,
                             [](const auto& p, PropKeyId k) { return p.first < k; });
  bool present = it != props->end() && it->first == key;
  if (value.is_null()) {
    if (present) props->erase(it);
  } else if (present) {
    it->second = std::move(value);
  } else {
    props->insert(it, {key, std::move(value)});
  }
}
}  // namespace

Status RocksTransaction::SetNodeProperty(NodeId id, PropKeyId key, Value value) {
  COPMAP_RETURN_IF_ERROR(CheckWritable("set a property"));
  Properties one{{key, std::move(value)}};
  COPMAP_RETURN_IF_ERROR(ValidateProperties(&one, "node " + std::to_string(id)));
  return Atomically([&]() -> Status {
    COPMAP_ASSIGN_OR_RETURN(NodeRecord before, LoadNodeForUpdate(id));
    NodeRecord after = before;
    SetProperty(&after.properties, key, one.empty() ? Value() : one[0].second);
    return ApplyNodeChange(&before, &after);
  });
}

Status RocksTransaction::SetRelProperty(RelId id, PropKeyId key, Value value) {
  COPMAP_RETURN_IF_ERROR(CheckWritable("set a property"));
  Properties one{{key, std::move(value)}};
  COPMAP_RETURN_IF_ERROR(ValidateProperties(&one, "relationship " + std::to_string(id)));
  return Atomically([&]() -> Status {
    COPMAP_ASSIGN_OR_RETURN(RelRecord rel, LoadRelForUpdate(id));
    SetProperty(&rel.properties, key, one.empty() ? Value() : one[0].second);
    return FromRocks(txn_->Put(store_->cf(Cf::kRels), keys::IdKey(id), codec::EncodeRelRecord(rel)),
                     "writing relationship " + std::to_string(id));
  });
}

Status RocksTransaction::AddLabel(NodeId id, LabelId label) {
  COPMAP_RETURN_IF_ERROR(CheckWritable("add a label"));
  if (!store_->catalog().Known(NameSpace::kLabel, label)) {
    return Status::InvalidArgument("unknown label id " + std::to_string(label));
  }
  return Atomically([&]() -> Status {
    COPMAP_ASSIGN_OR_RETURN(NodeRecord before, LoadNodeForUpdate(id));
    NodeRecord after = before;
    auto it = std::lower_bound(after.labels.begin(), after.labels.end(), label);
    if (it != after.labels.end() && *it == label) return Status::OK();
    after.labels.insert(it, label);
    return ApplyNodeChange(&before, &after);
  });
}

Status RocksTransaction::RemoveLabel(NodeId id, LabelId label) {
  COPMAP_RETURN_IF_ERROR(CheckWritable("remove a label"));
  return Atomically([&]() -> Status {
    COPMAP_ASSIGN_OR_RETURN(NodeRecord before, LoadNodeForUpdate(id));
    NodeRecord after = before;
    auto it = std::lower_bound(after.labels.begin(), after.labels.end(), label);
    if (it == after.labels.end() || *it != label) return Status::OK();
    after.labels.erase(it);
    return ApplyNodeChange(&before, &after);
  });
}

Status RocksTransaction::DeleteRelRecord(const RelRecord& rel) {
  auto del = [&](Cf cf, const std::string& key) {
    return FromRocks(txn_->DeleteUntracked(store_->cf(cf), key), "deleting a relationship");
  };
  COPMAP_RETURN_IF_ERROR(
      FromRocks(txn_->Delete(store_->cf(Cf::kRels), keys::IdKey(rel.id)), "deleting a relationship"));
  COPMAP_RETURN_IF_ERROR(del(Cf::kAdj, keys::AdjKey(rel.start, Direction::kOut, rel.type, rel.end, rel.id)));
  COPMAP_RETURN_IF_ERROR(del(Cf::kAdj, keys::AdjKey(rel.end, Direction::kIn, rel.type, rel.start, rel.id)));
  COPMAP_RETURN_IF_ERROR(del(Cf::kRelTypes, keys::ScanKey(rel.type, rel.id)));
  COPMAP_RETURN_IF_ERROR(MergeDegree(rel.start, Direction::kOut, rel.type, -1));
  COPMAP_RETURN_IF_ERROR(MergeDegree(rel.end, Direction::kIn, rel.type, -1));
  COPMAP_RETURN_IF_ERROR(Merge(keys::TypeCountKey(rel.type), -1));
  return Merge(keys::RelCountKey(), -1);
}

Status RocksTransaction::DeleteRel(RelId id) {
  COPMAP_RETURN_IF_ERROR(CheckWritable("delete a relationship"));
  return Atomically([&]() -> Status {
    COPMAP_ASSIGN_OR_RETURN(RelRecord rel, LoadRelForUpdate(id));
    return DeleteRelRecord(rel);
  });
}

Status RocksTransaction::DropDegreeKeys(NodeId node) {
  std::set<std::string> keys_to_drop = touched_degrees_[node];
  // Committed counters of the node, as of the snapshot (not through the
  // transaction: its batch may hold merge operands, which its iterator
  // cannot present).
  rocksdb::ReadOptions ro = ro_;
  ro.total_order_seek = true;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, store_->cf(Cf::kCounts)));
  std::string prefix = keys::DegreeNodePrefix(node);
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    keys_to_drop.insert(it->key().ToString());
  }
  COPMAP_RETURN_IF_ERROR(FromRocks(it->status(), "reading degree counts"));
  for (const std::string& k : keys_to_drop) {
    COPMAP_RETURN_IF_ERROR(
        FromRocks(txn_->Delete(store_->cf(Cf::kCounts), k), "deleting a degree count"));
  }
  return Status::OK();
}

Status RocksTransaction::DeleteNode(NodeId id, bool detach) {
  COPMAP_RETURN_IF_ERROR(CheckWritable("delete a node"));
  return Atomically([&]() -> Status {
    COPMAP_ASSIGN_OR_RETURN(NodeRecord node, LoadNodeForUpdate(id));
    // Reading the total degrees for update makes a concurrent commit that
    // attaches a relationship to this node conflict with the delete.
    int64_t degree = 0;
    for (Direction dir : {Direction::kOut, Direction::kIn}) {
      std::string v;
      COPMAP_ASSIGN_OR_RETURN(bool found,
                              GetForUpdate(Cf::kCounts, keys::DegreeKey(id, dir, keys::kAllTypes), &v));
      if (found) degree += keys::DecodeCount(v);
    }
    if (degree > 0 && !detach) {
      return Status::ConstraintError("cannot delete node " + std::to_string(id) +
                                     " because it still has " + std::to_string(degree) +
                                     " relationship(s); delete them first or use DETACH DELETE");
    }
    std::vector<RelId> rels;
    for (Direction dir : {Direction::kOut, Direction::kIn}) {
      auto adj = Expand(id, dir, std::nullopt);
      for (; adj->Valid(); adj->Next()) rels.push_back(adj->entry().rel);
      COPMAP_RETURN_IF_ERROR(adj->status());
    }
    std::sort(rels.begin(), rels.end());
    rels.erase(std::unique(rels.begin(), rels.end()), rels.end());  // self loops appear twice
    for (RelId r : rels) {
      COPMAP_ASSIGN_OR_RETURN(RelRecord rel, LoadRelForUpdate(r));
      COPMAP_RETURN_IF_ERROR(DeleteRelRecord(rel));
    }
    COPMAP_RETURN_IF_ERROR(DropDegreeKeys(id));
    COPMAP_RETURN_IF_ERROR(ApplyNodeChange(&node, nullptr));
    return Merge(keys::NodeCountKey(), -1);
  });
}

Status RocksTransaction::Commit() {
  if (done_) return Status::InvalidArgument("the transaction has already ended");
  done_ = true;
  if (!txn_ || !wrote_) {
    if (txn_) txn_->Rollback();
    return Status::OK();
  }
  // A schema change waits for commits in flight, and a transaction that
  // wrote under an older schema may have missed an index: it must retry.
  std::shared_lock lock(store_->commit_mutex());
  if (store_->schema()->version != schema_->version) {
    txn_->Rollback();
    return Status::Conflict("the schema (indexes or constraints) changed while the transaction "
                            "ran; nothing was applied, retry");
  }
  Status s = FromRocks(txn_->Commit(), "commit");
  if (!s.ok()) txn_->Rollback();
  return s;
}

void RocksTransaction::Rollback() {
  if (done_) return;
  done_ = true;
  if (txn_) txn_->Rollback();
}

}  // namespace copmap::storage
