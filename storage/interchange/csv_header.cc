#include "storage/interchange/csv_header.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace copmap::interchange {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

constexpr std::pair<std::string_view, FieldType> kTypes[] = {
    {"string", FieldType::kString}, {"char", FieldType::kString},
    {"int", FieldType::kInt},       {"long", FieldType::kInt},
    {"short", FieldType::kInt},     {"byte", FieldType::kInt},
    {"float", FieldType::kFloat},   {"double", FieldType::kFloat},
    {"boolean", FieldType::kBool},  {"date", FieldType::kDate},
    {"datetime", FieldType::kDateTime},
};

const char kSupported[] =
    "supported: int, long, short, byte, float, double, boolean, date, datetime, string, char, "
    "each optionally with [] for an array; or ID, LABEL, START_ID, END_ID, TYPE, IGNORE, OUT, IN";

// Splits "KEYWORD(args)" into keyword and args; args empty without parentheses.
Status SplitParens(std::string_view field, std::string_view spec, std::string_view* word,
                   std::string_view* args) {
  size_t open = spec.find('(');
  if (open == std::string_view::npos) {
    *word = spec;
    *args = {};
    return Status::OK();
  }
  if (spec.back() != ')') {
    return Status::InvalidArgument("header field '" + std::string(field) +
                                   "': missing ')' after '('");
  }
  *word = spec.substr(0, open);
  *args = Trim(spec.substr(open + 1, spec.size() - open - 2));
  if (args->empty()) {
    return Status::InvalidArgument("header field '" + std::string(field) +
                                   "': empty parentheses (expected a name inside)");
  }
  return Status::OK();
}

}  // namespace

std::string_view FieldTypeName(FieldType type) {
  switch (type) {
    case FieldType::kString: return "string";
    case FieldType::kInt: return "int";
    case FieldType::kFloat: return "float";
    case FieldType::kBool: return "boolean";
    case FieldType::kDate: return "date";
    case FieldType::kDateTime: return "datetime";
  }
  return "string";
}

Result<ColumnSpec> ParseHeaderField(std::string_view field) {
  ColumnSpec col;
  col.header = std::string(field);
  auto fail = [&](const std::string& why) {
    return Status::InvalidArgument("header field '" + std::string(field) + "': " + why);
  };
  size_t colon = field.rfind(':');
  std::string_view name = Trim(colon == std::string_view::npos ? field : field.substr(0, colon));
  if (colon == std::string_view::npos) {
    if (name.empty()) return fail("empty column name");
    col.property = std::string(name);
    return col;
  }
  std::string_view spec = Trim(field.substr(colon + 1));
  std::string_view word, args;
  COPMAP_RETURN_IF_ERROR(SplitParens(field, spec, &word, &args));
  std::string key = Lower(Trim(word));

  if (key == "id" || key == "start_id" || key == "end_id") {
    col.role = key == "id" ? ColumnRole::kId : key == "start_id" ? ColumnRole::kStartId
                                                                 : ColumnRole::kEndId;
    col.id_space = std::string(args);
    if (col.role == ColumnRole::kId) col.property = std::string(name);
    return col;
  }
  if (key == "out" || key == "in") {
    col.role = key == "out" ? ColumnRole::kLinkOut : ColumnRole::kLinkIn;
    size_t comma = args.find(',');
    col.link_type = std::string(Trim(args.substr(0, comma)));
    if (comma != std::string_view::npos) col.id_space = std::string(Trim(args.substr(comma + 1)));
    if (col.link_type.empty()) return fail("expected :" + Lower(word) + "(TYPE[,Space])");
    return col;
  }
  if (!args.empty()) return fail("'" + std::string(word) + "' takes no parentheses");
  if (key == "label" || key == "type" || key == "ignore") {
    col.role = key == "label" ? ColumnRole::kLabel : key == "type" ? ColumnRole::kType
                                                                   : ColumnRole::kIgnore;
    return col;
  }
  if (name.empty()) return fail("a property column needs a name before ':'");
  col.property = std::string(name);
  if (key.size() > 2 && key.ends_with("[]")) {
    col.array = true;
    key.resize(key.size() - 2);
  }
  auto it = std::find_if(std::begin(kTypes), std::end(kTypes),
                         [&](const auto& entry) { return entry.first == key; });
  if (it == std::end(kTypes)) {
    return fail("unknown type '" + std::string(spec) + "' (" + kSupported + ")");
  }
  col.type = it->second;
  return col;
}

}  // namespace copmap::interchange
