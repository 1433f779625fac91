#include "cli/line_reader.h"

#include <readline/history.h>
#include <readline/readline.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string_view>

#include "cli/shell_completion.h"

namespace copmap::cli {
namespace {

// readline's completion callbacks are plain C functions: the words live here.
CompletionWords* Words() {
  static auto* words = new CompletionWords;
  return words;
}

// Whether the word being completed starts the line (shell commands go there).
bool completing_at_line_start = false;

char* NextCompletion(const char* text, int state) {
  static std::vector<std::string> candidates;
  static size_t index;
  if (state == 0) {
    candidates = CompletionCandidates(*Words(), text, completing_at_line_start);
    index = 0;
  }
  if (index >= candidates.size()) return nullptr;
  return ::strdup(candidates[index++].c_str());
}

char** Complete(const char* text, int start, int /*end*/) {
  ::rl_attempted_completion_over = 1;  // never fall back to file names
  completing_at_line_start =
      std::string_view(::rl_line_buffer, start).find_first_not_of(" \t") == std::string_view::npos;
  return ::rl_completion_matches(text, NextCompletion);
}

}  // namespace

std::string DefaultHistoryFile() {
  if (const char* file = std::getenv("COPMAP_HISTORY")) return file;
  if (const char* home = std::getenv("HOME")) return std::string(home) + "/.copmap_history";
  return "";
}

LineReader::LineReader(bool interactive, std::string history_file)
    : interactive_(interactive), history_file_(std::move(history_file)) {
  if (!interactive_) return;
  ::rl_readline_name = "copmap";
  ::rl_attempted_completion_function = Complete;
  // ':' starts shell commands and '.' separates a variable from its
  // property: neither should end the word being completed.
  ::rl_basic_word_break_characters = const_cast<char*>(" \t\n\"'`@$><=;|&{([,)]}*+-/%^");
  ::using_history();
  // A statement may span lines. Written plainly, the file would give back
  // each line as an entry of its own; with a timestamp line ("#...") before
  // each entry, readline reads the lines up to the next stamp as one entry.
  // readline writes the stamp only with a comment character ('\0' by
  // default; bash sets '#' too).
  ::history_comment_char = '#';
  ::history_write_timestamps = 1;
  ::history_multiline_entries = 1;
  if (!history_file_.empty()) ::read_history(history_file_.c_str());
}

LineReader::~LineReader() = default;

std::optional<std::string> LineReader::Read(const std::string& prompt) {
  if (!interactive_) {
    std::string line;
    if (!std::getline(std::cin, line)) return std::nullopt;
    return line;
  }
  char* line = ::readline(prompt.c_str());
  if (line == nullptr) return std::nullopt;
  std::string result(line);
  std::free(line);
  return result;
}

void LineReader::AddHistory(const std::string& entry) {
  if (!interactive_ || entry.empty()) return;
  ::add_history(entry.c_str());
  if (!history_file_.empty() && ::append_history(1, history_file_.c_str()) != 0) {
    ::write_history(history_file_.c_str());  // the file did not exist yet
  }
}

void LineReader::SetCompletions(CompletionWords words) { *Words() = std::move(words); }

}  // namespace copmap::cli
