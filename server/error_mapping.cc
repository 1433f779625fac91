#include "server/error_mapping.h"

#include <array>
#include <charconv>
#include <string_view>

#include "google/rpc/status.pb.h"

namespace copmap::server {
namespace {

using Code = Status::Code;

grpc::StatusCode GrpcCode(Code code) {
  switch (code) {
    case Code::kOk: return grpc::StatusCode::OK;
    case Code::kSyntaxError:
    case Code::kSemanticError:
    case Code::kTypeError:
    case Code::kParameterMissing:
    case Code::kInvalidArgument: return grpc::StatusCode::INVALID_ARGUMENT;
    case Code::kConstraintError: return grpc::StatusCode::FAILED_PRECONDITION;
    case Code::kConflict: return grpc::StatusCode::ABORTED;
    case Code::kEntityNotFound:
    case Code::kNotFound: return grpc::StatusCode::NOT_FOUND;
    case Code::kResourceExhausted: return grpc::StatusCode::RESOURCE_EXHAUSTED;
    case Code::kTimeout: return grpc::StatusCode::DEADLINE_EXCEEDED;
    case Code::kCancelled: return grpc::StatusCode::CANCELLED;
    case Code::kPermissionDenied: return grpc::StatusCode::PERMISSION_DENIED;
    case Code::kNotSupported: return grpc::StatusCode::UNIMPLEMENTED;
    case Code::kCorruption: return grpc::StatusCode::DATA_LOSS;
    case Code::kIOError:
    case Code::kInternal: return grpc::StatusCode::INTERNAL;
  }
  return grpc::StatusCode::INTERNAL;
}

// openCypher TCK error detail names copmap's messages may mention.
constexpr std::array<std::string_view, 24> kCypherDetails = {
    "UnexpectedSyntax",     "InvalidNumberLiteral",   "UndefinedVariable",
    "VariableAlreadyBound", "VariableTypeConflict",   "InvalidArgumentType",
    "NoExpressionAlias",    "NonConstantExpression",  "InvalidAggregation",
    "NestedAggregation",    "ColumnNameConflict",     "DeleteConnectedNode",
    "NoSingleRelationshipType", "RequiresDirectedRelationship", "CreatingVarLength",
    "InvalidParameterUse",  "MissingParameter",       "InvalidDelete",
    "InvalidPropertyType",  "NegativeIntegerArgument", "NumberOutOfRange",
    "UnknownFunction",      "InvalidClauseComposition", "AmbiguousAggregationExpression",
};

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '_';
}

std::string FindCypherDetail(const Status& status) {
  const std::string& msg = status.message();
  for (std::string_view name : kCypherDetails) {
    for (size_t at = msg.find(name); at != std::string::npos; at = msg.find(name, at + 1)) {
      const size_t end = at + name.size();
      if ((at == 0 || !IsWordChar(msg[at - 1])) && (end == msg.size() || !IsWordChar(msg[end]))) {
        return std::string(name);
      }
    }
  }
  if (status.code() == Code::kParameterMissing) return "MissingParameter";
  return "";
}

// Parses a leading "line:column:" from the message.
void FindPosition(const std::string& msg, uint32_t* line, uint32_t* column) {
  const char* p = msg.data();
  const char* end = p + msg.size();
  uint32_t l = 0, c = 0;
  auto [p1, e1] = std::from_chars(p, end, l);
  if (e1 != std::errc() || p1 == end || *p1 != ':') return;
  auto [p2, e2] = std::from_chars(p1 + 1, end, c);
  if (e2 != std::errc() || p2 == end || *p2 != ':') return;
  *line = l;
  *column = c;
}

grpc::Status WithDetail(grpc::StatusCode code, const std::string& message,
                        const v1::ErrorDetail& detail) {
  google::rpc::Status rich;
  rich.set_code(static_cast<int>(code));
  rich.set_message(message);
  rich.add_details()->PackFrom(detail);
  return grpc::Status(code, message, rich.SerializeAsString());
}

Code CodeFromKind(std::string_view kind, bool* found) {
  *found = true;
  for (int c = static_cast<int>(Code::kSyntaxError); c <= static_cast<int>(Code::kInternal); ++c) {
    if (Status::CodeName(static_cast<Code>(c)) == kind) return static_cast<Code>(c);
  }
  *found = false;
  return Code::kInternal;
}

Status MakeStatus(Code code, std::string msg) {
  switch (code) {
    case Code::kOk: return Status::OK();
    case Code::kSyntaxError: return Status::SyntaxError(std::move(msg));
    case Code::kSemanticError: return Status::SemanticError(std::move(msg));
    case Code::kTypeError: return Status::TypeError(std::move(msg));
    case Code::kConstraintError: return Status::ConstraintError(std::move(msg));
    case Code::kParameterMissing: return Status::ParameterMissing(std::move(msg));
    case Code::kEntityNotFound: return Status::EntityNotFound(std::move(msg));
    case Code::kInvalidArgument: return Status::InvalidArgument(std::move(msg));
    case Code::kNotFound: return Status::NotFound(std::move(msg));
    case Code::kConflict: return Status::Conflict(std::move(msg));
    case Code::kCancelled: return Status::Cancelled(std::move(msg));
    case Code::kTimeout: return Status::Timeout(std::move(msg));
    case Code::kResourceExhausted: return Status::ResourceExhausted(std::move(msg));
    case Code::kPermissionDenied: return Status::PermissionDenied(std::move(msg));
    case Code::kIOError: return Status::IOError(std::move(msg));
    case Code::kCorruption: return Status::Corruption(std::move(msg));
    case Code::kNotSupported: return Status::NotSupported(std::move(msg));
    case Code::kInternal: return Status::Internal(std::move(msg));
  }
  return Status::Internal(std::move(msg));
}

}  // namespace

