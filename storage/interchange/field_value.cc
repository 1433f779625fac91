#include "storage/interchange/field_value.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <vector>

#include "storage/interchange/utf8.h"

namespace copmap::interchange {
namespace {

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string Shown(std::string_view text) { return "'" + Excerpt(text) + "'"; }

Result<Value> ParseInt(std::string_view text) {
  std::string_view t = TrimSpaces(text);
  if (!t.empty() && t.front() == '+') t.remove_prefix(1);
  int64_t v = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec == std::errc::result_out_of_range) {
    return Status::InvalidArgument(Shown(text) + " is out of range for a 64-bit integer");
  }
  if (t.empty() || ec != std::errc() || end != t.data() + t.size()) {
    return Status::InvalidArgument(Shown(text) + " is not an integer");
  }
  return Value(v);
}

Result<Value> ParseFloat(std::string_view text) {
  std::string_view t = TrimSpaces(text);
  if (!t.empty() && t.front() == '+') t.remove_prefix(1);
  double v = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec == std::errc::result_out_of_range) {
    return Status::InvalidArgument(Shown(text) + " is out of range for a double");
  }
  if (t.empty() || ec != std::errc() || end != t.data() + t.size()) {
    return Status::InvalidArgument(Shown(text) + " is not a number");
  }
  return Value(v);
}

Result<Value> ParseBool(std::string_view text) {
  std::string t(TrimSpaces(text));
  for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (t == "true") return Value(true);
  if (t == "false") return Value(false);
  return Status::InvalidArgument(Shown(text) + " is not a boolean (expected true or false)");
}

Result<Value> ParseScalar(FieldType type, std::string_view text) {
  switch (type) {
    case FieldType::kString:
      return Value(text);
    case FieldType::kInt:
      return ParseInt(text);
    case FieldType::kFloat:
      return ParseFloat(text);
    case FieldType::kBool:
      return ParseBool(text);
    case FieldType::kDate: {
      auto d = ParseDate(TrimSpaces(text));
      if (!d.ok()) return Status::InvalidArgument(Shown(text) + " is not a date (expected YYYY-MM-DD)");
      return Value(*d);
    }
    case FieldType::kDateTime: {
      auto t = ParseDateTime(TrimSpaces(text));
      if (!t.ok()) {
        return Status::InvalidArgument(Shown(text) +
                                       " is not a datetime (expected YYYY-MM-DDTHH:MM[:SS[.ffffff]][Z|+HH:MM])");
      }
      return Value(*t);
    }
  }
  return Status::Internal("unhandled field type");
}

}  // namespace

Result<Value> ParseField(FieldType type, bool array, std::string_view text, bool quoted,
                         char array_delimiter) {
  if (text.empty() && !quoted) return Value();
  if (!array) return ParseScalar(type, text);
  ValueList items;
  if (!text.empty()) {
    size_t begin = 0;
    while (true) {
      size_t end = text.find(array_delimiter, begin);
      std::string_view item = text.substr(begin, end == std::string_view::npos ? end : end - begin);
      auto v = ParseScalar(type, item);
      if (!v.ok()) {
        return Status::InvalidArgument("array element " + std::to_string(items.size() + 1) +
                                       ": " + v.status().message());
      }
      items.push_back(std::move(*v));
      if (end == std::string_view::npos) break;
      begin = end + 1;
    }
  }
  return Value(std::move(items));
}

Value IdPropertyValue(std::string_view text) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (!text.empty() && ec == std::errc() && end == text.data() + text.size()) return Value(v);
  return Value(text);
}

std::optional<FieldType> CsvFieldType(const Value& value, bool* array) {
  *array = false;
  switch (value.kind()) {
    case Value::Kind::kBool: return FieldType::kBool;
    case Value::Kind::kInt: return FieldType::kInt;
    case Value::Kind::kFloat: return FieldType::kFloat;
    case Value::Kind::kString: return FieldType::kString;
    case Value::Kind::kDate: return FieldType::kDate;
    case Value::Kind::kDateTime: return FieldType::kDateTime;
    case Value::Kind::kList: {
      const ValueList& list = value.as_list();
      *array = true;
      if (list.empty()) return FieldType::kString;
      bool inner = false;
      auto first = CsvFieldType(list[0], &inner);
      if (!first || inner) return std::nullopt;
      for (const Value& item : list) {
        if (item.kind() != list[0].kind()) return std::nullopt;
      }
      return first;
    }
    default:
      return std::nullopt;
  }
}

std::string FormatDouble(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, end);
}

Result<std::string> FormatField(const Value& value, char array_delimiter) {
  switch (value.kind()) {
    case Value::Kind::kBool: return std::string(value.as_bool() ? "true" : "false");
    case Value::Kind::kInt: return std::to_string(value.as_int());
    case Value::Kind::kFloat: return FormatDouble(value.as_float());
    case Value::Kind::kString: return value.as_string();
    case Value::Kind::kDate: return FormatDate(value.as_date());
    case Value::Kind::kDateTime: return FormatDateTime(value.as_datetime());
    case Value::Kind::kList: {
      const ValueList& list = value.as_list();
      if (list.size() == 1 && list[0].is_string() && list[0].as_string().empty()) {
        return Status::InvalidArgument("the list [''] has no CSV form (it would read back as [])");
      }
      std::string out;
      for (size_t i = 0; i < list.size(); ++i) {
        COPMAP_ASSIGN_OR_RETURN(std::string item, FormatField(list[i], array_delimiter));
        if (item.find(array_delimiter) != std::string::npos) {
          return Status::InvalidArgument("list element " + Shown(item) +
                                         " contains the array delimiter '" +
                                         std::string(1, array_delimiter) + "'");
        }
        if (i) out += array_delimiter;
        out += item;
      }
      return out;
    }
    default:
      return Status::InvalidArgument("a " + std::string(Value::KindName(value.kind())) +
                                     " value has no CSV form");
  }
}

}  // namespace copmap::interchange
