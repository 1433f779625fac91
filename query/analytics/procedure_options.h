// Reading a procedure's options map ({from: ..., limit: ...}) with clear errors.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/status.h"
#include "storage/value.h"

namespace copmap::analytics {

class ProcedureOptions {
 public:
  // `value` must be null (no options) or a map whose keys are all in
  // `allowed`; otherwise InvalidArgument naming the procedure and the key.
  static Result<ProcedureOptions> Parse(const std::string& procedure, const Value& value,
                                        const std::vector<std::string>& allowed);

  // The option's value, or null when absent.
  const Value& Get(const std::string& key) const;
  Result<std::optional<std::string>> String(const std::string& key) const;
  Result<int64_t> Int(const std::string& key, int64_t fallback, int64_t min, int64_t max) const;
  Result<double> Float(const std::string& key, double fallback) const;
  // A date: date value, datetime (its day), 'YYYY-MM-DD' string or a year as
  // an integer (its first day). Days since 1970-01-01.
  Result<std::optional<int64_t>> Day(const std::string& key) const;

  const std::string& procedure() const { return procedure_; }

 private:
  Status TypeError(const std::string& key, const std::string& expected) const;

  std::string procedure_;
  ValueMap map_;
};

// Days since 1970-01-01 for a stored date-like property (see Day()); nullopt
// for null or a value that is not date-like.
std::optional<int64_t> ValueToDay(const Value& v);

// Today's date in UTC, days since 1970-01-01 (the default `asOf`).
int64_t Today();

}  // namespace copmap::analytics
