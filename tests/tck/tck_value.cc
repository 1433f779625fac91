#include "tests/tck/tck_value.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace copmap::tck {
namespace {

using Kind = TckValue::Kind;

class Parser {
 public:
  explicit Parser(const std::string& text) : text_(text) {}

  Result<TckValue> ParseAll() {
    COPMAP_ASSIGN_OR_RETURN(TckValue v, ParseValue());
    SkipSpace();
    if (pos_ != text_.size()) return Error("trailing text");
    return v;
  }

 private:
  Status Error(const std::string& what) const {
    return Status::InvalidArgument("TCK value '" + text_ + "' at offset " +
                                   std::to_string(pos_) + ": " + what);
  }
  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
  }
  bool Eat(const std::string& token) {
    SkipSpace();
    if (text_.compare(pos_, token.size(), token) != 0) return false;
    pos_ += token.size();
    return true;
  }
  bool AtWord(const char* word) {
    SkipSpace();
    const size_t n = std::char_traits<char>::length(word);
    if (text_.compare(pos_, n, word) != 0) return false;
    const size_t end = pos_ + n;
    return end == text_.size() || !(std::isalnum(static_cast<unsigned char>(text_[end])) ||
                                     text_[end] == '_');
  }

  Result<TckValue> ParseValue() {
    SkipSpace();
    if (pos_ >= text_.size()) return Error("expected a value");
    TckValue v;
    const char c = text_[pos_];
    if (AtWord("null")) {
      pos_ += 4;
      return v;
    }
    if (AtWord("true") || AtWord("false")) {
      v.kind = Kind::kBool;
      v.b = text_[pos_] == 't';
      pos_ += v.b ? 4 : 5;
      return v;
    }
    if (c == '\'') return ParseString();
    if (c == '[') {
      if (pos_ + 1 < text_.size() && text_[pos_ + 1] == ':') return ParseRel();
      return ParseList();
    }
    if (c == '{') return ParseMap();
    if (c == '(') return ParseNode();
    if (c == '<') return ParsePath();
    return ParseNumber();
  }

