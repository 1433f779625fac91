#include "query/analytics/procedure_options.h"

#include <algorithm>
#include <chrono>

namespace copmap::analytics {

std::optional<int64_t> ValueToDay(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kDate:
      return v.as_date().days;
    case Value::Kind::kDateTime: {
      int64_t micros = v.as_datetime().micros;
      constexpr int64_t kPerDay = 86'400'000'000;
      return micros >= 0 ? micros / kPerDay : -((-micros + kPerDay - 1) / kPerDay);
    }
    case Value::Kind::kInt:  // a year, as the workload generator writes `since`
      if (v.as_int() < 1 || v.as_int() > 9999) return std::nullopt;
      return DaysFromCivil(v.as_int(), 1, 1);
    case Value::Kind::kString: {
      Result<Date> d = ParseDate(v.as_string());
      if (d.ok()) return d->days;
      Result<DateTime> t = ParseDateTime(v.as_string());
      if (t.ok()) return ValueToDay(Value(*t));
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

int64_t Today() {
  auto now = std::chrono::system_clock::now();
  return std::chrono::duration_cast<std::chrono::days>(now.time_since_epoch()).count();
}

Result<ProcedureOptions> ProcedureOptions::Parse(const std::string& procedure, const Value& value,
                                                 const std::vector<std::string>& allowed) {
  ProcedureOptions options;
  options.procedure_ = procedure;
  if (value.is_null()) return options;
  if (!value.is_map()) {
    return Status::InvalidArgument(procedure + ": options must be a map, got " + value.ToString());
  }
  for (const auto& [key, v] : value.as_map()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string known;
      for (const std::string& a : allowed) known += (known.empty() ? "" : ", ") + a;
      return Status::InvalidArgument(procedure + ": unknown option '" + key + "' (known: " +
                                     known + ")");
    }
  }
  options.map_ = value.as_map();
  return options;
}

const Value& ProcedureOptions::Get(const std::string& key) const {
  static const Value kNull;
  for (const auto& [k, v] : map_) {
    if (k == key) return v;
  }
  return kNull;
}

Status ProcedureOptions::TypeError(const std::string& key, const std::string& expected) const {
  return Status::InvalidArgument(procedure_ + ": option '" + key + "' must be " + expected +
                                 ", got " + Get(key).ToString());
}

Result<std::optional<std::string>> ProcedureOptions::String(const std::string& key) const {
  const Value& v = Get(key);
  if (v.is_null()) return std::optional<std::string>();
  if (!v.is_string()) return TypeError(key, "a string");
  return std::optional<std::string>(v.as_string());
}

Result<int64_t> ProcedureOptions::Int(const std::string& key, int64_t fallback, int64_t min,
                                      int64_t max) const {
  const Value& v = Get(key);
  if (v.is_null()) return fallback;
  if (!v.is_int() || v.as_int() < min || v.as_int() > max) {
    return TypeError(key, "an integer in " + std::to_string(min) + ".." + std::to_string(max));
  }
  return v.as_int();
}

Result<double> ProcedureOptions::Float(const std::string& key, double fallback) const {
  const Value& v = Get(key);
  if (v.is_null()) return fallback;
  if (!v.is_number()) return TypeError(key, "a number");
  return v.as_number();
}

Result<std::optional<int64_t>> ProcedureOptions::Day(const std::string& key) const {
  const Value& v = Get(key);
  if (v.is_null()) return std::optional<int64_t>();
  std::optional<int64_t> day = ValueToDay(v);
  if (!day) return TypeError(key, "a date (date value, 'YYYY-MM-DD' or a year)");
  return day;
}

}  // namespace copmap::analytics
