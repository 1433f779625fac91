// Runs the example clients (Python, Node) as child processes for the tests.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace copmap::server::testing {

// The source tree (ctest sets COPMAP_SOURCE_DIR; a direct run falls back to
// the tree the test was built from).
inline std::string SourceDir() {
  const char* env = std::getenv("COPMAP_SOURCE_DIR");
  return env != nullptr ? env : COPMAP_SOURCE_DIR_DEFAULT;
}

// Runs `command` through /bin/sh; returns its stdout and sets *exit_code (-1
// when it did not exit normally).
inline std::string RunCommand(const std::string& command, int* exit_code) {
  std::string out;
  *exit_code = -1;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  const int status = pclose(pipe);
  *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

// Single-quotes `text` for /bin/sh.
inline std::string ShellQuoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace copmap::server::testing
