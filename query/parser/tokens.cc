// The hand-written lexical parts of the grammar (see tokens.h).
#include "query/parser/tokens.h"

#include <algorithm>
#include <array>
#include <limits>

namespace copmap::query::parser {

namespace {

constexpr std::array<std::string_view, 46> kReserved = {
    "AND",      "AS",     "ASC",      "ASCENDING", "BY",       "CALL",   "CASE",
    "CONTAINS", "CREATE", "DELETE",   "DESC",      "DESCENDING", "DETACH", "DISTINCT",
    "ELSE",     "END",    "ENDS",     "FALSE",     "IN",       "IS",     "LIMIT",
    "MATCH",    "MERGE",  "NOT",      "NULL",      "ON",       "OPTIONAL", "OR",
    "ORDER",    "REMOVE", "RETURN",   "SET",       "SKIP",     "STARTS", "THEN",
    "TRUE",     "UNION",  "UNWIND",   "WHEN",      "WHERE",    "WITH",   "XOR",
    "YIELD",    "EXPLAIN", "PROFILE", "FOREACH"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Skips whitespace and comments (the same set as Skipper).
iterator_type SkipSpace(iterator_type i, iterator_type last) {
  Skipper skip;
  x3::unused_type unused;
  while (skip.parse(i, last, unused, unused, unused)) {
  }
  return i;
}

// Matches an upper-case word case-insensitively at a word boundary; returns
// the position after it, or `i` when it does not match.
iterator_type MatchWord(iterator_type i, iterator_type last, std::string_view word) {
  iterator_type j = i;
  for (char w : word) {
    if (j == last || Upper(*j) != w) return i;
    ++j;
  }
  if (j != last && IsIdentPart(*j)) return i;
  return j;
}

}  // namespace

bool IsReservedWord(std::string_view upper_word) {
  return std::find(kReserved.begin(), kReserved.end(), upper_word) != kReserved.end();
}

iterator_type StringToken::Scan(iterator_type first, iterator_type last, std::string* out) {
  const char quote = *first;
  iterator_type i = first + 1;
  while (true) {
    if (i == last) throw SyntaxErrorAt{first, "unterminated string literal"};
    char c = *i;
    if (c == quote) return i + 1;
    if (c != '\\') {
      out->push_back(c);
      ++i;
      continue;
    }
    iterator_type escape = i;
    if (++i == last) throw SyntaxErrorAt{first, "unterminated string literal"};
    switch (*i) {
      case '\\': out->push_back('\\'); break;
      case '\'': out->push_back('\''); break;
      case '"': out->push_back('"'); break;
      case 'b': out->push_back('\b'); break;
      case 'f': out->push_back('\f'); break;
      case 'n': out->push_back('\n'); break;
      case 'r': out->push_back('\r'); break;
      case 't': out->push_back('\t'); break;
      case 'u':
      case 'U': {
        int digits = *i == 'u' ? 4 : 8;
        uint32_t cp = 0;
        for (int k = 0; k < digits; ++k) {
          ++i;
          int h = i == last ? -1 : HexValue(*i);
          if (h < 0) {
            throw SyntaxErrorAt{escape, "invalid unicode escape: expected " +
                                            std::to_string(digits) + " hex digits"};
          }
          cp = cp * 16 + static_cast<uint32_t>(h);
        }
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
          throw SyntaxErrorAt{escape, "invalid unicode escape: not a code point"};
        }
        AppendUtf8(cp, out);
        break;
      }
      default:
        throw SyntaxErrorAt{escape, std::string("invalid escape sequence '\\") + *i + "'"};
    }
    ++i;
  }
}

iterator_type NumberToken::Scan(iterator_type first, iterator_type last,
                                ast::NumberLiteral* out) {
  iterator_type i = first;
  if (i == last) return first;
  // Hex and octal integers.
  if (*i == '0' && i + 1 != last && (i[1] == 'x' || i[1] == 'X' || i[1] == 'o' || i[1] == 'O')) {
    const int base = (i[1] == 'x' || i[1] == 'X') ? 16 : 8;
    iterator_type j = i + 2;
    uint64_t value = 0;
    bool any = false;
    for (; j != last; ++j) {
      int d = HexValue(*j);
      if (d < 0 || d >= base) break;
      if (value > (static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) - d) / base) {
        throw SyntaxErrorAt{first, "integer literal is too large: " + std::string(first, j + 1)};
      }
      value = value * base + d;
      any = true;
    }
    if (!any) throw SyntaxErrorAt{first, "invalid number literal"};
    out->is_float = false;
    out->int_value = static_cast<int64_t>(value);
    return j;
  }
  iterator_type j = i;
  while (j != last && IsDigit(*j)) ++j;
  const bool int_part = j != i;
  bool is_float = false;
  if (j != last && *j == '.' && j + 1 != last && IsDigit(j[1])) {
    is_float = true;
    j += 1;
    while (j != last && IsDigit(*j)) ++j;
  } else if (!int_part) {
    return first;
  }
  if (j != last && (*j == 'e' || *j == 'E')) {
    iterator_type k = j + 1;
    if (k != last && (*k == '+' || *k == '-')) ++k;
    if (k != last && IsDigit(*k)) {
      while (k != last && IsDigit(*k)) ++k;
      j = k;
      is_float = true;
    }
  }
  std::string text(first, j);
  if (is_float) {
    out->is_float = true;
    out->float_value = std::strtod(text.c_str(), nullptr);
    return j;
  }
  uint64_t value = 0;
  for (char c : text) {
    uint64_t d = static_cast<uint64_t>(c - '0');
    if (value > (static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) - d) / 10) {
      throw SyntaxErrorAt{first, "integer literal is too large: " + text};
    }
    value = value * 10 + d;
  }
  out->is_float = false;
  out->int_value = static_cast<int64_t>(value);
  return j;
}

