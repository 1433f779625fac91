// Private to query/runtime: each functions_*.cc file contributes its entries
// to the registry in functions.cc through one of these.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "query/runtime/functions.h"

namespace copmap::query::runtime {

void AddStringFunctions(std::vector<ScalarFunction>* table);
void AddMathFunctions(std::vector<ScalarFunction>* table);
void AddListFunctions(std::vector<ScalarFunction>* table);
void AddConversionFunctions(std::vector<ScalarFunction>* table);
void AddTemporalFunctions(std::vector<ScalarFunction>* table);
void AddTruncateFunctions(std::vector<ScalarFunction>* table);

// Helpers shared by the implementations: argument checks that produce the
// house error text ("<fn>() expects <what> as argument <i>, got ...").
Status ExpectKind(const char* function, size_t position, const Value& arg, Value::Kind kind,
                  const char* what);
Status ExpectNumber(const char* function, size_t position, const Value& arg);
Status ExpectInteger(const char* function, size_t position, const Value& arg);
Status ExpectString(const char* function, size_t position, const Value& arg);

}  // namespace copmap::query::runtime

namespace copmap::query::runtime {
// Number of Unicode code points in UTF-8 text.
int64_t CodePointCount(const std::string& s);
}  // namespace copmap::query::runtime
