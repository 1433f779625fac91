#include "bench/query/workload/json.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace copmap::bench {
namespace {

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Result<Json> Document() {
    COPMAP_ASSIGN_OR_RETURN(Json v, Value(0));
    SkipSpace();
    if (pos_ != text_.size()) return Error("text after the document");
    return v;
  }

 private:
  Status Error(std::string_view what) const {
    return Status::InvalidArgument("JSON at byte " + std::to_string(pos_) + ": " + std::string(what));
  }
  void SkipSpace() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  // The next non-space character, or NUL at the end.
  char Peek() {
    SkipSpace();
    return pos_ < text_.size() ? text_[pos_] : '\0';
  }
  bool Eat(char c) {
    if (c == '\0' || Peek() != c) return false;
    ++pos_;
    return true;
  }
  bool Word(std::string_view w) {
    if (text_.substr(pos_, w.size()) != w) return false;
    pos_ += w.size();
    return true;
  }

  Result<Json> Value(int depth) {
    if (depth > 64) return Error("nesting deeper than 64");
    SkipSpace();
    if (pos_ >= text_.size()) return Error("unexpected end");
    char c = text_[pos_];
    if (c == '{') return Object(depth);
    if (c == '[') return Array(depth);
    if (c == '"') {
      COPMAP_ASSIGN_OR_RETURN(std::string s, String());
      return Json(std::move(s));
    }
    if (Word("true")) return Json(true);
    if (Word("false")) return Json(false);
    if (Word("null")) return Json();
    return Number();
  }

  Result<Json> Number() {
    size_t start = pos_;
    bool integral = true;
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '.' || c == 'e' || c == 'E') integral = false;
      else if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+')) break;
      ++pos_;
    }
    std::string num(text_.substr(start, pos_ - start));
    if (num.empty()) return Error("expected a value");
    char* end = nullptr;
    if (integral) {
      long long v = std::strtoll(num.c_str(), &end, 10);
      if (*end == '\0') return Json(static_cast<int64_t>(v));
    }
    double d = std::strtod(num.c_str(), &end);
    if (*end != '\0') return Error("bad number '" + num + "'");
    return Json(d);
  }

  Result<std::string> String() {
    ++pos_;  // opening quote
    std::string out;
    while (pos_ < text_.size() && text_[pos_] != '"') {
      char c = text_[pos_++];
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (pos_ >= text_.size()) break;
      char e = text_[pos_++];
      switch (e) {
        case 'n': out.push_back('\n'); break;
        case 't': out.push_back('\t'); break;
        case 'r': out.push_back('\r'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'u': {
          if (pos_ + 4 > text_.size()) return Error("short \\u escape");
          unsigned code = std::strtoul(std::string(text_.substr(pos_, 4)).c_str(), nullptr, 16);
          pos_ += 4;
          if (code >= 0x80) return Error("\\u escape beyond ASCII is not supported");
          out.push_back(static_cast<char>(code));
          break;
        }
        default: out.push_back(e);  // \" \\ \/
      }
    }
    if (pos_ >= text_.size()) return Error("unterminated string");
    ++pos_;
    return out;
  }

  Result<Json> Array(int depth) {
    ++pos_;
    Json arr = Json::Array();
    if (Eat(']')) return arr;
    do {
      COPMAP_ASSIGN_OR_RETURN(Json v, Value(depth + 1));
      arr.push_back(std::move(v));
    } while (Eat(','));
    if (!Eat(']')) return Error("expected ',' or ']'");
    return arr;
  }

  Result<Json> Object(int depth) {
    ++pos_;
    Json obj = Json::Object();
    if (Eat('}')) return obj;
    do {
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != '"') return Error("expected a member name");
      COPMAP_ASSIGN_OR_RETURN(std::string key, String());
      if (!Eat(':')) return Error("expected ':'");
      COPMAP_ASSIGN_OR_RETURN(Json v, Value(depth + 1));
      obj.Set(key, std::move(v));
    } while (Eat(','));
    if (!Eat('}')) return Error("expected ',' or '}'");
    return obj;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

void Quote(std::string& out, const std::string& s) {
  out.push_back('"');
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

void NewLine(std::string& out, bool indent, int depth) {
  if (!indent) return;
  out.push_back('\n');
  out.append(static_cast<size_t>(depth), ' ');
}

}  // namespace

Json::Json(std::vector<std::string> strings) : kind_(Kind::kArray) {
  for (auto& s : strings) items_.emplace_back(std::move(s));
}

Result<Json> Json::Parse(std::string_view text) { return Parser(text).Document(); }

const Json* Json::Find(std::string_view key) const {
  for (const auto& [k, v] : fields_) {
    if (k == key) return &v;
  }
  return nullptr;
}

Json& Json::Set(std::string_view key, Json v) {
  kind_ = Kind::kObject;
  for (auto& [k, old] : fields_) {
    if (k == key) return old = std::move(v);
  }
  fields_.emplace_back(std::string(key), std::move(v));
  return fields_.back().second;
}

std::string Json::Dump(bool indent) const {
  std::string out;
  DumpTo(out, indent, 0);
  return out;
}

void Json::DumpTo(std::string& out, bool indent, int depth) const {
  switch (kind_) {
    case Kind::kNull: out += "null"; return;
    case Kind::kBool: out += bool_ ? "true" : "false"; return;
    case Kind::kString: Quote(out, str_); return;
    case Kind::kNumber: {
      if (integral_) {
        out += std::to_string(int_);
      } else if (!std::isfinite(num_)) {
        out += "null";  // JSON has no NaN
      } else {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", num_);
        out += buf;
      }
      return;
    }
    case Kind::kArray:
      out.push_back('[');
      for (size_t i = 0; i < items_.size(); ++i) {
        if (i) out.push_back(',');
        NewLine(out, indent, depth + 1);
        items_[i].DumpTo(out, indent, depth + 1);
      }
      if (!items_.empty()) NewLine(out, indent, depth);
      out.push_back(']');
      return;
    case Kind::kObject:
      out.push_back('{');
      for (size_t i = 0; i < fields_.size(); ++i) {
        if (i) out.push_back(',');
        NewLine(out, indent, depth + 1);
        Quote(out, fields_[i].first);
        out += indent ? ": " : ":";
        fields_[i].second.DumpTo(out, indent, depth + 1);
      }
      if (!fields_.empty()) NewLine(out, indent, depth);
      out.push_back('}');
      return;
  }
}

}  // namespace copmap::bench
