// Compares a command's output with the output a document shows, where "..."
// stands for text that changes from run to run (times, ports): a line that is
// only "..." matches any number of lines, and "..." inside a line matches any
// text within it.
#pragma once

#include <string>

namespace copmap::docs {

bool MatchesShownOutput(const std::string& shown, const std::string& actual);

}  // namespace copmap::docs