v1::ErrorDetail MakeErrorDetail(const Status& status) {
  v1::ErrorDetail detail;
  detail.set_kind(std::string(Status::CodeName(status.code())));
  detail.set_cypher_detail(FindCypherDetail(status));
  uint32_t line = 0, column = 0;
  FindPosition(status.message(), &line, &column);
  detail.set_line(line);
  detail.set_column(column);
  detail.set_message(status.message());
  return detail;
}

grpc::Status ToGrpcStatus(const Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return WithDetail(GrpcCode(status.code()), status.ToString(), MakeErrorDetail(status));
}

grpc::Status UnauthenticatedStatus(const std::string& message) {
  v1::ErrorDetail detail;
  detail.set_kind("Unauthenticated");
  detail.set_message(message);
  return WithDetail(grpc::StatusCode::UNAUTHENTICATED, "Unauthenticated: " + message, detail);
}

bool ExtractErrorDetail(const grpc::Status& status, v1::ErrorDetail* detail) {
  google::rpc::Status rich;
  if (status.error_details().empty() || !rich.ParseFromString(status.error_details())) {
    return false;
  }
  for (const google::protobuf::Any& any : rich.details()) {
    if (any.UnpackTo(detail)) return true;
  }
  return false;
}

Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return Status::OK();
  v1::ErrorDetail detail;
  if (ExtractErrorDetail(status, &detail)) {
    bool known = false;
    Code code = CodeFromKind(detail.kind(), &known);
    if (known) return MakeStatus(code, detail.message());
    if (detail.kind() == "Unauthenticated") return Status::PermissionDenied(status.error_message());
  }
  const std::string& msg = status.error_message();
  switch (status.error_code()) {
    case grpc::StatusCode::INVALID_ARGUMENT: return Status::InvalidArgument(msg);
    case grpc::StatusCode::FAILED_PRECONDITION: return Status::ConstraintError(msg);
    case grpc::StatusCode::ABORTED: return Status::Conflict(msg);
    case grpc::StatusCode::NOT_FOUND: return Status::NotFound(msg);
    case grpc::StatusCode::RESOURCE_EXHAUSTED: return Status::ResourceExhausted(msg);
    case grpc::StatusCode::DEADLINE_EXCEEDED: return Status::Timeout(msg);
    case grpc::StatusCode::CANCELLED: return Status::Cancelled(msg);
    case grpc::StatusCode::PERMISSION_DENIED:
    case grpc::StatusCode::UNAUTHENTICATED: return Status::PermissionDenied(msg);
    case grpc::StatusCode::UNIMPLEMENTED: return Status::NotSupported(msg);
    case grpc::StatusCode::DATA_LOSS: return Status::Corruption(msg);
    case grpc::StatusCode::UNAVAILABLE: return Status::IOError("server unavailable: " + msg);
    default: return Status::Internal(msg);
  }
}

}  // namespace copmap::server
