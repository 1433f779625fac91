// Reads the shell's input: GNU readline (editing, history file, tab
// completion) on a terminal, plain lines from a pipe or file otherwise.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/shell_completion.h"

namespace copmap::cli {

class LineReader {
 public:
  // interactive: use readline with `history_file` (loaded now, appended to
  // on each entry; empty: no file) and complete from the words given to
  // SetCompletions.
  LineReader(bool interactive, std::string history_file);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // The next line without its newline; nullopt at end of input.
  std::optional<std::string> Read(const std::string& prompt);
  // Records a finished entry (a whole statement or command) in the history.
  void AddHistory(const std::string& entry);
  // Words offered by tab completion (shell_completion.h).
  void SetCompletions(CompletionWords words);

 private:
  bool interactive_;
  std::string history_file_;
};

// ~/.copmap_history, or $COPMAP_HISTORY when set ("" when neither HOME nor
// COPMAP_HISTORY is set).
std::string DefaultHistoryFile();

}  // namespace copmap::cli
