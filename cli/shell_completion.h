// What tab completion offers in `copmap shell`, apart from readline: the
// words that complete the text before the cursor.
#pragma once

#include <string>
#include <vector>

namespace copmap::cli {

struct CompletionWords {
  // Keywords, functions, procedures ("cop.experts") and shell commands (":help").
  std::vector<std::string> keywords;
  // The database's labels, relationship types and property keys.
  std::vector<std::string> names;
};

// Candidates for `text`, the word being completed (`at_line_start`: nothing
// but blanks before it): the keywords and names it begins (ignoring case),
// then, after a '.', ':' or '|' inside it ("p.na", "p:Pe", ":KNOWS|MEM"), the
// names that complete the part after the last one, with the part before
// kept. Shell commands (":param") are offered only at the start of a line.
// Sorted, without duplicates.
std::vector<std::string> CompletionCandidates(const CompletionWords& words, const std::string& text,
                                              bool at_line_start);

}  // namespace copmap::cli
