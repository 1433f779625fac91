// Parser configuration: the iterator, skipper and context types that the
// grammar's rules are instantiated with (the *_grammar.cc files) and called
// with (parser.cc and each other, see grammar.h). They must match exactly, or
// the link fails. Private to the parser.
#pragma once

#include <functional>
#include <string>

#include <boost/spirit/home/x3.hpp>

namespace copmap::query::parser {

namespace x3 = boost::spirit::x3;

using iterator_type = const char*;

// Thrown by token parsers for errors that "expected X" cannot describe
// (a bad escape, an integer literal out of range). Parse() catches it.
struct SyntaxErrorAt {
  iterator_type where;
  std::string message;
};

// Skips whitespace, // line comments and /* block */ comments. An
// unterminated block comment is an error at its start.
struct Skipper : x3::parser<Skipper> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const&, RContext&,
             Attribute&) const {
    Iterator i = first;
    if (i == last) return false;
    char c = *i;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      first = i + 1;
      return true;
    }
    if (c != '/' || i + 1 == last) return false;
    if (i[1] == '/') {
      i += 2;
      while (i != last && *i != '\n') ++i;
      first = i;
      return true;
    }
    if (i[1] == '*') {
      for (Iterator j = i + 2; j + 1 < last; ++j) {
        if (j[0] == '*' && j[1] == '/') {
          first = j + 2;
          return true;
        }
      }
      throw SyntaxErrorAt{i, "unterminated comment"};
    }
    return false;
  }
};

inline constexpr Skipper skipper{};

// Per-parse state reachable from every rule through the context.
struct ParseState {
  iterator_type begin;
};
struct state_tag;

using phrase_context_type = x3::phrase_parse_context<Skipper>::type;
using context_type =
    x3::context<state_tag, std::reference_wrapper<ParseState>, phrase_context_type>;

}  // namespace copmap::query::parser