iterator_type BinaryOpToken::Scan(iterator_type first, iterator_type last, bool null_checks,
                                  ast::BinaryOp* out) {
  using ast::BinaryOp;
  iterator_type i = first;
  if (i == last) return first;
  if (null_checks) {
    iterator_type j = MatchWord(i, last, "IS");
    if (j == i) return first;
    iterator_type k = SkipSpace(j, last);
    iterator_type m = MatchWord(k, last, "NULL");
    if (m != k) { *out = BinaryOp::kIsNull; return m; }
    iterator_type n = MatchWord(k, last, "NOT");
    if (n == k) return first;
    iterator_type q = SkipSpace(n, last);
    iterator_type r = MatchWord(q, last, "NULL");
    if (r == q) return first;
    *out = BinaryOp::kIsNotNull;
    return r;
  }
  auto two = [&](char a, char b) { return i[0] == a && i + 1 != last && i[1] == b; };
  switch (*i) {
    case '=':
      if (two('=', '~')) { *out = BinaryOp::kRegexMatch; return i + 2; }
      *out = BinaryOp::kEq; return i + 1;
    case '<':
      if (two('<', '>')) { *out = BinaryOp::kNe; return i + 2; }
      if (two('<', '=')) { *out = BinaryOp::kLe; return i + 2; }
      *out = BinaryOp::kLt; return i + 1;
    case '>':
      if (two('>', '=')) { *out = BinaryOp::kGe; return i + 2; }
      *out = BinaryOp::kGt; return i + 1;
    case '!':
      if (two('!', '=')) { *out = BinaryOp::kNe; return i + 2; }
      return first;
    case '+':
      if (two('+', '=')) return first;
      *out = BinaryOp::kAdd; return i + 1;
    case '-': *out = BinaryOp::kSub; return i + 1;
    case '*': *out = BinaryOp::kMul; return i + 1;
    case '/': *out = BinaryOp::kDiv; return i + 1;
    case '%': *out = BinaryOp::kMod; return i + 1;
    case '^': *out = BinaryOp::kPow; return i + 1;
    default: break;
  }
  struct Word { std::string_view word; BinaryOp op; };
  static constexpr Word kSingle[] = {{"OR", BinaryOp::kOr}, {"XOR", BinaryOp::kXor},
                                     {"AND", BinaryOp::kAnd}, {"IN", BinaryOp::kIn},
                                     {"CONTAINS", BinaryOp::kContains}};
  for (const Word& w : kSingle) {
    iterator_type j = MatchWord(i, last, w.word);
    if (j != i) { *out = w.op; return j; }
  }
  struct Pair { std::string_view a, b; BinaryOp op; };
  static constexpr Pair kPairs[] = {{"STARTS", "WITH", BinaryOp::kStartsWith},
                                    {"ENDS", "WITH", BinaryOp::kEndsWith}};
  for (const Pair& p : kPairs) {
    iterator_type j = MatchWord(i, last, p.a);
    if (j == i) continue;
    iterator_type k = SkipSpace(j, last);
    iterator_type m = MatchWord(k, last, p.b);
    if (m != k) { *out = p.op; return m; }
  }
  return first;
}

}  // namespace copmap::query::parser
