// ServerOptions: everything `copmap serve` can configure, with the defaults
// the server uses when a flag is not given.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace copmap::server {

enum class LogLevel : uint8_t { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3, kOff = 4 };

struct ServerOptions {
  // host:port to listen on; port 0 picks a free port (see Server::port()).
  // IPv6 hosts go in brackets: "[::1]:7687".
  std::string listen = "127.0.0.1:7688";

  // Tokens file (see server/auth.h). Empty: authentication is off and every
  // caller acts as admin, which is allowed only on loopback or with insecure.
  std::string tokens_file;

  // TLS: PEM certificate chain and private key; both or neither. With
  // tls_client_ca the server also requires and verifies client certificates.
  std::string tls_cert_file;
  std::string tls_key_file;
  std::string tls_client_ca_file;

  // Allows listening beyond loopback without both TLS and tokens.
  bool insecure = false;

  // Largest message the server receives or sends.
  int max_message_bytes = 16 << 20;
  // Requests (queries, imports, exports, renders...) running at once; one
  // more fails at once with RESOURCE_EXHAUSTED (nothing queues).
  int max_concurrent_requests = 64;
  // Rows a query may return; a request may ask for fewer, never more.
  uint64_t max_rows_per_query = 1'000'000;
  // Time a query may run when the client sets neither a deadline nor a
  // timeout; a client may ask for less, never more.
  std::chrono::milliseconds default_timeout{std::chrono::seconds(60)};
  std::chrono::milliseconds max_timeout{std::chrono::minutes(10)};
  // Rows per streamed batch when the request does not say, and the bytes a
  // batch aims to stay under.
  uint32_t batch_rows = 256;
  uint32_t batch_bytes = 1 << 20;
  // Runs statements seen to be quick, small reads on the gRPC thread that
  // received the call, sparing two thread hand-overs (see fast_reads.h).
  bool inline_fast_reads = true;
  // Bytes an Import may upload in total (spooled to a temporary directory).
  uint64_t max_import_bytes = 1ull << 30;

  // On shutdown, health turns NOT_SERVING and the server keeps accepting calls
  // for this long, so that health watchers and pollers (load balancers,
  // orchestrators) see it before the port closes; then it stops accepting.
  // Set it to the probes' polling interval behind a load balancer.
  std::chrono::milliseconds drain_notice{250};
  // Then: how long running requests may finish before being cancelled.
  std::chrono::milliseconds grace_period{std::chrono::seconds(10)};

  // Directory under which Backup writes; empty disables Backup.
  std::string backup_root;

  LogLevel log_level = LogLevel::kInfo;
};

}  // namespace copmap::server
