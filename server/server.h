// Server: copmap's gRPC service, started, waited on and shut down.
//
// This header is what cli/ uses for `copmap serve`; it names no gRPC type.
//
//   ServerOptions options;               // listen, tokens, TLS, limits
//   COPMAP_ASSIGN_OR_RETURN(auto engine, query::Engine::Open(db_dir));
//   return ServeUntilSignal(options, std::move(engine));   // blocks
//
// Services on the port: copmap.v1.Copmap (token required when a tokens file
// is set), grpc.health.v1.Health and server reflection v1alpha and v1 (no
// token).
//
// Thread safety: port()/address() are const after Start; Shutdown() may be
// called from any thread, more than once.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "query/engine.h"
#include "server/server_options.h"
#include "storage/status.h"

namespace copmap::server {

class Server {
 public:
  // Starts serving `engine`, which must outlive the Server. Fails with
  // InvalidArgument for refused options (see listen_policy.h, bad tokens
  // file), IOError when a TLS file cannot be read or the port cannot be bound.
  static Result<std::unique_ptr<Server>> Start(const ServerOptions& options,
                                               query::Engine* engine);
  // Same, owning the engine: Shutdown() closes it (and so the store) last.
  static Result<std::unique_ptr<Server>> Start(const ServerOptions& options,
                                               std::unique_ptr<query::Engine> engine);

  ~Server();  // Shutdown()s when still running

  // The port actually bound (useful with port 0) and "host:port".
  int port() const;
  std::string address() const;

  // Requests admitted to the worker pool whose work has not finished yet (a
  // query that is still running, an import still loading...). Drops as soon
  // as a cancelled query has stopped and released its transaction.
  size_t running_requests() const;

  // Blocks until Shutdown() finished.
  void Wait();

  // Graceful stop: health turns NOT_SERVING; after `options.drain_notice`
  // (calls are still accepted meanwhile) no new calls are accepted, running
  // calls get `options.grace_period` to finish, the rest are cancelled (their
  // queries stop), the workers stop, an owned engine is closed.
  void Shutdown();

  class Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Starts a Server and blocks until SIGTERM or SIGINT, then shuts it down
// gracefully. Logs "event=listening address=..." once bound. For `copmap serve`.
Status ServeUntilSignal(const ServerOptions& options, std::unique_ptr<query::Engine> engine);

}  // namespace copmap::server
