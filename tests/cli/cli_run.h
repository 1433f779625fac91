// Runs the built `copmap` binary for the CLI tests: separate stdout and
// stderr, optional stdin, the exit code.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

#include "tests/interchange/test_util.h"

namespace copmap::testing {

struct CliResult {
  int code = -1;
  std::string out;
  std::string err;
};

// `args` is passed through /bin/sh; `input` (if any) becomes stdin.
inline CliResult RunCopmap(const std::string& args, const std::string& input = "") {
  TempDir io;
  std::string cmd = std::string(COPMAP_BINARY) + " " + args + " 2>" + (io / "err");
  if (!input.empty()) {
    WriteFile(io / "in", input);
    cmd += " <" + (io / "in");
  } else {
    cmd += " </dev/null";
  }
  CliResult r;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  int status = ::pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = ReadFile(io / "err");
  return r;
}

// Single-quotes `text` for /bin/sh.
inline std::string ShellQuote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace copmap::testing
