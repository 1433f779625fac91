#include "query/runtime/functions.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "query/runtime/errors.h"
#include "query/runtime/function_table.h"

namespace copmap::query::runtime {
namespace {

struct Registry {
  std::vector<ScalarFunction> functions;  // sorted by lower-cased name
  std::vector<std::string> lower_names;   // parallel to functions

  Registry() {
    AddStringFunctions(&functions);
    AddMathFunctions(&functions);
    AddListFunctions(&functions);
    AddConversionFunctions(&functions);
    AddTemporalFunctions(&functions);
    std::sort(functions.begin(), functions.end(), [](const auto& a, const auto& b) {
      return FoldName(a.name) < FoldName(b.name);
    });
    for (const auto& f : functions) lower_names.push_back(FoldName(f.name));
  }
};

const Registry& GetRegistry() {
  static const Registry* registry = new Registry();  // immutable after construction
  return *registry;
}

std::string Ordinal(size_t position) { return "argument " + std::to_string(position + 1); }

}  // namespace

std::string FoldName(std::string_view name) {
  std::string out(name);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const ScalarFunction* FindScalarFunction(std::string_view name) {
  const Registry& r = GetRegistry();
  const std::string key = FoldName(name);
  auto it = std::lower_bound(r.lower_names.begin(), r.lower_names.end(), key);
  if (it == r.lower_names.end() || *it != key) return nullptr;
  return &r.functions[static_cast<size_t>(it - r.lower_names.begin())];
}

std::span<const ScalarFunction> AllScalarFunctions() { return GetRegistry().functions; }

Status CheckArity(const ScalarFunction& f, size_t arg_count) {
  const auto n = static_cast<int>(arg_count);
  if (n >= f.min_args && (f.max_args < 0 || n <= f.max_args)) return Status::OK();
  std::string expected;
  if (f.max_args < 0) {
    expected = "at least " + std::to_string(f.min_args);
  } else if (f.min_args == f.max_args) {
    expected = std::to_string(f.min_args);
  } else if (f.max_args == f.min_args + 1) {
    expected = std::to_string(f.min_args) + " or " + std::to_string(f.max_args);
  } else {
    expected = std::to_string(f.min_args) + " to " + std::to_string(f.max_args);
  }
  return Status::SyntaxError(std::string(kInvalidNumberOfArguments) + ": " + std::string(f.name) +
                             "() takes " + expected + " argument" +
                             (expected == "1" ? "" : "s") + ", got " + std::to_string(n) +
                             " (usage: " + std::string(f.signature) + ")");
}

Result<Value> Invoke(const ScalarFunction& f, std::span<const Value> args) {
  if (f.propagates_null) {
    for (const Value& a : args) {
      if (a.is_null()) return Value();
    }
  }
  return f.impl(args);
}

Result<Value> CallScalarFunction(std::string_view name, std::span<const Value> args) {
  const ScalarFunction* f = FindScalarFunction(name);
  if (f == nullptr) {
    return Status::SyntaxError(std::string(kUnknownFunction) + ": unknown function '" +
                               std::string(name) + "'");
  }
  COPMAP_RETURN_IF_ERROR(CheckArity(*f, args.size()));
  return Invoke(*f, args);
}

Status ExpectKind(const char* function, size_t position, const Value& arg, Value::Kind kind,
                  const char* what) {
  if (arg.kind() == kind) return Status::OK();
  return TypeMismatch(std::string(function) + "() expects " + what + " as " + Ordinal(position),
                      arg);
}

Status ExpectNumber(const char* function, size_t position, const Value& arg) {
  if (arg.is_number()) return Status::OK();
  return TypeMismatch(std::string(function) + "() expects a number as " + Ordinal(position), arg);
}

Status ExpectInteger(const char* function, size_t position, const Value& arg) {
  return ExpectKind(function, position, arg, Value::Kind::kInt, "an integer");
}

Status ExpectString(const char* function, size_t position, const Value& arg) {
  return ExpectKind(function, position, arg, Value::Kind::kString, "a string");
}

}  // namespace copmap::query::runtime
