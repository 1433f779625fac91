#include "tests/cli/pty_session.h"

#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

namespace copmap::testing {

PtySession::PtySession(const std::vector<std::string>& args, const std::vector<std::string>& env,
                       unsigned short columns) {
  struct winsize size {};
  size.ws_col = columns;
  size.ws_row = 40;
  pid_ = ::forkpty(&master_, nullptr, nullptr, &size);
  if (pid_ == 0) {
    for (const std::string& entry : env) ::putenv(const_cast<char*>(entry.c_str()));
    std::vector<char*> argv{const_cast<char*>(COPMAP_BINARY)};
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
}

PtySession::~PtySession() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  if (master_ >= 0) ::close(master_);
}

bool PtySession::WaitFor(const std::string& text) {
  for (;;) {
    const size_t at = output_.find(text, seen_);
    if (at != std::string::npos) {
      seen_ = at + text.size();
      return true;
    }
    struct pollfd fd {master_, POLLIN, 0};
    if (::poll(&fd, 1, 30000) <= 0) return false;
    char buf[4096];
    const ssize_t n = ::read(master_, buf, sizeof buf);
    if (n <= 0) return false;  // EIO: the program closed the terminal
    output_.append(buf, static_cast<size_t>(n));
  }
}

void PtySession::Type(const std::string& keys) {
  size_t done = 0;
  while (done < keys.size()) {
    const ssize_t n = ::write(master_, keys.data() + done, keys.size() - done);
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

int PtySession::Finish() {
  if (pid_ <= 0) return -1;
  // Drain what is left so the child never blocks on a full terminal; the
  // drain ends when the child closes the terminal or falls silent.
  while (WaitFor(std::string(1, '\0'))) {
  }
  // The terminal closes a moment before the process can be reaped; a
  // child still there after 10 s is silent but running (it missed the
  // input) and is killed.
  int status = 0;
  pid_t reaped = 0;
  for (int i = 0; i < 1000 && reaped == 0; ++i) {
    reaped = ::waitpid(pid_, &status, WNOHANG);
    if (reaped == 0) ::usleep(10000);
  }
  if (reaped != pid_) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return -1;
  }
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace copmap::testing
