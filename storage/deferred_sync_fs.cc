#include "storage/deferred_sync_fs.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "storage/prezeroed_wal_file.h"

namespace copmap::storage {

namespace {

class DeferredSyncFile : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  DeferredSyncFile(std::unique_ptr<rocksdb::FSWritableFile> file, const DeferredSyncFileSystem* fs)
      : FSWritableFileOwnerWrapper(std::move(file)), fs_(fs) {}

  rocksdb::IOStatus Sync(const rocksdb::IOOptions& o, rocksdb::IODebugContext* d) override {
    return fs_->deferring() ? rocksdb::IOStatus::OK() : target()->Sync(o, d);
  }
  rocksdb::IOStatus Fsync(const rocksdb::IOOptions& o, rocksdb::IODebugContext* d) override {
    return fs_->deferring() ? rocksdb::IOStatus::OK() : target()->Fsync(o, d);
  }
  rocksdb::IOStatus RangeSync(uint64_t offset, uint64_t n, const rocksdb::IOOptions& o,
                              rocksdb::IODebugContext* d) override {
    return fs_->deferring() ? rocksdb::IOStatus::OK() : target()->RangeSync(offset, n, o, d);
  }

 private:
  const DeferredSyncFileSystem* fs_;
};

class DeferredSyncDirectory : public rocksdb::FSDirectoryWrapper {
 public:
  DeferredSyncDirectory(std::unique_ptr<rocksdb::FSDirectory> dir,
                        const DeferredSyncFileSystem* fs)
      : FSDirectoryWrapper(std::move(dir)), fs_(fs) {}

  rocksdb::IOStatus Fsync(const rocksdb::IOOptions& o, rocksdb::IODebugContext* d) override {
    return fs_->deferring() ? rocksdb::IOStatus::OK() : FSDirectoryWrapper::Fsync(o, d);
  }
  rocksdb::IOStatus FsyncWithDirOptions(const rocksdb::IOOptions& o, rocksdb::IODebugContext* d,
                                        const rocksdb::DirFsyncOptions& opts) override {
    return fs_->deferring() ? rocksdb::IOStatus::OK()
                            : FSDirectoryWrapper::FsyncWithDirOptions(o, d, opts);
  }

 private:
  const DeferredSyncFileSystem* fs_;
};

Status FsyncPath(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return Status::IOError("opening '" + path + "' to sync it: " + std::strerror(errno));
  int rc = ::fsync(fd);
  int err = errno;
  ::close(fd);
  if (rc != 0) return Status::IOError("syncing '" + path + "': " + std::strerror(err));
  return Status::OK();
}

}  // namespace

void DeferredSyncFileSystem::Wrap(std::unique_ptr<rocksdb::FSWritableFile>* file) {
  *file = std::make_unique<DeferredSyncFile>(std::move(*file), this);
}

rocksdb::IOStatus DeferredSyncFileSystem::NewWritableFile(
    const std::string& f, const rocksdb::FileOptions& o,
    std::unique_ptr<rocksdb::FSWritableFile>* r, rocksdb::IODebugContext* d) {
  rocksdb::IOStatus s = prezero_wal_ && IsWalFileName(f)
                            ? NewPrezeroedWalFile(f, r)
                            : FileSystemWrapper::NewWritableFile(f, o, r, d);
  if (s.ok()) Wrap(r);
  return s;
}

rocksdb::IOStatus DeferredSyncFileSystem::ReopenWritableFile(
    const std::string& f, const rocksdb::FileOptions& o,
    std::unique_ptr<rocksdb::FSWritableFile>* r, rocksdb::IODebugContext* d) {
  rocksdb::IOStatus s = FileSystemWrapper::ReopenWritableFile(f, o, r, d);
  if (s.ok()) Wrap(r);
  return s;
}

rocksdb::IOStatus DeferredSyncFileSystem::ReuseWritableFile(
    const std::string& f, const std::string& old, const rocksdb::FileOptions& o,
    std::unique_ptr<rocksdb::FSWritableFile>* r, rocksdb::IODebugContext* d) {
  rocksdb::IOStatus s = FileSystemWrapper::ReuseWritableFile(f, old, o, r, d);
  if (s.ok()) Wrap(r);
  return s;
}

rocksdb::IOStatus DeferredSyncFileSystem::NewDirectory(const std::string& name,
                                                       const rocksdb::IOOptions& o,
                                                       std::unique_ptr<rocksdb::FSDirectory>* r,
                                                       rocksdb::IODebugContext* d) {
  rocksdb::IOStatus s = FileSystemWrapper::NewDirectory(name, o, r, d);
  if (s.ok()) *r = std::make_unique<DeferredSyncDirectory>(std::move(*r), this);
  return s;
}

Status SyncDirectoryTree(const std::string& dir) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file(ec)) continue;
    COPMAP_RETURN_IF_ERROR(FsyncPath(entry.path().string(), O_RDONLY));
  }
  if (ec) return Status::IOError("listing '" + dir + "' to sync it: " + ec.message());
  return FsyncPath(dir, O_RDONLY | O_DIRECTORY);
}

}  // namespace copmap::storage
