// RocksStore: backup (a RocksDB checkpoint), restore, and statistics.
#include <filesystem>
#include <system_error>

#include <rocksdb/utilities/checkpoint.h>

#include "storage/keys.h"
#include "storage/rocks_status.h"
#include "storage/rocks_store.h"

namespace copmap::storage {

namespace fs = std::filesystem;

Status RocksStore::Backup(const std::string& dir) {
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    return Status::InvalidArgument("backup target '" + dir + "' already exists");
  }
  rocksdb::Checkpoint* raw = nullptr;
  COPMAP_RETURN_IF_ERROR(FromRocks(rocksdb::Checkpoint::Create(db_, &raw), "starting a backup"));
  std::unique_ptr<rocksdb::Checkpoint> checkpoint(raw);
  // A log size of 0 flushes the memtables first, so the backup holds only
  // table files and needs no WAL replay.
  return FromRocks(checkpoint->CreateCheckpoint(dir, 0), "writing the backup to '" + dir + "'");
}

Status RestoreBackup(const std::string& backup_dir, const std::string& target_dir) {
  std::error_code ec;
  if (!fs::is_directory(backup_dir, ec)) {
    return Status::NotFound("no backup at '" + backup_dir + "'");
  }
  std::string staging = target_dir + ".restoring";
  fs::remove_all(staging, ec);
  fs::copy(backup_dir, staging, fs::copy_options::recursive, ec);
  if (ec) {
    return Status::IOError("copying backup '" + backup_dir + "' to '" + staging + "': " +
                           ec.message());
  }
  {
    // Opening the copy proves it is a copmap database of a readable version.
    StoreOptions options;
    options.create_if_missing = false;
    auto store = GraphStore::Open(staging, options);
    if (!store.ok()) {
      fs::remove_all(staging, ec);
      return store.status().WithContext("restoring '" + backup_dir + "'");
    }
  }
  fs::remove_all(target_dir, ec);
  if (ec) return Status::IOError("removing '" + target_dir + "': " + ec.message());
  fs::rename(staging, target_dir, ec);
  if (ec) {
    return Status::IOError("moving restored database to '" + target_dir + "': " + ec.message());
  }
  return Status::OK();
}

Result<StoreStats> RocksStore::Stats() {
  StoreStats stats;
  rocksdb::ReadOptions ro;
  auto* counts = cf(Cf::kCounts);
  COPMAP_ASSIGN_OR_RETURN(int64_t nodes, ReadCount(db_, ro, counts, keys::NodeCountKey()));
  COPMAP_ASSIGN_OR_RETURN(int64_t rels, ReadCount(db_, ro, counts, keys::RelCountKey()));
  stats.node_count = uint64_t(std::max<int64_t>(nodes, 0));
  stats.rel_count = uint64_t(std::max<int64_t>(rels, 0));
  auto labels = catalog_->All(NameSpace::kLabel);
  for (const std::string& name : labels) {
    LabelId id = *catalog_->Find(NameSpace::kLabel, name);
    COPMAP_ASSIGN_OR_RETURN(int64_t n, ReadCount(db_, ro, counts, keys::LabelCountKey(id)));
    if (n > 0) stats.nodes_by_label.emplace_back(name, uint64_t(n));
  }
  for (const std::string& name : catalog_->All(NameSpace::kRelType)) {
    RelTypeId id = *catalog_->Find(NameSpace::kRelType, name);
    COPMAP_ASSIGN_OR_RETURN(int64_t n, ReadCount(db_, ro, counts, keys::TypeCountKey(id)));
    if (n > 0) stats.rels_by_type.emplace_back(name, uint64_t(n));
  }
  std::error_code ec;
  for (fs::recursive_directory_iterator it(path_, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) stats.disk_bytes += it->file_size(ec);
  }
  return stats;
}

}  // namespace copmap::storage
