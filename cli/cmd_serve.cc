// copmap serve: runs the gRPC service on a database until SIGTERM or SIGINT.
#include <charconv>
#include <chrono>
#include <cmath>

#include "cli/command.h"
#include "server/server.h"

namespace copmap::cli {
namespace {

struct ServeArgs {
  std::string db;
  std::string listen = "127.0.0.1:7688";
  std::string tokens;
  std::string tls_cert;
  std::string tls_key;
  std::string tls_client_ca;
  bool insecure = false;
  std::string log_level = "info";
  std::string backup_root;
  std::string drain_notice = "0.25";
};

// A drain notice longer than this is surely a typo (minutes for seconds).
constexpr double kMaxDrainNoticeSeconds = 3600;

// "5", "0.25": seconds, as load balancers' probe intervals are written.
Result<std::chrono::milliseconds> ParseDrainNotice(const std::string& text) {
  double seconds = -1;
  const char* end = text.data() + text.size();
  auto [stop, error] = std::from_chars(text.data(), end, seconds);
  if (text.empty() || error != std::errc() || stop != end || !std::isfinite(seconds) ||
      seconds < 0 || seconds > kMaxDrainNoticeSeconds) {
    return Status::InvalidArgument(
        "--drain-notice: expected seconds from 0 to " +
        std::to_string(static_cast<int>(kMaxDrainNoticeSeconds)) + " (e.g. 5 or 0.25), got '" +
        text + "'");
  }
  return std::chrono::milliseconds(std::llround(seconds * 1000));
}

server::LogLevel ParseLogLevel(const std::string& name) {
  if (name == "debug") return server::LogLevel::kDebug;
  if (name == "warn") return server::LogLevel::kWarn;
  if (name == "error") return server::LogLevel::kError;
  if (name == "off") return server::LogLevel::kOff;
  return server::LogLevel::kInfo;
}

int RunServe(const ServeArgs& args) {
  Result<std::chrono::milliseconds> drain_notice = ParseDrainNotice(args.drain_notice);
  if (!drain_notice.ok()) return FailWith("serve", drain_notice.status(), kExitUsage);
  server::ServerOptions options;
  options.drain_notice = *drain_notice;
  options.listen = args.listen;
  options.tokens_file = args.tokens;
  options.tls_cert_file = args.tls_cert;
  options.tls_key_file = args.tls_key;
  options.tls_client_ca_file = args.tls_client_ca;
  options.insecure = args.insecure;
  options.log_level = ParseLogLevel(args.log_level);
  options.backup_root = args.backup_root;
  auto store = OpenStore(args.db, /*create=*/false);
  if (!store.ok()) return FailWith("serve", store.status(), kExitIoError);
  Status status = server::ServeUntilSignal(options, query::Engine::Wrap(std::move(*store)));
  if (!status.ok()) return Fail("serve", status);
  return kExitOk;
}

}  // namespace

Command ServeCommand() {
  auto args = std::make_shared<ServeArgs>();
  Command c{"serve",
            "Serve the database over gRPC (copmap.v1.Copmap, health, reflection) until SIGTERM "
            "or SIGINT."};
  c.options = {
      DbOption(&args->db),
      {"--listen", "HOST:PORT to listen on (port 0: any free port, logged at start)",
       &args->listen},
      {"--tokens", "tokens file (see docs/GRPC.md); without it only loopback is allowed unless "
                   "--insecure", &args->tokens},
      {"--tls-cert", "PEM certificate chain", &args->tls_cert},
      {"--tls-key", "PEM private key", &args->tls_key},
      {"--tls-client-ca", "require client certificates signed by this CA", &args->tls_client_ca},
      {"--insecure", "allow listening beyond loopback without TLS and tokens", &args->insecure},
      {"--log-level", "log level", &args->log_level, false, "", {"debug", "info", "warn", "error", "off"}},
      {"--backup-root", "directory under which the Backup call may write (default: disabled)",
       &args->backup_root},
      {"--drain-notice", "on SIGTERM/SIGINT, seconds health says NOT_SERVING while calls are "
                         "still accepted (set it to your load balancer's probe interval)",
       &args->drain_notice},
  };
  c.run = [args] { return RunServe(*args); };
  return c;
}

}  // namespace copmap::cli
