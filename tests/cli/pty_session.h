// Runs the built `copmap` on a pseudo-terminal, as a person at a terminal
// would: what it writes (echo, prompts, colours) is collected, input is
// typed into it, and the terminal has a chosen width.
#pragma once

#include <string>
#include <vector>

#include <sys/types.h>

namespace copmap::testing {

class PtySession {
 public:
  // Starts COPMAP_BINARY with `args` on a new terminal `columns` wide, with
  // the extra environment `env` ("NAME=value"). started() tells if it ran.
  PtySession(const std::vector<std::string>& args, const std::vector<std::string>& env,
             unsigned short columns = 100);
  ~PtySession();  // kills the child if it still runs
  PtySession(const PtySession&) = delete;
  PtySession& operator=(const PtySession&) = delete;

  bool started() const { return pid_ > 0; }
  // Reads until everything written since the last call contains `text`;
  // false if the program ends or falls silent for 30 s first (a hang guard,
  // not a speed check).
  bool WaitFor(const std::string& text);
  void Type(const std::string& keys);
  // Reads on until the program ends (type ":quit" or Ctrl-D first), then
  // returns its exit code, or -1.
  int Finish();
  // Everything the program wrote so far.
  const std::string& output() const { return output_; }

 private:
  pid_t pid_ = -1;
  int master_ = -1;
  std::string output_;
  size_t seen_ = 0;  // WaitFor looks from here on
};

}  // namespace copmap::testing
