#include "storage/prezeroed_wal_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace copmap::storage {

namespace {

constexpr uint64_t kMinExtension = 64 << 10;
constexpr uint64_t kMaxExtension = 1 << 20;

rocksdb::IOStatus Errno(const std::string& what, const std::string& path, int err) {
  // A full disk must be NoSpace, as RocksDB's own files report it: RocksDB
  // treats a plain IOError in the write path as fatal (no Resume() until the
  // store is reopened) but recovers from NoSpace once space is freed.
  if (err == ENOSPC) {
    rocksdb::IOStatus s = rocksdb::IOStatus::NoSpace(what + " '" + path + "'", std::strerror(err));
    s.SetRetryable(true);
    return s;
  }
  return rocksdb::IOStatus::IOError(what + " '" + path + "'", std::strerror(err));
}

// Writes all of [data, data + n) at `offset`, retrying short writes.
bool PwriteAll(int fd, const char* data, size_t n, uint64_t offset) {
  while (n > 0) {
    ssize_t w = ::pwrite(fd, data, n, off_t(offset));
    if (w < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += w, n -= size_t(w), offset += uint64_t(w);
  }
  return true;
}

class PrezeroedWalFile : public rocksdb::FSWritableFile {
 public:
  PrezeroedWalFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  ~PrezeroedWalFile() override {
    if (fd_ >= 0) Close(rocksdb::IOOptions(), nullptr);
  }

  using rocksdb::FSWritableFile::Append;
  rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions&,
                           rocksdb::IODebugContext*) override {
    if (size_ + data.size() > zeroed_end_) {
      rocksdb::IOStatus s = ExtendZeros(size_ + data.size());
      if (!s.ok()) return s;
    }
    if (!PwriteAll(fd_, data.data(), data.size(), size_)) return Errno("writing", path_, errno);
    size_ += data.size();
    return rocksdb::IOStatus::OK();
  }

  rocksdb::IOStatus Truncate(uint64_t size, const rocksdb::IOOptions&,
                             rocksdb::IODebugContext*) override {
    if (::ftruncate(fd_, off_t(size)) != 0) return Errno("truncating", path_, errno);
    size_ = zeroed_end_ = size;
    return rocksdb::IOStatus::OK();
  }

  rocksdb::IOStatus Close(const rocksdb::IOOptions&, rocksdb::IODebugContext*) override {
    if (fd_ < 0) return rocksdb::IOStatus::OK();
    // The zeros past the last record are not needed once the file is done.
    bool ok = ::ftruncate(fd_, off_t(size_)) == 0;
    int err = errno;
    ok &= ::close(fd_) == 0;
    fd_ = -1;
    return ok ? rocksdb::IOStatus::OK() : Errno("closing", path_, err);
  }

  rocksdb::IOStatus Flush(const rocksdb::IOOptions&, rocksdb::IODebugContext*) override {
    return rocksdb::IOStatus::OK();  // writes go straight to the file
  }
  rocksdb::IOStatus Sync(const rocksdb::IOOptions&, rocksdb::IODebugContext*) override {
    return ::fdatasync(fd_) == 0 ? rocksdb::IOStatus::OK() : Errno("syncing", path_, errno);
  }
  rocksdb::IOStatus Fsync(const rocksdb::IOOptions&, rocksdb::IODebugContext*) override {
    return ::fsync(fd_) == 0 ? rocksdb::IOStatus::OK() : Errno("syncing", path_, errno);
  }
  bool IsSyncThreadSafe() const override { return true; }
  uint64_t GetFileSize(const rocksdb::IOOptions&, rocksdb::IODebugContext*) override {
    return size_;
  }
  // Space is reserved by ExtendZeros; fallocate'd (unwritten) extents would
  // bring the metadata sync back on first write.
  void PrepareWrite(size_t, size_t, const rocksdb::IOOptions&, rocksdb::IODebugContext*) override {}
  rocksdb::IOStatus Allocate(uint64_t, uint64_t, const rocksdb::IOOptions&,
                             rocksdb::IODebugContext*) override {
    return rocksdb::IOStatus::OK();
  }

 private:
  rocksdb::IOStatus ExtendZeros(uint64_t needed) {
    static const char kZeros[kMinExtension] = {};
    uint64_t step = std::clamp(zeroed_end_, kMinExtension, kMaxExtension);
    uint64_t end = std::max(zeroed_end_ + step, needed);
    for (uint64_t at = zeroed_end_; at < end;) {
      size_t n = size_t(std::min<uint64_t>(sizeof(kZeros), end - at));
      if (!PwriteAll(fd_, kZeros, n, at)) return Errno("extending", path_, errno);
      at += n;
    }
    zeroed_end_ = end;
    return rocksdb::IOStatus::OK();
  }

  std::string path_;
  int fd_;
  uint64_t size_ = 0;        // bytes of records
  uint64_t zeroed_end_ = 0;  // file length: records, then zeros
};

}  // namespace

bool IsWalFileName(const std::string& path) {
  std::string_view name(path);
  if (auto slash = name.rfind('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
  if (!name.ends_with(".log") || name.size() == 4) return false;
  name.remove_suffix(4);
  return std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

rocksdb::IOStatus NewPrezeroedWalFile(const std::string& path,
                                      std::unique_ptr<rocksdb::FSWritableFile>* result) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Errno("creating", path, errno);
  *result = std::make_unique<PrezeroedWalFile>(path, fd);
  return rocksdb::IOStatus::OK();
}

}  // namespace copmap::storage
