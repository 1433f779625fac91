// TmpfsMount: a small tmpfs mounted for one test, so that a disk really
// fills up (ENOSPC from the kernel, not a simulated error). Needs root (or
// CAP_SYS_ADMIN); the test says so clearly when the mount is refused.
#pragma once

#include <string>

namespace copmap::reliability {

class TmpfsMount {
 public:
  // Mounts a tmpfs of `bytes` at `dir` (created if needed).
  TmpfsMount(const std::string& dir, uint64_t bytes);
  // Unmounts (lazily, so that a file left open cannot keep it mounted).
  ~TmpfsMount();

  TmpfsMount(const TmpfsMount&) = delete;
  TmpfsMount& operator=(const TmpfsMount&) = delete;

  bool mounted() const { return error_.empty(); }
  // Why the mount failed ("mount tmpfs at ...: Operation not permitted").
  const std::string& error() const { return error_; }
  // Bytes still free on it.
  uint64_t FreeBytes() const;

 private:
  std::string dir_;
  std::string error_;
};

}  // namespace copmap::reliability
