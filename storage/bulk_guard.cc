// RocksBulkLoader's checks against what other transactions did while the
// load ran: exact duplicate lookups behind the unique-key fingerprints, and
// Finish()'s re-checks and stored-node rewrites under the exclusive commit
// lock (see bulk_loader.h).
#include <rocksdb/sst_file_reader.h>

#include "storage/bulk_loader.h"
#include "storage/keys.h"
#include "storage/rocks_status.h"

namespace copmap::storage {

namespace {

// Calls `fn(key)` for every key of an SST file this load wrote.
template <typename Fn>
Status ForEachKey(const rocksdb::Options& options, const std::string& file, Fn fn) {
  rocksdb::SstFileReader reader(options);
  COPMAP_RETURN_IF_ERROR(FromRocks(reader.Open(file), "bulk load: reading " + file));
  std::unique_ptr<rocksdb::Iterator> it(reader.NewIterator(rocksdb::ReadOptions()));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    COPMAP_ASSIGN_OR_RETURN(bool more, fn(it->key()));
    if (!more) break;
  }
  return FromRocks(it->status(), "bulk load: reading " + file);
}

rocksdb::Options IndexCfOptions(RocksStore* store) {
  return rocksdb::Options(store->db()->GetDBOptions(), store->db()->GetOptions(store->cf(Cf::kIndex)));
}

}  // namespace

Result<bool> RocksBulkLoader::AddedByThisLoad(const std::string& key) const {
  for (const auto& row : index_rows_) {
    if (row.first == key) return true;
  }
  rocksdb::Options options = IndexCfOptions(store_);
  for (const std::string& run : index_runs_) {
    rocksdb::SstFileReader reader(options);
    COPMAP_RETURN_IF_ERROR(FromRocks(reader.Open(run), "bulk load: reading " + run));
    std::unique_ptr<rocksdb::Iterator> it(reader.NewIterator(rocksdb::ReadOptions()));
    it->Seek(key);
    COPMAP_RETURN_IF_ERROR(FromRocks(it->status(), "bulk load: reading " + run));
    if (it->Valid() && it->key() == rocksdb::Slice(key)) return true;
  }
  return false;
}

Status RocksBulkLoader::RecheckUniqueKeys(const std::vector<std::string>& index_files) const {
  std::vector<const IndexDef*> unique(schema_->NextIndexId(), nullptr);
  for (const IndexDef& def : schema_->indexes) {
    if (def.info.kind == IndexKind::kUnique && def.id < unique.size()) unique[def.id] = &def;
  }
  rocksdb::Options options = IndexCfOptions(store_);
  rocksdb::ReadOptions ro;
  std::string holder;
  for (const std::string& file : index_files) {
    Status conflict;
    COPMAP_RETURN_IF_ERROR(ForEachKey(options, file, [&](const rocksdb::Slice& key) -> Result<bool> {
      if (key.size() < 4) return true;
      uint32_t id = keys::GetBig32(key.data());
      if (id >= unique.size() || unique[id] == nullptr) return true;
      rocksdb::Status s = store_->db()->Get(ro, store_->cf(Cf::kIndex), key, &holder);
      if (s.IsNotFound()) return true;
      COPMAP_RETURN_IF_ERROR(FromRocks(s, "bulk load: re-checking unique keys"));
      conflict = Status::ConstraintError(
          "node " + (holder.size() == 8 ? std::to_string(keys::GetBig64(holder.data())) : "?") +
          ", committed by another transaction while the import ran, holds a value that a node "
          "of the import also has (unique constraint '" + unique[id]->info.name + "')");
      return false;
    }));
    COPMAP_RETURN_IF_ERROR(conflict);
  }
  return Status::OK();
}

Status RocksBulkLoader::RecheckStoredEnds() const {
  rocksdb::ReadOptions ro;
  std::string record;
  for (NodeId id : stored_ends_) {
    rocksdb::Status s = store_->db()->Get(ro, store_->cf(Cf::kNodes), keys::IdKey(id), &record);
    if (s.IsNotFound()) {
      return Status::Conflict("node " + std::to_string(id) +
                              ", an end of an imported relationship, was deleted by another "
                              "transaction while the import ran");
    }
    COPMAP_RETURN_IF_ERROR(FromRocks(s, "bulk load: re-checking node " + std::to_string(id)));
  }
  return Status::OK();
}

// A transaction that read one of these nodes for update (to delete it)
// before the ingestion conflicts at commit only if the node's key was
// written after its snapshot; the ingested files are not in the memtable
// its commit check looks at, so the record is written again, unchanged.
Status RocksBulkLoader::TouchStoredEnds() const {
  if (stored_ends_.empty()) return Status::OK();
  rocksdb::WriteBatch batch;
  rocksdb::ReadOptions ro;
  std::string record;
  for (NodeId id : stored_ends_) {
    std::string key = keys::IdKey(id);
    COPMAP_RETURN_IF_ERROR(FromRocks(store_->db()->Get(ro, store_->cf(Cf::kNodes), key, &record),
                                     "bulk load: reading node " + std::to_string(id)));
    COPMAP_RETURN_IF_ERROR(FromRocks(batch.Put(store_->cf(Cf::kNodes), key, record),
                                     "bulk load: batching node " + std::to_string(id)));
  }
  return FromRocks(store_->db()->Write(rocksdb::WriteOptions(), &batch),
                   "bulk load: fencing the relationships' stored ends");
}

}  // namespace copmap::storage
