#include "cli/param_literal.h"

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <optional>

namespace copmap::cli {
namespace {

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// A recursive-descent reader of one literal.
class LiteralReader {
 public:
  explicit LiteralReader(std::string_view text) : text_(text) {}

  Result<Value> ReadAll() {
    COPMAP_ASSIGN_OR_RETURN(Value v, Read());
    SkipSpace();
    if (pos_ != text_.size()) return Error("unexpected text after the value");
    return v;
  }

 private:
  Status Error(const std::string& what) const {
    return Status::InvalidArgument("parameter value \"" + std::string(text_) + "\": column " +
                                   std::to_string(pos_ + 1) + ": " + what);
  }
  void SkipSpace() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  bool Eat(char c) {
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  Result<Value> Read() {
    SkipSpace();
    if (pos_ >= text_.size()) return Error("a value is missing");
    char c = text_[pos_];
    if (c == '\'' || c == '"') {
      COPMAP_ASSIGN_OR_RETURN(std::string s, ReadString());
      return Value(std::move(s));
    }
    if (c == '[') return ReadList();
    if (c == '{') return ReadMap();
    return ReadWord();
  }

  Result<std::string> ReadString() {
    char quote = text_[pos_++];
    std::string out;
    while (pos_ < text_.size() && text_[pos_] != quote) {
      char c = text_[pos_++];
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= text_.size()) break;
      char e = text_[pos_++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          unsigned code = 0;
          if (pos_ + 4 > text_.size() ||
              std::from_chars(text_.data() + pos_, text_.data() + pos_ + 4, code, 16).ptr !=
                  text_.data() + pos_ + 4) {
            return Error("\\u needs four hex digits");
          }
          pos_ += 4;
          AppendUtf8(code, &out);
          break;
        }
        default: out += e;  // \' \" \\ and any other escaped character
      }
    }
    if (pos_ >= text_.size()) return Error("the string is not closed");
    ++pos_;
    return out;
  }

  static void AppendUtf8(unsigned code, std::string* out) {
    if (code < 0x80) {
      *out += static_cast<char>(code);
    } else if (code < 0x800) {
      *out += static_cast<char>(0xC0 | (code >> 6));
      *out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      *out += static_cast<char>(0xE0 | (code >> 12));
      *out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      *out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  Result<Value> ReadList() {
    ++pos_;
    ValueList list;
    if (Eat(']')) return Value(std::move(list));
    do {
      COPMAP_ASSIGN_OR_RETURN(Value v, Read());
      list.push_back(std::move(v));
    } while (Eat(','));
    if (!Eat(']')) return Error("expected ',' or ']' in the list");
    return Value(std::move(list));
  }

  Result<Value> ReadMap() {
    ++pos_;
    ValueMap map;
    if (Eat('}')) return Value(std::move(map));
    do {
      SkipSpace();
      std::string key;
      if (pos_ < text_.size() && (text_[pos_] == '\'' || text_[pos_] == '"')) {
        COPMAP_ASSIGN_OR_RETURN(key, ReadString());
      } else {
        while (pos_ < text_.size() && IsNameChar(text_[pos_])) key += text_[pos_++];
        if (key.empty()) return Error("expected a map key");
      }
      if (!Eat(':')) return Error("expected ':' after the map key '" + key + "'");
      COPMAP_ASSIGN_OR_RETURN(Value v, Read());
      map.emplace_back(std::move(key), std::move(v));
    } while (Eat(','));
    if (!Eat('}')) return Error("expected ',' or '}' in the map");
    return Value(std::move(map));
  }

  // A number, true/false/null, or (inside a list or map) a bare word, which
  // is an error there: only a whole value may be an unquoted string.
  Result<Value> ReadWord() {
    size_t start = pos_;
    while (pos_ < text_.size() && (IsNameChar(text_[pos_]) || text_[pos_] == '.' ||
                                   text_[pos_] == '-' || text_[pos_] == '+')) {
      ++pos_;
    }
    std::string_view word = text_.substr(start, pos_ - start);
    if (auto v = Scalar(word)) return *v;
    pos_ = start;
    return Error("expected a number, true, false, null, a quoted string, a list or a map");
  }

 public:
  // The scalar a bare word spells, if any.
  static std::optional<Value> Scalar(std::string_view word) {
    std::string lower;
    for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "true") return Value(true);
    if (lower == "false") return Value(false);
    if (lower == "null") return Value();
    if (word.empty()) return std::nullopt;
    int64_t i = 0;
    const char* begin = word.data() + (word[0] == '+' ? 1 : 0);
    const char* end = word.data() + word.size();
    auto [p, ec] = std::from_chars(begin, end, i);
    if (ec == std::errc() && p == end) return Value(i);
    double d = 0;
    auto [q, ec2] = std::from_chars(begin, end, d);
    if (ec2 == std::errc() && q == end && word.find_first_of(".eE") != std::string_view::npos) {
      return Value(d);
    }
    return std::nullopt;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

Result<Value> ParseParamValue(std::string_view text) {
  size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return Value(std::string(text));
  char c = text[first];
  if (c == '\'' || c == '"' || c == '[' || c == '{') return LiteralReader(text).ReadAll();
  size_t last = text.find_last_not_of(" \t");
  if (auto v = LiteralReader::Scalar(text.substr(first, last - first + 1))) return *v;
  return Value(std::string(text));
}

Result<ValueMap> ParseParams(const std::vector<std::string>& pairs) {
  ValueMap params;
  for (const std::string& pair : pairs) {
    size_t eq = pair.find('=');
    if (eq == std::string::npos) {
      return Status::InvalidArgument("--param " + pair + ": expected name=value");
    }
    std::string name = pair.substr(0, eq);
    bool valid = !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0]));
    for (char c : name) valid = valid && IsNameChar(c);
    if (!valid) {
      return Status::InvalidArgument("--param " + pair + ": '" + name +
                                     "' is not a parameter name (letters, digits, _)");
    }
    COPMAP_ASSIGN_OR_RETURN(Value value, ParseParamValue(std::string_view(pair).substr(eq + 1)));
    std::erase_if(params, [&](const auto& p) { return p.first == name; });
    params.emplace_back(std::move(name), std::move(value));
  }
  return params;
}

}  // namespace copmap::cli
