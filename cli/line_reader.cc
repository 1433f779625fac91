#include "cli/line_reader.h"

#include <readline/history.h>
#include <readline/readline.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <iostream>

namespace copmap::cli {
namespace {

// readline's completion callbacks are plain C functions: the words live here.
std::vector<std::string>* CompletionWords() {
  static auto* words = new std::vector<std::string>;
  return words;
}

bool StartsWithIgnoringCase(const std::string& word, const char* prefix, size_t len) {
  if (word.size() < len) return false;
  for (size_t i = 0; i < len; ++i) {
    if (std::tolower(static_cast<unsigned char>(word[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

char* NextCompletion(const char* prefix, int state) {
  static size_t index;
  if (state == 0) index = 0;
  const auto& words = *CompletionWords();
  size_t len = std::strlen(prefix);
  while (index < words.size()) {
    const std::string& word = words[index++];
    if (StartsWithIgnoringCase(word, prefix, len)) return ::strdup(word.c_str());
  }
  return nullptr;
}

char** Complete(const char* text, int /*start*/, int /*end*/) {
  ::rl_attempted_completion_over = 1;  // never fall back to file names
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

void LineReader::SetCompletions(std::vector<std::string> words) {
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  *CompletionWords() = std::move(words);
}

}  // namespace copmap::cli
