#include "tests/docs/text_match.h"

#include <sstream>
#include <vector>

namespace copmap::docs {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool LineMatches(const std::string& shown, const std::string& actual) {
  size_t gap = shown.find("...");
  if (gap == std::string::npos) return shown == actual;
  std::string head = shown.substr(0, gap);
  if (actual.compare(0, head.size(), head) != 0) return false;
  // Each later piece must follow in order; the last one must end the line.
  size_t at = head.size();
  size_t piece_start = gap + 3;
  while (true) {
    size_t next_gap = shown.find("...", piece_start);
    std::string piece = shown.substr(piece_start, next_gap == std::string::npos ? std::string::npos
                                                                               : next_gap - piece_start);
    if (next_gap == std::string::npos) {
      return actual.size() >= at + piece.size() &&
             actual.compare(actual.size() - piece.size(), piece.size(), piece) == 0;
    }
    size_t found = actual.find(piece, at);
    if (found == std::string::npos) return false;
    at = found + piece.size();
    piece_start = next_gap + 3;
  }
}

bool Match(const std::vector<std::string>& shown, size_t s, const std::vector<std::string>& actual,
           size_t a) {
  if (s == shown.size()) return a == actual.size();
  if (shown[s] == "...") {
    for (size_t skip = a; skip <= actual.size(); ++skip) {
      if (Match(shown, s + 1, actual, skip)) return true;
    }
    return false;
  }
  return a < actual.size() && LineMatches(shown[s], actual[a]) && Match(shown, s + 1, actual, a + 1);
}

}  // namespace

bool MatchesShownOutput(const std::string& shown, const std::string& actual) {
  return Match(Lines(shown), 0, Lines(actual), 0);
}

}  // namespace copmap::docs
