#include "query/parser/error_handler.h"

#include <algorithm>

namespace copmap::query {

namespace {
bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
}  // namespace

SourcePosition PositionOf(std::string_view source, size_t offset) {
  offset = std::min(offset, source.size());
  SourcePosition pos;
  for (size_t i = 0; i < offset; ++i) {
    if (source[i] == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if (!IsContinuationByte(source[i])) {
      ++pos.column;
    }
  }
  return pos;
}

std::string FormatSourceError(std::string_view source, size_t offset, std::string_view message) {
  offset = std::min(offset, source.size());
  SourcePosition pos = PositionOf(source, offset);
  size_t line_start = source.rfind('\n', offset == 0 ? std::string_view::npos : offset - 1);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  if (offset > 0 && source[offset - 1] == '\n') line_start = offset;
  size_t line_end = source.find('\n', line_start);
  if (line_end == std::string_view::npos) line_end = source.size();
  std::string_view line = source.substr(line_start, line_end - line_start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

  std::string out = std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": ";
  out.append(message);
  out.push_back('\n');
  out.append(line);
  out.push_back('\n');
  for (size_t i = line_start; i < offset; ++i) {
    if (source[i] == '\t') {
      out.push_back('\t');
    } else if (!IsContinuationByte(source[i])) {
      out.push_back(' ');
    }
  }
  out.push_back('^');
  return out;
}

std::string DescribeToken(std::string_view source, size_t offset) {
  if (offset >= source.size()) return "end of input";
  size_t end = offset;
  while (end < source.size() && IsWordChar(source[end]) && end - offset < 40) ++end;
  if (end == offset) end = offset + 1;
  return "'" + std::string(source.substr(offset, end - offset)) + "'";
}

}  // namespace copmap::query
