// How query errors point into the query text. Shared by the parser (syntax
// errors) and the binder (semantic errors), so both read the same:
//
//   1:8: expected ')', found 'RETURN'
//   MATCH (n RETURN n
//            ^
//
// The column counts code points from 1; a tab in the line stays a tab in the
// caret line so the caret lines up in a terminal. Of a long line only about
// 80 bytes either side of the spot are shown, the cuts marked "...".
// Free of Spirit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace copmap::query {

struct SourcePosition {
  uint32_t line = 1;    // from 1
  uint32_t column = 1;  // from 1, in code points
};

// REQUIRES: offset <= source.size().
SourcePosition PositionOf(std::string_view source, size_t offset);

// "line:column: message\n<the source line>\n<spaces>^" (the line cut as above).
std::string FormatSourceError(std::string_view source, size_t offset, std::string_view message);

// The token at `offset` as an error message shows it: 'word', '(' or
// "end of input".
std::string DescribeToken(std::string_view source, size_t offset);

}  // namespace copmap::query
