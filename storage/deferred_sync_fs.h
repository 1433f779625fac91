// DeferredSyncFileSystem: a RocksDB FileSystem whose syncs can be held back
// while a new, empty store is being created. Internal to storage/.
//
// Creating a store makes RocksDB sync ~50 times (each column family rewrites
// the OPTIONS file and the MANIFEST, each with a file and a directory sync;
// the CoP schema's catalog names and index definitions are synced commits):
// about 200 ms on a loaded disk, per store, which the TCK pays 1,615 times.
// While deferring, Sync/Fsync/RangeSync of files and directories are no-ops;
// SyncDirectoryTree() then makes every file of the new store durable with
// one fsync each, before Open() returns. Nothing committed is ever at risk:
// a new store holds no user data until Open() has returned, and deferring is
// off for every store that already exists.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include <rocksdb/file_system.h>

#include "storage/status.h"

namespace copmap::storage {

class DeferredSyncFileSystem : public rocksdb::FileSystemWrapper {
 public:
  explicit DeferredSyncFileSystem(const std::shared_ptr<rocksdb::FileSystem>& base)
      : FileSystemWrapper(base) {}

  static const char* kClassName() { return "CopmapDeferredSyncFileSystem"; }
  const char* Name() const override { return kClassName(); }

  void set_deferring(bool on) { deferring_.store(on); }
  // New WAL files are PrezeroedWalFiles (prezeroed_wal_file.h): for stores
  // that sync every commit. Set before the database is opened.
  void set_prezero_wal(bool on) { prezero_wal_ = on; }
  bool deferring() const { return deferring_.load(std::memory_order_relaxed); }

  rocksdb::IOStatus NewWritableFile(const std::string& f, const rocksdb::FileOptions& o,
                                    std::unique_ptr<rocksdb::FSWritableFile>* r,
                                    rocksdb::IODebugContext* d) override;
  rocksdb::IOStatus ReopenWritableFile(const std::string& f, const rocksdb::FileOptions& o,
                                       std::unique_ptr<rocksdb::FSWritableFile>* r,
                                       rocksdb::IODebugContext* d) override;
  rocksdb::IOStatus ReuseWritableFile(const std::string& f, const std::string& old,
                                      const rocksdb::FileOptions& o,
                                      std::unique_ptr<rocksdb::FSWritableFile>* r,
                                      rocksdb::IODebugContext* d) override;
  rocksdb::IOStatus NewDirectory(const std::string& name, const rocksdb::IOOptions& o,
                                 std::unique_ptr<rocksdb::FSDirectory>* r,
                                 rocksdb::IODebugContext* d) override;

 private:
  void Wrap(std::unique_ptr<rocksdb::FSWritableFile>* file);
  std::atomic<bool> deferring_{false};
  bool prezero_wal_ = false;
};

// fsyncs every regular file directly in `dir`, then `dir` itself.
Status SyncDirectoryTree(const std::string& dir);

}  // namespace copmap::storage