  Result<TckValue> ParseNumber() {
    TckValue v;
    if (AtWord("NaN")) {
      pos_ += 3;
      v.kind = Kind::kFloat;
      v.f = std::numeric_limits<double>::quiet_NaN();
      return v;
    }
    bool negative = false;
    if (text_[pos_] == '-') {
      negative = true;
      ++pos_;
    }
    if (AtWord("Inf") || AtWord("Infinity")) {
      pos_ += text_.compare(pos_, 8, "Infinity") == 0 ? 8 : 3;
      v.kind = Kind::kFloat;
      v.f = negative ? -std::numeric_limits<double>::infinity()
                     : std::numeric_limits<double>::infinity();
      return v;
    }
    const size_t start = negative ? pos_ - 1 : pos_;
    bool is_float = false;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (std::isdigit(static_cast<unsigned char>(c))) {
        ++pos_;
      } else if (c == '.' || c == 'e' || c == 'E' ||
                 ((c == '-' || c == '+') && (text_[pos_ - 1] == 'e' || text_[pos_ - 1] == 'E'))) {
        is_float = true;
        ++pos_;
      } else {
        break;
      }
    }
    const std::string num = text_.substr(start, pos_ - start);
    if (num.empty() || num == "-") return Error("expected a value");
    const char* b = num.data();
    const char* e = num.data() + num.size();
    if (is_float) {
      v.kind = Kind::kFloat;
      auto [p, ec] = std::from_chars(b, e, v.f);
      if (ec != std::errc() || p != e) return Error("bad float " + num);
    } else {
      v.kind = Kind::kInt;
      auto [p, ec] = std::from_chars(b, e, v.i);
      if (ec != std::errc() || p != e) return Error("bad integer " + num);
    }
    return v;
  }

  Result<TckValue> ParseString() {
    TckValue v;
    v.kind = Kind::kString;
    ++pos_;  // opening quote
    while (pos_ < text_.size() && text_[pos_] != '\'') {
      char c = text_[pos_++];
      if (c == '\\' && pos_ < text_.size()) {
        const char n = text_[pos_++];
        switch (n) {
          case 'n': c = '\n'; break;
          case 't': c = '\t'; break;
          case 'r': c = '\r'; break;
          case 'b': c = '\b'; break;
          case 'f': c = '\f'; break;
          default: c = n; break;  // \\ \' \" and anything else: the character
        }
      }
      v.s += c;
    }
    if (pos_ >= text_.size()) return Error("unterminated string");
    ++pos_;
    return v;
  }

  Result<TckValue> ParseList() {
    TckValue v;
    v.kind = Kind::kList;
    Eat("[");
    if (Eat("]")) return v;
    do {
      COPMAP_ASSIGN_OR_RETURN(TckValue item, ParseValue());
      v.items.push_back(std::move(item));
    } while (Eat(","));
    if (!Eat("]")) return Error("expected ']'");
    return v;
  }

  Result<std::string> ParseKey() {
    SkipSpace();
    std::string key;
    if (pos_ < text_.size() && text_[pos_] == '`') {
      const size_t end = text_.find('`', pos_ + 1);
      if (end == std::string::npos) return Error("unterminated `key`");
      key = text_.substr(pos_ + 1, end - pos_ - 1);
      pos_ = end + 1;
      return key;
    }
    while (pos_ < text_.size() &&
           (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_' ||
            static_cast<unsigned char>(text_[pos_]) >= 0x80)) {
      key += text_[pos_++];
    }
    if (key.empty()) return Error("expected a name");
    return key;
  }

  Status ParseEntries(std::vector<std::pair<std::string, TckValue>>* entries) {
    if (!Eat("{")) return Error("expected '{'");
    if (Eat("}")) return Status::OK();
    do {
      COPMAP_ASSIGN_OR_RETURN(std::string key, ParseKey());
      if (!Eat(":")) return Error("expected ':' after key " + key);
      COPMAP_ASSIGN_OR_RETURN(TckValue value, ParseValue());
      entries->emplace_back(std::move(key), std::move(value));
    } while (Eat(","));
    if (!Eat("}")) return Error("expected '}'");
    return Status::OK();
  }

  Result<TckValue> ParseMap() {
    TckValue v;
    v.kind = Kind::kMap;
    COPMAP_RETURN_IF_ERROR(ParseEntries(&v.entries));
    return v;
  }

  Result<TckValue> ParseNode() {
    TckValue v;
    v.kind = Kind::kNode;
    Eat("(");
    while (Eat(":")) {
      COPMAP_ASSIGN_OR_RETURN(std::string label, ParseKey());
      v.labels.push_back(std::move(label));
    }
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == '{') COPMAP_RETURN_IF_ERROR(ParseEntries(&v.entries));
    if (!Eat(")")) return Error("expected ')'");
    return v;
  }

  Result<TckValue> ParseRel() {
    TckValue v;
    v.kind = Kind::kRel;
    Eat("[");
    if (!Eat(":")) return Error("expected ':' and a relationship type");
    COPMAP_ASSIGN_OR_RETURN(v.s, ParseKey());
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == '{') COPMAP_RETURN_IF_ERROR(ParseEntries(&v.entries));
    if (!Eat("]")) return Error("expected ']'");
    return v;
  }

  Result<TckValue> ParsePath() {
    TckValue v;
    v.kind = Kind::kPath;
    Eat("<");
    COPMAP_ASSIGN_OR_RETURN(TckValue first, ParseNode());
    v.items.push_back(std::move(first));
    while (true) {
      bool forward;
      if (Eat("<-")) {
        forward = false;
      } else if (Eat("-")) {
        forward = true;
      } else {
        break;
      }
      COPMAP_ASSIGN_OR_RETURN(TckValue rel, ParseRel());
      rel.forward = forward;
      if (!Eat(forward ? "->" : "-")) return Error("expected the relationship's arrow");
      COPMAP_ASSIGN_OR_RETURN(TckValue node, ParseNode());
      v.items.push_back(std::move(rel));
      v.items.push_back(std::move(node));
    }
    if (!Eat(">")) return Error("expected '>'");
    return v;
  }

  const std::string& text_;
  size_t pos_ = 0;
};

