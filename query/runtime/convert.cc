#include "query/runtime/convert.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <string_view>

#include "query/runtime/errors.h"

namespace copmap::query::runtime {
namespace {

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

Status CannotConvert(const char* function, const Value& v) {
  return TypeMismatch(std::string(function) + "() cannot convert this value", v,
                      kInvalidArgumentValue);
}

// Truncates toward zero; false when NaN or outside int64.
bool TruncateToInt(double d, int64_t* out) {
  if (std::isnan(d) || d >= 9223372036854775808.0 || d < -9223372036854775808.0) return false;
  *out = static_cast<int64_t>(std::trunc(d));
  return true;
}

}  // namespace

bool ParseIntegerText(std::string_view text, int64_t* out) {
  text = TrimSpaces(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && end == text.data() + text.size();
}

bool ParseFloatText(std::string_view text, double* out) {
  text = TrimSpaces(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return false;
  // from_chars accepts "nan" and "inf"; Cypher number literals do not.
  for (char c : text) {
    if (std::isalpha(static_cast<unsigned char>(c)) && c != 'e' && c != 'E') return false;
  }
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && end == text.data() + text.size();
}

std::string ValueToText(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kString: return v.as_string();
    case Value::Kind::kDate: return FormatDate(v.as_date());
    case Value::Kind::kDateTime: return FormatDateTime(v.as_datetime());
    default: return v.ToString();
  }
}

Result<Value> ToStringValue(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull:
    case Value::Kind::kString: return v;
    case Value::Kind::kBool:
    case Value::Kind::kInt:
    case Value::Kind::kFloat:
    case Value::Kind::kDate:
    case Value::Kind::kDateTime: return Value(ValueToText(v));
    default: return CannotConvert("toString", v);
  }
}

Result<Value> ToInteger(const Value& v) {
  int64_t i = 0;
  double d = 0;
  switch (v.kind()) {
    case Value::Kind::kNull:
    case Value::Kind::kInt: return v;
    case Value::Kind::kBool: return Value(int64_t{v.as_bool() ? 1 : 0});
    case Value::Kind::kFloat:
      return TruncateToInt(v.as_float(), &i) ? Value(i) : Value();
    case Value::Kind::kString:
      if (ParseIntegerText(v.as_string(), &i)) return Value(i);
      if (ParseFloatText(v.as_string(), &d) && TruncateToInt(d, &i)) return Value(i);
      return Value();
    default: return CannotConvert("toInteger", v);
  }
}

Result<Value> ToFloat(const Value& v) {
  double d = 0;
  switch (v.kind()) {
    case Value::Kind::kNull:
    case Value::Kind::kFloat: return v;
    case Value::Kind::kInt: return Value(static_cast<double>(v.as_int()));
    case Value::Kind::kString:
      return ParseFloatText(v.as_string(), &d) ? Value(d) : Value();
    default: return CannotConvert("toFloat", v);
  }
}

Result<Value> ToBoolean(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull:
    case Value::Kind::kBool: return v;
    case Value::Kind::kInt: return Value(v.as_int() != 0);
    case Value::Kind::kString: {
      std::string lower(TrimSpaces(v.as_string()));
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower == "true") return Value(true);
      if (lower == "false") return Value(false);
      return Value();
    }
    default: return CannotConvert("toBoolean", v);
  }
}

}  // namespace copmap::query::runtime
