// Status and Result<T>: how every copmap layer reports failure.
//
// No exception crosses a module boundary. A Status carries a Code and a
// human-readable message; an OK status holds no allocation. Result<T> holds
// either a value or a non-OK Status.
//
// Foreign errors (RocksDB, Spirit, gRPC, Graphviz) are converted to Status in
// exactly one place each.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace copmap {

class Status {
 public:
  // The kinds of failure. The numeric values appear in nothing persistent,
  // but the names are part of error text users and tests read.
  enum class Code {
    kOk = 0,
    kSyntaxError,        // query text does not parse
    kSemanticError,      // query parses but is meaningless (unknown variable, ...)
    kTypeError,          // a value has the wrong type at run time
    kConstraintError,    // a unique constraint or a detach rule would be broken
    kParameterMissing,   // a $parameter was not supplied
    kEntityNotFound,     // a node or relationship id does not exist
    kInvalidArgument,    // bad input to an API or the command line
    kNotFound,           // a named thing (file, index, procedure) does not exist
    kConflict,           // a concurrent transaction wrote the same data first
    kCancelled,          // the caller cancelled the work
    kTimeout,            // the work ran past its deadline
    kResourceExhausted,  // a configured limit was reached (rows, depth, memory)
    kPermissionDenied,   // the caller's role does not allow this
    kIOError,            // the operating system or the disk failed
    kCorruption,         // stored data is not what copmap wrote
    kNotSupported,       // a valid request that copmap does not implement
    kInternal,           // a bug in copmap
  };

  Status() = default;  // OK

  static Status OK() { return Status(); }
  static Status SyntaxError(std::string msg) { return {Code::kSyntaxError, std::move(msg)}; }
  static Status SemanticError(std::string msg) { return {Code::kSemanticError, std::move(msg)}; }
  static Status TypeError(std::string msg) { return {Code::kTypeError, std::move(msg)}; }
  static Status ConstraintError(std::string msg) { return {Code::kConstraintError, std::move(msg)}; }
  static Status ParameterMissing(std::string msg) { return {Code::kParameterMissing, std::move(msg)}; }
  static Status EntityNotFound(std::string msg) { return {Code::kEntityNotFound, std::move(msg)}; }
  static Status InvalidArgument(std::string msg) { return {Code::kInvalidArgument, std::move(msg)}; }
  static Status NotFound(std::string msg) { return {Code::kNotFound, std::move(msg)}; }
  static Status Conflict(std::string msg) { return {Code::kConflict, std::move(msg)}; }
  static Status Cancelled(std::string msg) { return {Code::kCancelled, std::move(msg)}; }
  static Status Timeout(std::string msg) { return {Code::kTimeout, std::move(msg)}; }
  static Status ResourceExhausted(std::string msg) { return {Code::kResourceExhausted, std::move(msg)}; }
  static Status PermissionDenied(std::string msg) { return {Code::kPermissionDenied, std::move(msg)}; }
  static Status IOError(std::string msg) { return {Code::kIOError, std::move(msg)}; }
  static Status Corruption(std::string msg) { return {Code::kCorruption, std::move(msg)}; }
  static Status NotSupported(std::string msg) { return {Code::kNotSupported, std::move(msg)}; }
  static Status Internal(std::string msg) { return {Code::kInternal, std::move(msg)}; }

  bool ok() const { return rep_ == nullptr; }
  Code code() const { return rep_ ? rep_->code : Code::kOk; }
  // The message without the kind, e.g. "1:8: expected ')'".
  const std::string& message() const;
  // "SyntaxError: 1:8: expected ')'"; "OK" when ok().
  std::string ToString() const;
  // The kind's name as users see it: "SyntaxError", "ConstraintError", ...
  static std::string_view CodeName(Code code);

  bool IsConflict() const { return code() == Code::kConflict; }
  bool IsNotFound() const { return code() == Code::kNotFound; }
  bool IsCorruption() const { return code() == Code::kCorruption; }

  // Returns a copy whose message is "context: message".
  Status WithContext(std::string_view context) const;

 private:
  struct Rep {
    Code code;
    std::string message;
  };
  Status(Code code, std::string msg)
      : rep_(std::make_shared<const Rep>(Rep{code, std::move(msg)})) {}

  std::shared_ptr<const Rep> rep_;  // null when OK: an OK status costs nothing
};

// Either a T or a non-OK Status.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}            // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}     // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<1>(v_);
  }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace copmap

// Returns early from the enclosing function when `expr` yields a non-OK Status.
#define COPMAP_RETURN_IF_ERROR(expr)              \
  do {                                            \
    ::copmap::Status _copmap_status = (expr);     \
    if (!_copmap_status.ok()) return _copmap_status; \
  } while (0)

#define COPMAP_CONCAT_INNER(a, b) a##b
#define COPMAP_CONCAT(a, b) COPMAP_CONCAT_INNER(a, b)
// `COPMAP_ASSIGN_OR_RETURN(auto x, F());` binds x to F()'s value or returns its Status.
#define COPMAP_ASSIGN_OR_RETURN(lhs, expr) \
  COPMAP_ASSIGN_OR_RETURN_IMPL(COPMAP_CONCAT(_copmap_result_, __LINE__), lhs, expr)
#define COPMAP_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                  \
  if (!tmp.ok()) return tmp.status();                 \
  lhs = std::move(tmp).value()
