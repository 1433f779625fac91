// RocksStore: creating and dropping indexes and unique constraints.
#include <mutex>
#include <unordered_map>

#include <rocksdb/write_batch.h>

#include "storage/codec.h"
#include "storage/keys.h"
#include "storage/rocks_status.h"
#include "storage/rocks_store.h"

namespace copmap::storage {

namespace {
constexpr std::string_view kNextIndexKey = "next_index";
}  // namespace

Status RocksStore::CreateIndex(std::string_view name, IndexKind kind, std::string_view label,
                               std::string_view property) {
  if (name.empty()) return Status::InvalidArgument("an index needs a name");
  COPMAP_ASSIGN_OR_RETURN(LabelId label_id, catalog_->GetOrCreate(NameSpace::kLabel, label));
  COPMAP_ASSIGN_OR_RETURN(PropKeyId prop_id, catalog_->GetOrCreate(NameSpace::kPropKey, property));
  // No commit runs while the index is built, so it sees every committed node
  // and no transaction that began under the old schema can commit after it.
  std::unique_lock lock(commit_mutex_);
  std::shared_ptr<const Schema> old = schema();
  if (old->FindByName(name)) {
    return Status::InvalidArgument("an index named '" + std::string(name) + "' already exists");
  }
  if (const IndexDef* d = old->Find(label_id, prop_id)) {
    return Status::InvalidArgument("index '" + d->info.name + "' already covers :" +
                                   std::string(label) + "(" + std::string(property) + ")");
  }
  std::string next_bytes;
  uint32_t next_id = old->NextIndexId();
  if (db_->Get(rocksdb::ReadOptions(), cf(Cf::kMeta), std::string(kNextIndexKey), &next_bytes).ok() &&
      next_bytes.size() == 4) {
    next_id = std::max(next_id, keys::GetBig32(next_bytes.data()));
  }
  Schema one;  // just the new index, to compute its entries
  one.indexes.push_back(IndexDef{next_id, IndexInfo{std::string(name), kind, label_id, prop_id}});

  rocksdb::WriteBatch batch;
  std::unordered_map<std::string, NodeId> seen;  // unique key -> node
  rocksdb::ReadOptions ro;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(Cf::kLabels)));
  std::string prefix = keys::Big32Key(label_id);
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    NodeId id = keys::GetBig64(it->key().data() + 4);
    std::string bytes;
    COPMAP_RETURN_IF_ERROR(FromRocks(db_->Get(ro, cf(Cf::kNodes), keys::IdKey(id), &bytes),
                                     "reading node " + std::to_string(id) + " for a new index"));
    COPMAP_ASSIGN_OR_RETURN(NodeRecord node, codec::DecodeNodeRecord(id, bytes));
    COPMAP_ASSIGN_OR_RETURN(std::vector<IndexEntry> entries, NodeIndexEntries(one, node));
    for (const IndexEntry& e : entries) {
      if (kind == IndexKind::kUnique) {
        auto [pos, inserted] = seen.emplace(e.key, id);
        if (!inserted) {
          return Status::ConstraintError(
              "cannot create unique constraint '" + std::string(name) + "': nodes " +
              std::to_string(pos->second) + " and " + std::to_string(id) + " both have label :" +
              std::string(label) + " and property " + std::string(property) + " = " +
              e.property->ToString());
        }
      }
      batch.Put(cf(Cf::kIndex), e.key, e.value);
    }
  }
  COPMAP_RETURN_IF_ERROR(FromRocks(it->status(), "scanning label " + std::string(label)));
  batch.Put(cf(Cf::kMeta), keys::CatalogKey(keys::kIndexTag, name), EncodeIndexDef(one.indexes[0]));
  batch.Put(cf(Cf::kMeta), std::string(kNextIndexKey), keys::Big32Key(next_id + 1));
  rocksdb::WriteOptions wo;
  wo.sync = true;
  COPMAP_RETURN_IF_ERROR(FromRocks(db_->Write(wo, &batch), "creating index " + std::string(name)));

  auto updated = std::make_shared<Schema>(*old);
  updated->version = old->version + 1;
  updated->indexes.push_back(one.indexes[0]);
  PublishSchema(std::move(updated));
  return Status::OK();
}

Status RocksStore::DropIndex(std::string_view name) {
  std::unique_lock lock(commit_mutex_);
  std::shared_ptr<const Schema> old = schema();
  const IndexDef* def = old->FindByName(name);
  if (def == nullptr) return Status::NotFound("no index named '" + std::string(name) + "'");
  rocksdb::WriteBatch batch;
  std::string prefix = keys::Big32Key(def->id);
  batch.DeleteRange(cf(Cf::kIndex), prefix, keys::PrefixSuccessor(prefix));
  batch.Delete(cf(Cf::kMeta), keys::CatalogKey(keys::kIndexTag, name));
  rocksdb::WriteOptions wo;
  wo.sync = true;
  // The optimistic layer rejects range deletions; the base DB applies them
  // (no transaction can commit meanwhile: the commit lock is held).
  COPMAP_RETURN_IF_ERROR(
      FromRocks(db_->GetBaseDB()->Write(wo, &batch), "dropping index " + std::string(name)));
  auto updated = std::make_shared<Schema>();
  updated->version = old->version + 1;
  for (const IndexDef& d : old->indexes) {
    if (d.info.name != name) updated->indexes.push_back(d);
  }
  PublishSchema(std::move(updated));
  return Status::OK();
}

}  // namespace copmap::storage
