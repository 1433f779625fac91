// Text that comes from the data, made safe for Graphviz.
//
// Every string a map shows (names, titles, cluster captions) passes through
// these functions before it reaches Graphviz, so that data never becomes
// Graphviz syntax: labels are built as HTML-like labels whose text is entity
// escaped, and names are cleaned of bytes that would break SVG or DOT.
#pragma once

#include <string>
#include <string_view>

namespace copmap::visualize {

// Valid UTF-8 with control characters removed: invalid byte sequences become
// U+FFFD, tabs become spaces, other C0/C1 controls and DEL are dropped, and
// newlines are kept only when `keep_newlines` is true (as '\n').
std::string SanitizeText(std::string_view text, bool keep_newlines);

// Text for the inside of an HTML-like label: SanitizeText(text, true), then
// '&', '<', '>', '"' and '\'' become entities, each newline becomes <BR/>,
// and a backslash before G, N, E, H, T or L is followed by an invisible
// WORD JOINER (U+2060) so that Graphviz's \N, \G, ... escapes cannot fire.
std::string HtmlText(std::string_view text);

// At most `max_chars` code points of `text`, with "..." appended when cut, so
// that one very long name cannot stretch a printed map.
// REQUIRES: text is valid UTF-8 (as SanitizeText returns it); max_chars >= 4.
std::string Shorten(std::string_view text, size_t max_chars);

}  // namespace copmap::visualize