std::string FormatFloat(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Inf" : "-Inf";
  // -0.0 equals 0.0 under openCypher equality; the TCK writes both as 0.0.
  if (d == 0.0) d = 0.0;
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  std::string out(buf, end);
  if (out.find_first_of(".eEn") == std::string::npos) out += ".0";
  return out;
}

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

TckValue FromProps(Kind kind, const ValueMap& props) {
  TckValue v;
  v.kind = kind;
  for (const auto& [k, p] : props) v.entries.emplace_back(k, FromValue(p));
  return v;
}

TckValue FromNode(const NodeValue& n) {
  TckValue v = FromProps(Kind::kNode, n.properties);
  v.labels = n.labels;
  return v;
}

TckValue FromRel(const RelationshipValue& r) {
  TckValue v = FromProps(Kind::kRel, r.properties);
  v.s = r.type;
  return v;
}

std::string CanonicalEntries(std::vector<std::pair<std::string, TckValue>> entries,
                             bool sort_lists) {
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string out = "{";
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i) out += ", ";
    out += entries[i].first + ": " + Canonical(entries[i].second, sort_lists);
  }
  return out + "}";
}

// A datetime as the TCK writes it (java.time's ISO form): seconds only
// when the time has seconds or a fraction, the fraction in groups of three
// digits, e.g. 1816-01-01T00:00Z, 2015-07-21T20:40:32.142Z. copmap's own
// text form (storage FormatDateTime) always shows seconds; both name the
// same instant.
std::string TckDateTimeText(DateTime t) {
  constexpr int64_t kMicrosPerDay = 86'400'000'000;
  int64_t days = t.micros / kMicrosPerDay, rest = t.micros % kMicrosPerDay;
  if (rest < 0) {
    rest += kMicrosPerDay;
    --days;
  }
  const int64_t secs = rest / 1'000'000, frac = rest % 1'000'000;
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02lld:%02lld", static_cast<long long>(secs / 3600),
                static_cast<long long>(secs / 60 % 60));
  std::string out = FormatDate(Date{days}) + buf;
  if (secs % 60 != 0 || frac != 0) {
    std::snprintf(buf, sizeof buf, ":%02lld", static_cast<long long>(secs % 60));
    out += buf;
  }
  if (frac != 0) {
    if (frac % 1000 == 0) {
      std::snprintf(buf, sizeof buf, ".%03lld", static_cast<long long>(frac / 1000));
    } else {
      std::snprintf(buf, sizeof buf, ".%06lld", static_cast<long long>(frac));
    }
    out += buf;
  }
  return out + "Z";
}

}  // namespace

Result<TckValue> ParseTckValue(const std::string& text) { return Parser(text).ParseAll(); }

