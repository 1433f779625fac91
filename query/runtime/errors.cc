#include "query/runtime/errors.h"

namespace copmap::query::runtime {

std::string DescribeValue(const Value& v) {
  if (v.is_null()) return "NULL";
  std::string literal = v.ToString();
  constexpr size_t kMaxLiteral = 60;
  if (literal.size() > kMaxLiteral) literal = literal.substr(0, kMaxLiteral) + "...";
  return std::string(Value::KindName(v.kind())) + " " + literal;
}

Status TypeMismatch(std::string_view what, const Value& got, std::string_view detail) {
  return Status::TypeError(std::string(detail) + ": " + std::string(what) +
                           ", got " + DescribeValue(got));
}

Status ArgumentError(std::string_view detail, std::string_view message) {
  return Status::InvalidArgument(std::string(detail) + ": " + std::string(message));
}

}  // namespace copmap::query::runtime
