// RemoteClient: runs queries on a copmap server, with the embedded Engine's
// contract, for `copmap query --remote HOST:PORT [--token T]`.
//
//   RemoteOptions remote{.target = "127.0.0.1:7688", .token = token};
//   COPMAP_ASSIGN_OR_RETURN(auto client, RemoteClient::Connect(remote));
//   COPMAP_ASSIGN_OR_RETURN(auto summary, client->Execute(text, options, sink));
//
// Rows reach the RowSink as the stream delivers them, so the command line's
// table/csv/json formatters work unchanged. Errors come back as the copmap
// Status the server had (same kind, same message, e.g. a SyntaxError with
// line, column and caret). This header names no gRPC type.
//
// Thread safety: one RemoteClient may run queries from several threads.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "query/engine.h"
#include "storage/status.h"

namespace copmap::server {

struct RemoteOptions {
  std::string target;   // "host:port"
  std::string token;    // sent as "authorization: Bearer <token>"; empty: none
  // TLS: the CA certificate (PEM) that signed the server's certificate. Empty
  // with tls=false: plaintext.
  bool tls = false;
  std::string tls_ca_file;  // empty with tls: the system's roots
  std::string tls_client_cert_file;  // client certificate for mutual TLS
  std::string tls_client_key_file;
  // How long Connect() waits for the server to be reachable.
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(5)};
  int max_message_bytes = 16 << 20;
};

class RemoteClient {
 public:
  // IOError when the server cannot be reached within connect_timeout.
  static Result<std::unique_ptr<RemoteClient>> Connect(const RemoteOptions& options);
  ~RemoteClient();

  // Like Engine::Execute. options.timeout becomes the call's deadline (and the
  // request's timeout); options.cancel is polled between messages.
  Result<query::QuerySummary> Execute(std::string_view text, const query::QueryOptions& options,
                                      query::RowSink& sink);
  // All rows at once.
  Result<query::QueryResult> Run(std::string_view text, const query::QueryOptions& options = {});

  class Impl;

 private:
  explicit RemoteClient(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace copmap::server
