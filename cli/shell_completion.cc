#include "cli/shell_completion.h"

#include <algorithm>
#include <cctype>

namespace copmap::cli {
namespace {

bool StartsWithIgnoringCase(const std::string& word, const std::string& prefix) {
  if (word.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(word[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<std::string> CompletionCandidates(const CompletionWords& words, const std::string& text,
                                              bool at_line_start) {
  std::vector<std::string> out;
  for (const auto* list : {&words.keywords, &words.names}) {
    for (const std::string& word : *list) {
      bool command = !word.empty() && word[0] == ':';
      if ((!command || at_line_start) && StartsWithIgnoringCase(word, text)) out.push_back(word);
    }
  }
  size_t split = text.find_last_of(".:|");
  bool command = at_line_start && !text.empty() && text[0] == ':';
  if (split != std::string::npos && !command) {
    std::string kept = text.substr(0, split + 1), rest = text.substr(split + 1);
    for (const std::string& name : words.names) {
      if (StartsWithIgnoringCase(name, rest)) out.push_back(kept + name);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace copmap::cli
