#include "storage/value.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace copmap {

Value::Value(ValueList list) : v_(std::make_shared<const ValueList>(std::move(list))) {}

Value::Value(ValueMap map) {
  // Stable sort keeps input order among equal keys, so the last one is kept.
  std::stable_sort(map.begin(), map.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  ValueMap unique;
  unique.reserve(map.size());
  for (auto& entry : map) {
    if (!unique.empty() && unique.back().first == entry.first) {
      unique.back().second = std::move(entry.second);
    } else {
      unique.push_back(std::move(entry));
    }
  }
  v_ = std::make_shared<const ValueMap>(std::move(unique));
}

Value::Value(NodeValue node) : v_(std::make_shared<const NodeValue>(std::move(node))) {}
Value::Value(RelationshipValue rel)
    : v_(std::make_shared<const RelationshipValue>(std::move(rel))) {}
Value::Value(PathValue path) : v_(std::make_shared<const PathValue>(std::move(path))) {}

bool Value::IsPropertyValue() const {
  switch (kind()) {
    case Kind::kList:
      return std::all_of(as_list().begin(), as_list().end(), [](const Value& v) {
        return !v.is_list() && v.IsPropertyValue();
      });
    case Kind::kMap:
    case Kind::kNode:
    case Kind::kRelationship:
    case Kind::kPath:
      return false;
    default:
      return true;
  }
}

bool operator==(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Value::Kind::kNull: return true;
    case Value::Kind::kBool: return a.as_bool() == b.as_bool();
    case Value::Kind::kInt: return a.as_int() == b.as_int();
    case Value::Kind::kFloat: return a.as_float() == b.as_float();
    case Value::Kind::kString: return a.as_string() == b.as_string();
    case Value::Kind::kDate: return a.as_date() == b.as_date();
    case Value::Kind::kDateTime: return a.as_datetime() == b.as_datetime();
    case Value::Kind::kList: return a.as_list() == b.as_list();
    case Value::Kind::kMap: return a.as_map() == b.as_map();
    case Value::Kind::kNode: return a.as_node() == b.as_node();
    case Value::Kind::kRelationship: return a.as_relationship() == b.as_relationship();
    case Value::Kind::kPath: return a.as_path() == b.as_path();
  }
  return false;
}

std::string_view Value::KindName(Kind kind) {
  switch (kind) {
    case Kind::kNull: return "NULL";
    case Kind::kBool: return "BOOLEAN";
    case Kind::kInt: return "INTEGER";
    case Kind::kFloat: return "FLOAT";
    case Kind::kString: return "STRING";
    case Kind::kDate: return "DATE";
    case Kind::kDateTime: return "DATETIME";
    case Kind::kList: return "LIST";
    case Kind::kMap: return "MAP";
    case Kind::kNode: return "NODE";
    case Kind::kRelationship: return "RELATIONSHIP";
    case Kind::kPath: return "PATH";
  }
  return "UNKNOWN";
}

namespace {

std::string QuoteString(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  out += '\'';
  return out;
}

std::string FormatFloat(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  std::string out(buf, end);
  // A float always reads as a float: 1.0, not 1.
  if (out.find_first_of(".eE") == std::string::npos) out += ".0";
  return out;
}

std::string MapToString(const ValueMap& map) {
  std::string out = "{";
  for (size_t i = 0; i < map.size(); ++i) {
    if (i) out += ", ";
    out += map[i].first + ": " + map[i].second.ToString();
  }
  return out + "}";
}

std::string NodeToString(const NodeValue& n) {
  std::string out = "(";
  for (const auto& l : n.labels) out += ":" + l;
  if (!n.properties.empty()) out += (n.labels.empty() ? "" : " ") + MapToString(n.properties);
  return out + ")";
}

std::string RelToString(const RelationshipValue& r) {
  std::string out = "[:" + r.type;
  if (!r.properties.empty()) out += " " + MapToString(r.properties);
  return out + "]";
}

}  // namespace

std::string Value::ToString() const {
  switch (kind()) {
    case Kind::kNull: return "null";
    case Kind::kBool: return as_bool() ? "true" : "false";
    case Kind::kInt: return std::to_string(as_int());
    case Kind::kFloat: return FormatFloat(as_float());
    case Kind::kString: return QuoteString(as_string());
    case Kind::kDate: return "'" + FormatDate(as_date()) + "'";
    case Kind::kDateTime: return "'" + FormatDateTime(as_datetime()) + "'";
    case Kind::kList: {
      std::string out = "[";
      const auto& list = as_list();
      for (size_t i = 0; i < list.size(); ++i) {
        if (i) out += ", ";
        out += list[i].ToString();
      }
      return out + "]";
    }
    case Kind::kMap: return MapToString(as_map());
    case Kind::kNode: return NodeToString(as_node());
    case Kind::kRelationship: return RelToString(as_relationship());
    case Kind::kPath: {
      const auto& p = as_path();
      std::string out = "<";
      for (size_t i = 0; i < p.nodes.size(); ++i) {
        if (i) {
          const auto& r = p.relationships[i - 1];
          bool forward = r.start == p.nodes[i - 1].id;
          out += forward ? "-" + RelToString(r) + "->" : "<-" + RelToString(r) + "-";
        }
        out += NodeToString(p.nodes[i]);
      }
      return out + ">";
    }
  }
  return "?";
}

