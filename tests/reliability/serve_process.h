// ServeProcess: a real `copmap serve` child process on 127.0.0.1 with a port
// the kernel picks, for tests that kill the server the hard way.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>

namespace copmap::reliability {

class ServeProcess {
 public:
  // Starts `binary serve --db db --listen 127.0.0.1:0`, its log in `log_path`,
  // and waits until the log names the bound address. address() is empty when
  // the server did not start (the log says why).
  ServeProcess(const std::string& binary, const std::string& db, const std::string& log_path);
  // Kills the server (SIGKILL) if it is still running.
  ~ServeProcess();

  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  // "127.0.0.1:PORT".
  const std::string& address() const { return address_; }
  // SIGKILL, then reaps the child; true when it died of the signal (and so
  // had not already exited on its own).
  bool Kill();
  // The server's log so far (for failure messages).
  std::string Log() const;
  // True while the child runs (it has neither exited nor been killed).
  bool Running();
  // The child's resident set size in bytes (VmRSS); 0 when it is not running.
  uint64_t ResidentBytes() const;

 private:
  pid_t pid_ = -1;
  std::string log_path_;
  std::string address_;
};

}  // namespace copmap::reliability
