// The shell's logic, apart from where lines come from: gathers lines into
// statements ended by ';' (outside quotes and comments), runs them on the
// engine with the session's parameters, and handles the ':' commands.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "cli/result_printer.h"
#include "cli/shell_completion.h"
#include "query/engine.h"

namespace copmap::cli {

class ShellSession {
 public:
  // `color`: ANSI colours for errors and summaries (only on a terminal).
  ShellSession(query::Engine& engine, std::FILE* out, std::FILE* err, bool color);

  // Feeds one input line. Returns the entries it completed (statements and
  // commands, for the history). Sets done() on :quit.
  std::vector<std::string> Feed(const std::string& line);
  // Runs what is left in the buffer (end of input without a final ';').
  void Flush();

  bool done() const { return done_; }
  bool pending() const;  // a statement continues on the next line
  int failures() const { return failures_; }

  // Keywords, functions, procedures and shell commands; the database's
  // labels, relationship types and property keys.
  CompletionWords Completions();

 private:
  void RunStatement(const std::string& text);
  void RunCommand(const std::string& line);
  void ShowSchema();
  void SetParam(const std::string& args);
  void Error(const std::string& message);

  query::Engine& engine_;
  std::FILE* out_;
  std::FILE* err_;
  bool color_;
  std::string buffer_;
  ValueMap params_;
  OutputFormat format_ = OutputFormat::kTable;
  bool done_ = false;
  int failures_ = 0;
};

// Splits off the complete statements at the front of `buffer` (each ended
// by a ';' outside '...', "...", `...` and // or /* */ comments), leaving
// the unfinished rest in it. Statements are trimmed, without the ';'.
std::vector<std::string> TakeStatements(std::string* buffer);

}  // namespace copmap::cli
