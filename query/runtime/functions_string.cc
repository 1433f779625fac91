// String functions. Positions and lengths count Unicode code points of the
// UTF-8 text, not bytes, so that substring never splits a character.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "query/runtime/errors.h"
#include "query/runtime/function_table.h"

namespace copmap::query::runtime {
namespace {

// Byte offsets where each code point starts, plus s.size() at the end.
// Continuation bytes (10xxxxxx) never start a code point.
std::vector<size_t> CodePointStarts(const std::string& s) {
  std::vector<size_t> starts;
  starts.reserve(s.size() + 1);
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  starts.push_back(s.size());
  return starts;
}

// The code points [begin, end) of s; both clamped to the string.
std::string CodePointRange(const std::string& s, int64_t begin, int64_t end) {
  const std::vector<size_t> starts = CodePointStarts(s);
  const auto count = static_cast<int64_t>(starts.size()) - 1;
  begin = std::clamp<int64_t>(begin, 0, count);
  end = std::clamp<int64_t>(end, begin, count);
  return s.substr(starts[begin], starts[end] - starts[begin]);
}

Status NonNegative(const char* function, const char* what, int64_t v) {
  if (v >= 0) return Status::OK();
  return ArgumentError(kNumberOutOfRange, std::string(function) + "() " + what +
                                              " must not be negative, got " + std::to_string(v));
}

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

Result<Value> TrimImpl(std::span<const Value> args, const char* name, bool left, bool right) {
  COPMAP_RETURN_IF_ERROR(ExpectString(name, 0, args[0]));
  const std::string& s = args[0].as_string();
  size_t b = 0, e = s.size();
  if (left) {
    while (b < e && IsSpace(s[b])) ++b;
  }
  if (right) {
    while (e > b && IsSpace(s[e - 1])) --e;
  }
  return Value(s.substr(b, e - b));
}

Result<Value> Trim(std::span<const Value> a) { return TrimImpl(a, "trim", true, true); }
Result<Value> LTrim(std::span<const Value> a) { return TrimImpl(a, "ltrim", true, false); }
Result<Value> RTrim(std::span<const Value> a) { return TrimImpl(a, "rtrim", false, true); }

Result<Value> ChangeCase(std::span<const Value> args, const char* name, int (*fn)(int)) {
  COPMAP_RETURN_IF_ERROR(ExpectString(name, 0, args[0]));
  std::string s = args[0].as_string();
  // ASCII only: bytes >= 0x80 belong to multi-byte characters and stay as they are.
  for (char& c : s) {
    if (static_cast<unsigned char>(c) < 0x80) c = static_cast<char>(fn(c));
  }
  return Value(std::move(s));
}

Result<Value> ToLower(std::span<const Value> a) { return ChangeCase(a, "toLower", ::tolower); }
Result<Value> ToUpper(std::span<const Value> a) { return ChangeCase(a, "toUpper", ::toupper); }

Result<Value> Substring(std::span<const Value> args) {
  COPMAP_RETURN_IF_ERROR(ExpectString("substring", 0, args[0]));
  COPMAP_RETURN_IF_ERROR(ExpectInteger("substring", 1, args[1]));
  const int64_t start = args[1].as_int();
  COPMAP_RETURN_IF_ERROR(NonNegative("substring", "start", start));
  int64_t end = INT64_MAX;
  if (args.size() == 3) {
    COPMAP_RETURN_IF_ERROR(ExpectInteger("substring", 2, args[2]));
    COPMAP_RETURN_IF_ERROR(NonNegative("substring", "length", args[2].as_int()));
    end = args[2].as_int() > INT64_MAX - start ? INT64_MAX : start + args[2].as_int();
  }
  return Value(CodePointRange(args[0].as_string(), start, end));
}

Result<Value> Left(std::span<const Value> args) {
  COPMAP_RETURN_IF_ERROR(ExpectString("left", 0, args[0]));
  COPMAP_RETURN_IF_ERROR(ExpectInteger("left", 1, args[1]));
  COPMAP_RETURN_IF_ERROR(NonNegative("left", "length", args[1].as_int()));
  return Value(CodePointRange(args[0].as_string(), 0, args[1].as_int()));
}

Result<Value> Right(std::span<const Value> args) {
  COPMAP_RETURN_IF_ERROR(ExpectString("right", 0, args[0]));
  COPMAP_RETURN_IF_ERROR(ExpectInteger("right", 1, args[1]));
  COPMAP_RETURN_IF_ERROR(NonNegative("right", "length", args[1].as_int()));
  const std::string& s = args[0].as_string();
  const auto count = static_cast<int64_t>(CodePointStarts(s).size()) - 1;
  return Value(CodePointRange(s, count - std::min(count, args[1].as_int()), count));
}

Result<Value> Replace(std::span<const Value> args) {
  for (size_t i = 0; i < 3; ++i) COPMAP_RETURN_IF_ERROR(ExpectString("replace", i, args[i]));
  const std::string& s = args[0].as_string();
  const std::string& from = args[1].as_string();
  const std::string& to = args[2].as_string();
  if (from.empty()) return args[0];  // nothing to find: the text is unchanged
  std::string out;
  size_t pos = 0;
  for (size_t hit; (hit = s.find(from, pos)) != std::string::npos; pos = hit + from.size()) {
    out.append(s, pos, hit - pos);
    out += to;
  }
  out.append(s, pos, std::string::npos);
  return Value(std::move(out));
}

Result<Value> Split(std::span<const Value> args) {
  COPMAP_RETURN_IF_ERROR(ExpectString("split", 0, args[0]));
  COPMAP_RETURN_IF_ERROR(ExpectString("split", 1, args[1]));
  const std::string& s = args[0].as_string();
  const std::string& sep = args[1].as_string();
  ValueList out;
  if (sep.empty()) {
    // An empty separator splits into single characters.
    const std::vector<size_t> starts = CodePointStarts(s);
    for (size_t i = 0; i + 1 < starts.size(); ++i) {
      out.emplace_back(s.substr(starts[i], starts[i + 1] - starts[i]));
    }
    return Value(std::move(out));
  }
  size_t pos = 0;
  for (size_t hit; (hit = s.find(sep, pos)) != std::string::npos; pos = hit + sep.size()) {
    out.emplace_back(s.substr(pos, hit - pos));
  }
  out.emplace_back(s.substr(pos));
  return Value(std::move(out));
}

Result<Value> Reverse(std::span<const Value> args) {
  if (args[0].is_list()) {
    ValueList items = args[0].as_list();
    std::reverse(items.begin(), items.end());
    return Value(std::move(items));
  }
  if (!args[0].is_string()) {
    return TypeMismatch("reverse() expects a string or a list as argument 1", args[0]);
  }
  const std::string& s = args[0].as_string();
  const std::vector<size_t> starts = CodePointStarts(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = starts.size() - 1; i > 0; --i) {
    out.append(s, starts[i - 1], starts[i] - starts[i - 1]);
  }
  return Value(std::move(out));
}

}  // namespace

// Code point count of a UTF-8 string, shared with size().
int64_t CodePointCount(const std::string& s) {
  int64_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

void AddStringFunctions(std::vector<ScalarFunction>* t) {
  t->push_back({"toLower", 1, 1, true, true, ToLower, "toLower(s)"});
  t->push_back({"toUpper", 1, 1, true, true, ToUpper, "toUpper(s)"});
  t->push_back({"trim", 1, 1, true, true, Trim, "trim(s)"});
  t->push_back({"ltrim", 1, 1, true, true, LTrim, "ltrim(s)"});
  t->push_back({"rtrim", 1, 1, true, true, RTrim, "rtrim(s)"});
  t->push_back({"substring", 2, 3, true, true, Substring, "substring(s, start[, length])"});
  t->push_back({"left", 2, 2, true, true, Left, "left(s, length)"});
  t->push_back({"right", 2, 2, true, true, Right, "right(s, length)"});
  t->push_back({"replace", 3, 3, true, true, Replace, "replace(s, search, replacement)"});
  t->push_back({"split", 2, 2, true, true, Split, "split(s, separator)"});
  t->push_back({"reverse", 1, 1, true, true, Reverse, "reverse(s | list)"});
}

}  // namespace copmap::query::runtime
