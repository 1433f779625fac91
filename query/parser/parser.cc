// Parse(): runs the X3 grammar and converts its failures to Status. This is
// the one place where Spirit's exceptions become errors.
#include "query/parser/parser.h"

#include <cctype>
#include <functional>
#include <string>

#include "query/parser/config.h"
#include "query/parser/error_handler.h"
#include "query/parser/grammar.h"
#include "query/parser/tokens.h"

namespace copmap::query {

namespace {

using parser::iterator_type;

iterator_type SkipSpace(iterator_type i, iterator_type last) {
  parser::Skipper skip;
  parser::x3::unused_type unused;
  try {
    while (skip.parse(i, last, unused, unused, unused)) {
    }
  } catch (const parser::SyntaxErrorAt&) {
    // An unterminated comment: the error points at its start.
  }
  return i;
}

// At the end of the input the error points just after the last token, not at
// the empty line a trailing newline (as `copmap query -f` gives) leaves.
Status ErrorAt(std::string_view text, size_t offset, std::string_view message) {
  if (offset == text.size()) {
    while (offset > 0 && std::isspace(static_cast<unsigned char>(text[offset - 1]))) --offset;
  }
  return Status::SyntaxError(FormatSourceError(text, offset, message));
}

// Checks the limits of parser.h in one pass over the text, skipping strings
// and comments, before the recursive grammar sees it: brackets (and CASE ...
// END) nested deeper than kMaxNestingDepth, and names longer than
// kMaxIdentifierBytes. The error points at the first offending spot.
Status CheckLimits(std::string_view text) {
  int depth = 0;
  size_t i = 0;
  const size_t n = text.size();
  auto word_at = [&](size_t at, std::string_view word) {
    if (at + word.size() > n) return false;
    for (size_t k = 0; k < word.size(); ++k) {
      if (parser::Upper(text[at + k]) != word[k]) return false;
    }
    return at + word.size() == n || !parser::IsIdentPart(text[at + word.size()]);
  };
  auto too_deep = [&](size_t at) {
    return ErrorAt(text, at,
                   "query is nested too deeply (more than " + std::to_string(kMaxNestingDepth) +
                       " levels)");
  };
  auto too_long = [&](size_t at, size_t bytes) {
    return ErrorAt(text, at,
                   "name is too long: " + std::to_string(bytes) + " bytes (the limit is " +
                       std::to_string(kMaxIdentifierBytes) + ")");
  };
  while (i < n) {
    char c = text[i];
    if (c == '\'' || c == '"' || c == '`') {
      const size_t start = i;
      for (++i; i < n && text[i] != c; ++i) {
        if (text[i] == '\\' && c != '`') ++i;
      }
      if (c == '`' && i - start - 1 > kMaxIdentifierBytes) return too_long(start, i - start - 1);
      ++i;
    } else if (c == '/' && i + 1 < n && text[i + 1] == '/') {
      while (i < n && text[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < n && text[i + 1] == '*') {
      size_t end = text.find("*/", i + 2);
      i = end == std::string_view::npos ? n : end + 2;
    } else if (c == '(' || c == '[' || c == '{') {
      if (++depth > kMaxNestingDepth) return too_deep(i);
      ++i;
    } else if (c == ')' || c == ']' || c == '}') {
      --depth;
      ++i;
    } else if (parser::IsIdentStart(c)) {
      if (word_at(i, "CASE") && ++depth > kMaxNestingDepth) return too_deep(i);
      if (word_at(i, "END")) --depth;
      const size_t start = i;
      while (i < n && parser::IsIdentPart(text[i])) ++i;
      if (i - start > kMaxIdentifierBytes) return too_long(start, i - start);
    } else {
      ++i;
    }
  }
  return Status::OK();
}

}  // namespace

Result<ast::Statement> Parse(std::string_view text) {
  if (text.size() > kMaxQueryBytes) {
    return Status::SyntaxError("query text is too long: " + std::to_string(text.size()) +
                               " bytes (the limit is " + std::to_string(kMaxQueryBytes) + ")");
  }
  if (Status limits = CheckLimits(text); !limits.ok()) return limits;
  const iterator_type begin = text.data();
  const iterator_type last = begin + text.size();
  iterator_type first = begin;
  parser::ParseState state{begin};
  ast::Statement statement;
  try {
    const auto grammar =
        parser::x3::with<parser::state_tag>(std::ref(state))[parser::grammar::statement];
    bool ok = parser::x3::phrase_parse(first, last, grammar, parser::skipper, statement);
    first = SkipSpace(first, last);
    if (!ok) {
      size_t at = static_cast<size_t>(first - begin);
      return ErrorAt(text, at, "expected a statement, found " + DescribeToken(text, at));
    }
    if (first != last) {
      size_t at = static_cast<size_t>(first - begin);
      return ErrorAt(text, at, "unexpected " + DescribeToken(text, at));
    }
  } catch (const parser::x3::expectation_failure<iterator_type>& e) {
    size_t at = static_cast<size_t>(SkipSpace(e.where(), last) - begin);
    return ErrorAt(text, at, "expected " + e.which() + ", found " + DescribeToken(text, at));
  } catch (const parser::SyntaxErrorAt& e) {
    return ErrorAt(text, static_cast<size_t>(e.where - begin), e.message);
  }
  return statement;
}

}  // namespace copmap::query