// Civil-calendar conversions after the well-known era-based day counting:
// a 400-year era has exactly 146097 days, and counting years from March puts
// the leap day last.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int64_t* year, unsigned* month, unsigned* day) {
  // The shift to a 0000-03-01 epoch goes in two steps (whole 400-year eras,
  // then the rest) so that no int64 day count overflows.
  int64_t era = z / 146097;
  int64_t rest = z % 146097;
  if (rest < 0) {
    rest += 146097;
    --era;
  }
  rest += 719468;
  era += rest / 146097;
  const int64_t doe = rest % 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *day = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
  *month = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  *year = yoe + era * 400 + (*month <= 2);
}

namespace {

bool IsLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned DaysInMonth(int64_t y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Reads exactly `width` digits at `pos`.
bool ReadDigits(std::string_view s, size_t& pos, size_t width, int64_t* out) {
  if (pos + width > s.size()) return false;
  int64_t v = 0;
  for (size_t i = 0; i < width; ++i) {
    char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  pos += width;
  *out = v;
  return true;
}

bool ParseDatePart(std::string_view s, size_t& pos, int64_t* days) {
  int64_t y, m, d;
  if (!ReadDigits(s, pos, 4, &y) || pos >= s.size() || s[pos++] != '-' ||
      !ReadDigits(s, pos, 2, &m) || pos >= s.size() || s[pos++] != '-' ||
      !ReadDigits(s, pos, 2, &d)) {
    return false;
  }
  if (m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, static_cast<unsigned>(m))) return false;
  *days = DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  return true;
}

}  // namespace

Result<Date> ParseDate(std::string_view text) {
  size_t pos = 0;
  int64_t days;
  if (!ParseDatePart(text, pos, &days) || pos != text.size()) {
    return Status::InvalidArgument("invalid date '" + std::string(text) +
                                   "' (expected YYYY-MM-DD)");
  }
  return Date{days};
}

Result<DateTime> ParseDateTime(std::string_view text) {
  auto fail = [&] {
    return Status::InvalidArgument("invalid datetime '" + std::string(text) +
                                   "' (expected YYYY-MM-DDTHH:MM[:SS[.ffffff]][Z|+HH:MM])");
  };
  size_t pos = 0;
  int64_t days;
  if (!ParseDatePart(text, pos, &days)) return fail();
  int64_t h = 0, mi = 0, sec = 0, micros = 0, offset_minutes = 0;
  if (pos < text.size() && (text[pos] == 'T' || text[pos] == ' ')) {
    ++pos;
    if (!ReadDigits(text, pos, 2, &h) || pos >= text.size() || text[pos++] != ':' ||
        !ReadDigits(text, pos, 2, &mi)) {
      return fail();
    }
    if (pos < text.size() && text[pos] == ':') {
      ++pos;
      if (!ReadDigits(text, pos, 2, &sec)) return fail();
      if (pos < text.size() && text[pos] == '.') {
        ++pos;
        size_t digits = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
          if (digits < 6) micros = micros * 10 + (text[pos] - '0');
          ++digits;
          ++pos;
        }
        if (digits == 0) return fail();
        for (; digits < 6; ++digits) micros *= 10;
      }
    }
    if (h > 23 || mi > 59 || sec > 59) return fail();
    if (pos < text.size()) {
      char c = text[pos++];
      if (c == 'Z') {
        // UTC
      } else if (c == '+' || c == '-') {
        int64_t oh, om;
        if (!ReadDigits(text, pos, 2, &oh)) return fail();
        if (pos < text.size() && text[pos] == ':') ++pos;
        if (!ReadDigits(text, pos, 2, &om) || oh > 23 || om > 59) return fail();
        offset_minutes = (oh * 60 + om) * (c == '-' ? -1 : 1);
      } else {
        return fail();
      }
    }
  }
  if (pos != text.size()) return fail();
  int64_t seconds = days * 86400 + h * 3600 + mi * 60 + sec - offset_minutes * 60;
  return DateTime{seconds * 1'000'000 + micros};
}

std::string FormatDate(Date date) {
  int64_t y;
  unsigned m, d;
  CivilFromDays(date.days, &y, &m, &d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  return buf;
}

std::string FormatDateTime(DateTime time) {
  int64_t micros = time.micros;
  // Floor division by a day that cannot overflow, whatever the micros.
  int64_t days = micros / 86'400'000'000;
  int64_t rest = micros % 86'400'000'000;
  if (rest < 0) {
    rest += 86'400'000'000;
    --days;
  }
  int64_t secs = rest / 1'000'000, frac = rest % 1'000'000;
  char buf[64];
  int n = std::snprintf(buf, sizeof buf, "%sT%02lld:%02lld:%02lld", FormatDate(Date{days}).c_str(),
                        static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                        static_cast<long long>(secs % 60));
  std::string out(buf, n);
  if (frac) {
    std::snprintf(buf, sizeof buf, ".%06lld", static_cast<long long>(frac));
    out += buf;
  }
  return out + "Z";
}

}  // namespace copmap
