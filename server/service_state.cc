#include "server/service_state.h"

#include <cctype>

#include "server/error_mapping.h"

namespace copmap::server {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string_view MethodName(Method method) {
  switch (method) {
    case Method::kQuery: return "Query";
    case Method::kExplain: return "Explain";
    case Method::kImport: return "Import";
    case Method::kExport: return "Export";
    case Method::kRender: return "Render";
    case Method::kStats: return "Stats";
    case Method::kSchema: return "Schema";
    case Method::kBackup: return "Backup";
  }
  return "?";
}

bool IsPlainFileName(std::string_view name) {
  if (name.empty() || name == "." || name == ".." || name.size() > 255) return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

Role RequiredRole(Method method) {
  switch (method) {
    case Method::kQuery:
    case Method::kExplain:
    case Method::kExport:
    case Method::kRender:
    case Method::kStats:
    case Method::kSchema: return Role::kReader;
    case Method::kImport: return Role::kWriter;
    case Method::kBackup: return Role::kAdmin;
  }
  // A method missing above is denied to everyone: no role reaches this.
  return static_cast<Role>(255);
}

CallRecord::CallRecord(ServiceState* state, grpc::CallbackServerContext* context, Method method)
    : state_(state),
      method_(method),
      peer_(context->peer()),
      start_(std::chrono::steady_clock::now()),
      metadata_(&context->client_metadata()) {}

grpc::Status CallRecord::Admit() {
  if (!state_->tokens) {
    principal_ = Principal{Role::kAdmin, "anonymous"};
  } else {
    auto it = metadata_->find("authorization");
    if (it == metadata_->end()) {
      return UnauthenticatedStatus(
          "missing credentials: send the metadata 'authorization: Bearer <token>'");
    }
    std::string_view value(it->second.data(), it->second.size());
    constexpr std::string_view kScheme = "Bearer ";
    if (value.size() <= kScheme.size() || !EqualsIgnoreCase(value.substr(0, kScheme.size()), kScheme)) {
      return UnauthenticatedStatus("the authorization metadata must read 'Bearer <token>'");
    }
    std::optional<Principal> principal = state_->tokens->Lookup(value.substr(kScheme.size()));
    if (!principal) return UnauthenticatedStatus("unknown token");
    principal_ = std::move(*principal);
  }
  return Require(RequiredRole(method_), "call " + std::string(MethodName(method_)));
}

grpc::Status CallRecord::Require(Role role, std::string_view what) const {
  if (principal_.role >= role && principal_.role != Role::kNone) return grpc::Status::OK;
  return ToGrpcStatus(Status::PermissionDenied(
      "role " + std::string(RoleName(principal_.role)) + " may not " + std::string(what) +
      " (needs " + std::string(RoleName(role)) + ")"));
}

grpc::Status CallRecord::Busy() const {
  return ToGrpcStatus(Status::ResourceExhausted(
      "server busy: " + std::to_string(state_->pool.capacity()) +
      " requests already running (max_concurrent_requests); retry later"));
}

void CallRecord::Finished(const grpc::Status& status, std::optional<uint64_t> rows) {
  state_->pool.ReleaseSlot();
  RequestRecord record;
  record.method = MethodName(method_);
  record.role = RoleName(principal_.role);
  record.principal = principal_.name;
  record.peer = peer_;
  record.status_code = static_cast<int>(status.error_code());
  record.error = status.error_message();
  record.duration = std::chrono::steady_clock::now() - start_;
  record.rows = rows;
  state_->log.Request(record);
}

}  // namespace copmap::server
