#include "visualize/isolated_run.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>

namespace copmap::visualize {
namespace {

using Clock = std::chrono::steady_clock;

// The child's answer on the pipe: one byte with the Status code (0 for OK),
// then the output bytes (OK) or the error message.
void WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    const ssize_t n = write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // the parent is gone; nothing to tell
    data += n;
    size -= static_cast<size_t>(n);
  }
}

[[noreturn]] void RunChild(int fd, const std::function<Result<std::string>()>& work) {
  Result<std::string> result = work();
  const Status::Code code = result.ok() ? Status::Code::kOk : result.status().code();
  const char tag = static_cast<char>(code);
  WriteAll(fd, &tag, 1);
  const std::string& body = result.ok() ? result.value() : result.status().message();
  WriteAll(fd, body.data(), body.size());
  close(fd);
  _exit(0);
}

Status StatusFromCode(Status::Code code, std::string message) {
  using C = Status::Code;
  switch (code) {
    case C::kInvalidArgument: return Status::InvalidArgument(std::move(message));
    case C::kResourceExhausted: return Status::ResourceExhausted(std::move(message));
    case C::kTimeout: return Status::Timeout(std::move(message));
    case C::kNotSupported: return Status::NotSupported(std::move(message));
    case C::kIOError: return Status::IOError(std::move(message));
    case C::kNotFound: return Status::NotFound(std::move(message));
    default: return Status::Internal(std::move(message));
  }
}

// Reads from `fd` into `out` until end of file or the deadline. Returns
// false on timeout.
Result<bool> ReadUntil(int fd, Clock::time_point deadline, std::string* out) {
  char buf[65536];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd, POLLIN, 0};
    const int ready = poll(&p, 1, static_cast<int>(std::min<int64_t>(left.count() + 1, 1 << 30)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) return Status::IOError(std::string("poll: ") + strerror(errno));
    if (ready == 0) continue;  // the loop re-checks the deadline
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::IOError(std::string("read: ") + strerror(errno));
    if (n == 0) return true;
    out->append(buf, static_cast<size_t>(n));
  }
}

int WaitForChild(pid_t pid) {
  int wstatus = 0;
  while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  return wstatus;
}

}  // namespace

Result<std::string> RunIsolated(const std::function<Result<std::string>()>& work,
                                std::chrono::milliseconds time_limit, std::mutex& fork_lock,
                                std::string_view what) {
  const Clock::time_point deadline = Clock::now() + time_limit;
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return Status::IOError(std::string("pipe: ") + strerror(errno));
  pid_t pid;
  {
    std::lock_guard<std::mutex> lock(fork_lock);
    pid = fork();
  }
  if (pid < 0) {
    const int err = errno;
    close(fds[0]);
    close(fds[1]);
    return Status::IOError(std::string("fork: ") + strerror(err));
  }
  if (pid == 0) {
    close(fds[0]);
    RunChild(fds[1], work);
  }
  close(fds[1]);
  std::string answer;
  Result<bool> finished = ReadUntil(fds[0], deadline, &answer);
  close(fds[0]);
  if (!finished.ok() || !finished.value()) {
    kill(pid, SIGKILL);
    WaitForChild(pid);
    if (!finished.ok()) return finished.status();
    return Status::Timeout(std::string(what) + " did not finish within the time limit of " +
                           std::to_string(time_limit.count()) + " ms and was stopped");
  }
  const int wstatus = WaitForChild(pid);
  if (WIFSIGNALED(wstatus)) {
    return Status::Internal(std::string(what) + " crashed (signal " +
                            std::to_string(WTERMSIG(wstatus)) + ": " +
                            strsignal(WTERMSIG(wstatus)) + ")");
  }
  if (answer.empty()) {
    return Status::Internal(std::string(what) + " ended without an answer (exit status " +
                            std::to_string(WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1) + ")");
  }
  const auto code = static_cast<Status::Code>(static_cast<uint8_t>(answer[0]));
  answer.erase(0, 1);
  if (code == Status::Code::kOk) return answer;
  return StatusFromCode(code, std::move(answer));
}

}  // namespace copmap::visualize
