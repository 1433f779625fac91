#include "tests/reliability/tmpfs_mount.h"

#include <sys/mount.h>
#include <sys/statvfs.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace copmap::reliability {

TmpfsMount::TmpfsMount(const std::string& dir, uint64_t bytes) : dir_(dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const std::string options = "size=" + std::to_string(bytes);
  if (::mount("tmpfs", dir.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) != 0) {
    error_ = "mount tmpfs (" + options + ") at " + dir + ": " + std::strerror(errno);
  }
}

TmpfsMount::~TmpfsMount() {
  if (mounted()) ::umount2(dir_.c_str(), MNT_DETACH);
}

uint64_t TmpfsMount::FreeBytes() const {
  struct statvfs st {};
  if (::statvfs(dir_.c_str(), &st) != 0) return 0;
  return uint64_t(st.f_bavail) * st.f_frsize;
}

}  // namespace copmap::reliability
