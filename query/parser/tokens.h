// Token parsers: keywords, names, string and number literals and binary
// operators, written by hand as X3 primitive parsers. Doing the lexing by
// hand keeps the grammar readable, makes keywords case-insensitive with a
// word boundary, and lets a bad escape or an out-of-range integer report
// exactly where it is. Private to the parser.
#pragma once

#include <cerrno>
#include <cstdlib>
#include <string>
#include <string_view>

#include "query/parser/ast.h"
#include "query/parser/config.h"

namespace copmap::query::parser {

inline bool IsIdentStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
inline bool IsIdentPart(char c) { return IsIdentStart(c) || (c >= '0' && c <= '9'); }
inline char Upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }

// Words that cannot be a variable unless escaped with backticks. Labels,
// types and property keys may be any word.
bool IsReservedWord(std::string_view upper_word);

// A case-insensitive keyword that must end at a word boundary.
struct Keyword : x3::parser<Keyword> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  constexpr explicit Keyword(const char* w) : word(w) {}
  const char* word;  // upper case

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&,
             Attribute&) const {
    x3::skip_over(first, last, context);
    Iterator i = first;
    for (const char* w = word; *w; ++w, ++i) {
      if (i == last || Upper(*i) != *w) return false;
    }
    if (i != last && IsIdentPart(*i)) return false;
    first = i;
    return true;
  }
};

// A name: an identifier or a `backtick quoted` name ("``" is one backtick).
// With reject_reserved, an unquoted reserved word does not match (variables).
struct Name : x3::parser<Name> {
  using attribute_type = std::string;
  static bool const has_attribute = true;
  constexpr explicit Name(bool reject) : reject_reserved(reject) {}
  bool reject_reserved;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&,
             Attribute& attr) const {
    x3::skip_over(first, last, context);
    Iterator i = first;
    std::string name;
    if (i != last && *i == '`') {
      for (++i;; ++i) {
        if (i == last) throw SyntaxErrorAt{first, "unterminated `quoted name`"};
        if (*i == '`') {
          if (i + 1 != last && i[1] == '`') {
            name.push_back('`');
            ++i;
            continue;
          }
          ++i;
          break;
        }
        name.push_back(*i);
      }
      if (name.empty()) throw SyntaxErrorAt{first, "a quoted name cannot be empty"};
    } else {
      if (i == last || !IsIdentStart(*i)) return false;
      while (i != last && IsIdentPart(*i)) name.push_back(*i++);
      if (reject_reserved) {
        std::string upper(name);
        for (char& c : upper) c = Upper(c);
        if (IsReservedWord(upper)) return false;
      }
    }
    first = i;
    x3::traits::move_to(std::move(name), attr);
    return true;
  }
};

// A token scanned by Derived::Scan(first, last, [options,] &value), which
// returns `first` when no such token starts there.
template <typename Derived, typename Attr>
struct ScannedToken : x3::parser<Derived> {
  using attribute_type = Attr;
  static bool const has_attribute = true;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&,
             Attribute& attr) const {
    x3::skip_over(first, last, context);
    Attr value{};
    Iterator end = static_cast<const Derived&>(*this).ScanAt(first, last, &value);
    if (end == first) return false;
    first = end;
    x3::traits::move_to(std::move(value), attr);
    return true;
  }
};

// 'text' or "text" with the escapes \\ \' \" \b \f \n \r \t \uXXXX \UXXXXXXXX.
struct StringToken : ScannedToken<StringToken, std::string> {
  iterator_type ScanAt(iterator_type first, iterator_type last, std::string* out) const {
    if (first == last || (*first != '\'' && *first != '"')) return first;
    return Scan(first, last, out);
  }
  // Decodes the literal starting at `first` (a quote) into *out; returns the
  // position after the closing quote. Throws SyntaxErrorAt on bad input.
  static iterator_type Scan(iterator_type first, iterator_type last, std::string* out);
};

// An integer (decimal, 0x hex, 0o octal) or a float (1.5, .5, 1e3, 1.5e-3).
struct NumberToken : ScannedToken<NumberToken, ast::NumberLiteral> {
  iterator_type ScanAt(iterator_type first, iterator_type last, ast::NumberLiteral* out) const {
    return Scan(first, last, out);
  }
  static iterator_type Scan(iterator_type first, iterator_type last, ast::NumberLiteral* out);
};

// A binary operator, symbolic or a keyword (AND, STARTS WITH, ...). With
// null_checks it matches only IS NULL and IS NOT NULL (no right operand).
struct BinaryOpToken : ScannedToken<BinaryOpToken, ast::BinaryOp> {
  constexpr explicit BinaryOpToken(bool nulls) : null_checks(nulls) {}
  bool null_checks;
  iterator_type ScanAt(iterator_type first, iterator_type last, ast::BinaryOp* out) const {
    return Scan(first, last, null_checks, out);
  }
  // Skips inner whitespace and comments of multi-word operators itself.
  static iterator_type Scan(iterator_type first, iterator_type last, bool null_checks,
                            ast::BinaryOp* out);
};

}  // namespace copmap::query::parser

namespace boost::spirit::x3 {
// Names shown in "expected ..." messages.
template <>
struct get_info<copmap::query::parser::Keyword> {
  using result_type = std::string;
  std::string operator()(copmap::query::parser::Keyword const& k) const {
    return std::string("'") + k.word + "'";
  }
};
template <>
struct get_info<copmap::query::parser::Name> {
  using result_type = std::string;
  std::string operator()(copmap::query::parser::Name const&) const { return "name"; }
};
template <>
struct get_info<copmap::query::parser::StringToken> {
  using result_type = std::string;
  std::string operator()(copmap::query::parser::StringToken const&) const { return "string"; }
};
template <>
struct get_info<copmap::query::parser::NumberToken> {
  using result_type = std::string;
  std::string operator()(copmap::query::parser::NumberToken const&) const { return "number"; }
};
template <>
struct get_info<copmap::query::parser::BinaryOpToken> {
  using result_type = std::string;
  std::string operator()(copmap::query::parser::BinaryOpToken const& p) const {
    return p.null_checks ? "'IS NULL'" : "operator";
  }
};
}  // namespace boost::spirit::x3
