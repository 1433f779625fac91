// ServiceState: what every call of the Copmap service shares, and the one
// place where a call is authenticated, authorized and logged.
//
// Access rules, denied by default: each method names the least role that may
// call it (RequiredRole); a query that writes additionally needs `writer`
// (checked by the Query call with Engine::IsWrite before it runs).
#pragma once

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "query/engine.h"
#include "server/auth.h"
#include "server/fast_reads.h"
#include "server/request_log.h"
#include "server/server_options.h"
#include "server/worker_pool.h"

namespace copmap::server {

enum class Method { kQuery, kExplain, kImport, kExport, kRender, kStats, kSchema, kBackup };

std::string_view MethodName(Method method);
// The least role allowed to call `method`.
Role RequiredRole(Method method);

// True for a name usable as one file or directory name: letters, digits,
// '.', '_' and '-', not "." or "..". Client-chosen names (import files,
// backups) must pass it before they touch the file system.
bool IsPlainFileName(std::string_view name);

struct ServiceState {
  ServiceState(query::Engine* engine_in, const ServerOptions& options_in,
               std::optional<TokenStore> tokens_in)
      : engine(engine_in),
        options(options_in),
        tokens(std::move(tokens_in)),
        pool(static_cast<size_t>(options_in.max_concurrent_requests)),
        log(options_in.log_level) {}

  query::Engine* engine;  // not owned
  const ServerOptions options;
  const std::optional<TokenStore> tokens;  // nullopt: authentication is off
  WorkerPool pool;
  RequestLog log;
  FastReads fast_reads;
};

// One call's identity and bookkeeping, from arrival to its log line.
class CallRecord {
 public:
  CallRecord(ServiceState* state, grpc::CallbackServerContext* context, Method method);

  // Authenticates the caller from the `authorization: Bearer <token>`
  // metadata and checks RequiredRole(method). UNAUTHENTICATED without a known
  // token, PERMISSION_DENIED for a role too low; OK otherwise.
  grpc::Status Admit();
  // Fails with PERMISSION_DENIED unless the caller has at least `role`;
  // `what` completes "role reader may not ...".
  grpc::Status Require(Role role, std::string_view what) const;

  const Principal& principal() const { return principal_; }
  Method method() const { return method_; }
  std::chrono::steady_clock::time_point start() const { return start_; }

  // The call is about to hand `status` to gRPC: writes the request's log line
  // and, on a worker, frees the call's WorkerPool slot first, so a client
  // that sees the end of its call can start the next one at once. Call once,
  // right before finishing the call.
  void Finished(const grpc::Status& status, std::optional<uint64_t> rows = std::nullopt);

  // RESOURCE_EXHAUSTED saying the server is at its concurrency limit.
  grpc::Status Busy() const;

 private:
  ServiceState* state_;
  Method method_;
  std::string peer_;
  Principal principal_;
  std::chrono::steady_clock::time_point start_;
  const std::multimap<grpc::string_ref, grpc::string_ref>* metadata_;
};

}  // namespace copmap::server
