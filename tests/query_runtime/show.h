// Test helper: one string for a Result<Value>, so that an expectation pins
// both the value and the exact error text.
#pragma once

#include <string>

#include "storage/status.h"
#include "storage/value.h"

namespace copmap::query::runtime {

inline std::string Show(const Result<Value>& r) {
  return r.ok() ? r.value().ToString() : r.status().ToString();
}

}  // namespace copmap::query::runtime
