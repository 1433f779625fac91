#include "tests/reliability/serve_process.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

namespace copmap::reliability {

namespace {

// The server logs "event=listening address=HOST:PORT ..." once it is bound.
std::string FindListeningAddress(const std::string& log) {
  const std::string tag = "event=listening address=";
  size_t at = log.find(tag);
  if (at == std::string::npos) return "";
  at += tag.size();
  size_t end = log.find_first_of(" \n", at);
  return log.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

}  // namespace

ServeProcess::ServeProcess(const std::string& binary, const std::string& db,
                           const std::string& log_path)
    : log_path_(log_path) {
  // Emptied before the fork: the child truncates it too, but only once it
  // runs, and until then the parent would read the previous server's
  // "listening" line and hand its dead port to the clients.
  std::ofstream(log_path, std::ios::trunc);
  pid_ = ::fork();
  if (pid_ == 0) {
    if (std::freopen(log_path.c_str(), "w", stderr) == nullptr) ::_exit(126);
    ::execl(binary.c_str(), binary.c_str(), "serve", "--db", db.c_str(), "--listen",
            "127.0.0.1:0", "--log-level", "info", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // Opening a store after a crash replays its WAL; on a loaded machine that
  // can take a while, so the wait is generous and ends early on exit.
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < give_up) {
    address_ = FindListeningAddress(Log());
    if (!address_.empty()) return;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;  // exited: the log says why
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

ServeProcess::~ServeProcess() { Kill(); }

bool ServeProcess::Kill() {
  if (pid_ <= 0) return false;
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

std::string ServeProcess::Log() const {
  std::ifstream in(log_path_);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool ServeProcess::Running() {
  if (pid_ <= 0) return false;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) != pid_) return true;
  pid_ = -1;  // exited on its own
  return false;
}

uint64_t ServeProcess::ResidentBytes() const {
  if (pid_ <= 0) return 0;
  std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stoull(line.substr(6)) * 1024;  // "VmRSS:  1234 kB"
  }
  return 0;
}

}  // namespace copmap::reliability
