#include "query/parser/error_handler.h"

#include <algorithm>

namespace copmap::query {

namespace {
// A longer stretch of the line on either side of the error is cut and marked
// "...", so an error in a megabyte-long line stays a few lines long.
constexpr size_t kShownContextBytes = 80;

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
  // At offset 0 the line starts at 0 (rfind from npos would find the last
  // line break of the whole text).
  size_t line_start = offset == 0 ? std::string_view::npos : source.rfind('\n', offset - 1);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  if (offset > 0 && source[offset - 1] == '\n') line_start = offset;
  size_t line_end = source.find('\n', line_start);
  if (line_end == std::string_view::npos) line_end = source.size();
  std::string_view line = source.substr(line_start, line_end - line_start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

  const size_t line_stop = line_start + line.size();
  size_t shown_start = line_start;
  size_t shown_stop = line_stop;
  if (offset - line_start > kShownContextBytes) {
    shown_start = offset - kShownContextBytes;
    while (shown_start < offset && IsContinuationByte(source[shown_start])) ++shown_start;
  }
  if (line_stop > offset && line_stop - offset > kShownContextBytes) {
    shown_stop = offset + kShownContextBytes;
    while (shown_stop < line_stop && IsContinuationByte(source[shown_stop])) ++shown_stop;
  }
  const bool cut_left = shown_start > line_start;

  std::string out = std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": ";
  out.append(message);
  out.push_back('\n');
  if (cut_left) out.append("...");
  out.append(source.substr(shown_start, shown_stop - shown_start));
  if (shown_stop < line_stop) out.append("...");
  out.push_back('\n');
  if (cut_left) out.append("   ");
  for (size_t i = shown_start; i < offset; ++i) {
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
