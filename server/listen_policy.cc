#include "server/listen_policy.h"

#include <charconv>

namespace copmap::server {

Status SplitHostPort(std::string_view listen, std::string* host, int* port) {
  const std::string quoted = "'" + std::string(listen) + "'";
  size_t colon;
  if (listen.starts_with('[')) {
    const size_t close = listen.find(']');
    if (close == std::string_view::npos || close + 1 >= listen.size() || listen[close + 1] != ':') {
      return Status::InvalidArgument("listen address " + quoted + ": expected [ipv6]:port");
    }
    *host = std::string(listen.substr(1, close - 1));
    colon = close + 1;
  } else {
    colon = listen.rfind(':');
    if (colon == std::string_view::npos || listen.find(':') != colon) {
      return Status::InvalidArgument("listen address " + quoted +
                                     ": expected host:port (IPv6 as [addr]:port)");
    }
    *host = std::string(listen.substr(0, colon));
  }
  std::string_view port_text = listen.substr(colon + 1);
  int value = -1;
  auto [end, err] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), value);
  if (port_text.empty() || err != std::errc() || end != port_text.data() + port_text.size() ||
      value < 0 || value > 65535) {
    return Status::InvalidArgument("listen address " + quoted + ": port '" +
                                   std::string(port_text) + "' is not a number in 0..65535");
  }
  if (host->empty()) {
    return Status::InvalidArgument("listen address " + quoted + ": the host is missing");
  }
  *port = value;
  return Status::OK();
}

bool IsLoopbackHost(std::string_view host) {
  if (host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1") return true;
  // 127.0.0.0/8, written as a dotted quad.
  if (!host.starts_with("127.")) return false;
  int parts = 0;
  size_t pos = 0;
  while (pos <= host.size()) {
    size_t dot = host.find('.', pos);
    if (dot == std::string_view::npos) dot = host.size();
    std::string_view part = host.substr(pos, dot - pos);
    int octet = -1;
    auto [end, err] = std::from_chars(part.data(), part.data() + part.size(), octet);
    if (part.empty() || err != std::errc() || end != part.data() + part.size() || octet > 255) {
      return false;
    }
    ++parts;
    pos = dot + 1;
  }
  return parts == 4;
}

Status CheckListenPolicy(const ServerOptions& options) {
  std::string host;
  int port = 0;
  COPMAP_RETURN_IF_ERROR(SplitHostPort(options.listen, &host, &port));
  if (options.tls_cert_file.empty() != options.tls_key_file.empty()) {
    return Status::InvalidArgument("TLS needs both --tls-cert and --tls-key");
  }
  if (!options.tls_client_ca_file.empty() && options.tls_cert_file.empty()) {
    return Status::InvalidArgument("--tls-client-ca needs --tls-cert and --tls-key");
  }
  if (IsLoopbackHost(host) || options.insecure) return Status::OK();
  const bool tls = !options.tls_cert_file.empty();
  const bool tokens = !options.tokens_file.empty();
  if (tls && tokens) return Status::OK();
  std::string missing = !tls && !tokens ? "TLS (--tls-cert/--tls-key) and tokens (--tokens)"
                        : !tls          ? "TLS (--tls-cert/--tls-key)"
                                        : "tokens (--tokens)";
  return Status::InvalidArgument("refusing to listen on " + options.listen +
                                 " (not loopback) without " + missing +
                                 "; add them, or pass --insecure to accept the risk");
}

}  // namespace copmap::server