TckValue FromValue(const Value& v) {
  TckValue out;
  switch (v.kind()) {
    case Value::Kind::kNull: break;
    case Value::Kind::kBool: out.kind = Kind::kBool; out.b = v.as_bool(); break;
    case Value::Kind::kInt: out.kind = Kind::kInt; out.i = v.as_int(); break;
    case Value::Kind::kFloat: out.kind = Kind::kFloat; out.f = v.as_float(); break;
    case Value::Kind::kString: out.kind = Kind::kString; out.s = v.as_string(); break;
    // The TCK shows temporal values as their ISO-8601 text in quotes.
    case Value::Kind::kDate: out.kind = Kind::kString; out.s = FormatDate(v.as_date()); break;
    case Value::Kind::kDateTime:
      out.kind = Kind::kString;
      out.s = TckDateTimeText(v.as_datetime());
      break;
    case Value::Kind::kList:
      out.kind = Kind::kList;
      for (const Value& e : v.as_list()) out.items.push_back(FromValue(e));
      break;
    case Value::Kind::kMap: return FromProps(Kind::kMap, v.as_map());
    case Value::Kind::kNode: return FromNode(v.as_node());
    case Value::Kind::kRelationship: return FromRel(v.as_relationship());
    case Value::Kind::kPath: {
      const PathValue& p = v.as_path();
      out.kind = Kind::kPath;
      for (size_t i = 0; i < p.nodes.size(); ++i) {
        if (i > 0 && i - 1 < p.relationships.size()) {
          TckValue rel = FromRel(p.relationships[i - 1]);
          rel.forward = p.relationships[i - 1].start == p.nodes[i - 1].id;
          out.items.push_back(std::move(rel));
        }
        out.items.push_back(FromNode(p.nodes[i]));
      }
      break;
    }
  }
  return out;
}

Result<Value> ToValue(const TckValue& v) {
  switch (v.kind) {
    case Kind::kNull: return Value();
    case Kind::kBool: return Value(v.b);
    case Kind::kInt: return Value(v.i);
    case Kind::kFloat: return Value(v.f);
    case Kind::kString: return Value(v.s);
    case Kind::kList: {
      ValueList items;
      for (const TckValue& e : v.items) {
        COPMAP_ASSIGN_OR_RETURN(Value item, ToValue(e));
        items.push_back(std::move(item));
      }
      return Value(std::move(items));
    }
    case Kind::kMap: {
      ValueMap entries;
      for (const auto& [k, e] : v.entries) {
        COPMAP_ASSIGN_OR_RETURN(Value item, ToValue(e));
        entries.emplace_back(k, std::move(item));
      }
      return Value(std::move(entries));
    }
    default:
      return Status::InvalidArgument("a node, relationship or path cannot be a parameter: " +
                                     Canonical(v));
  }
}

std::string Canonical(const TckValue& v, bool sort_lists) {
  switch (v.kind) {
    case Kind::kNull: return "null";
    case Kind::kBool: return v.b ? "true" : "false";
    case Kind::kInt: return std::to_string(v.i);
    case Kind::kFloat: return FormatFloat(v.f);
    case Kind::kString: return Quote(v.s);
    case Kind::kList: {
      std::vector<std::string> items;
      for (const TckValue& e : v.items) items.push_back(Canonical(e, sort_lists));
      if (sort_lists) std::sort(items.begin(), items.end());
      std::string out = "[";
      for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
      return out + "]";
    }
    case Kind::kMap: return CanonicalEntries(v.entries, sort_lists);
    case Kind::kNode: {
      std::vector<std::string> labels = v.labels;
      std::sort(labels.begin(), labels.end());
      std::string out = "(";
      for (const auto& l : labels) out += ":" + l;
      if (!v.entries.empty()) {
        out += (labels.empty() ? "" : " ") + CanonicalEntries(v.entries, sort_lists);
      }
      return out + ")";
    }
    case Kind::kRel: {
      std::string out = "[:" + v.s;
      if (!v.entries.empty()) out += " " + CanonicalEntries(v.entries, sort_lists);
      return out + "]";
    }
    case Kind::kPath: {
      std::string out = "<";
      for (const TckValue& e : v.items) {
        if (e.kind == Kind::kRel) {
          out += e.forward ? "-" + Canonical(e, sort_lists) + "->"
                           : "<-" + Canonical(e, sort_lists) + "-";
        } else {
          out += Canonical(e, sort_lists);
        }
      }
      return out + ">";
    }
  }
  return "?";
}

}  // namespace copmap::tck
