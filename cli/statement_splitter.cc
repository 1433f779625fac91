// TakeStatements (shell_session.h): where one statement ends.
#include <string>
#include <vector>

#include "cli/shell_session.h"

namespace copmap::cli {
namespace {

std::string Trim(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

}  // namespace

std::vector<std::string> TakeStatements(std::string* buffer) {
  std::vector<std::string> statements;
  const std::string& text = *buffer;
  size_t start = 0;
  char quote = 0;  // the open quote character, 0 outside quotes
  bool line_comment = false, block_comment = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    char next = i + 1 < text.size() ? text[i + 1] : 0;
    if (line_comment) {
      line_comment = c != '\n';
    } else if (block_comment) {
      if (c == '*' && next == '/') block_comment = false, ++i;
    } else if (quote) {
      if (c == '\\' && quote != '`') ++i;
      else if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"' || c == '`') {
      quote = c;
    } else if (c == '/' && next == '/') {
      line_comment = true, ++i;
    } else if (c == '/' && next == '*') {
      block_comment = true, ++i;
    } else if (c == ';') {
      std::string statement = Trim(text.substr(start, i - start));
      if (!statement.empty()) statements.push_back(std::move(statement));
      start = i + 1;
    }
  }
  buffer->erase(0, start);
  if (Trim(*buffer).empty()) buffer->clear();
  return statements;
}

}  // namespace copmap::cli
