// Whether the server may listen where it was asked to.
//
// Loopback addresses (127.0.0.0/8, ::1, localhost) are always allowed.
// Anything else (0.0.0.0, a LAN address, a host name) needs both TLS and a
// tokens file, or an explicit `--insecure`.
#pragma once

#include <string>
#include <string_view>

#include "server/server_options.h"
#include "storage/status.h"

namespace copmap::server {

// Splits "host:port" ("[v6]:port" for IPv6). InvalidArgument when malformed
// or the port is not 0..65535.
Status SplitHostPort(std::string_view listen, std::string* host, int* port);

bool IsLoopbackHost(std::string_view host);

// OK, or InvalidArgument saying why listening there is refused and which
// flags would allow it.
Status CheckListenPolicy(const ServerOptions& options);

}  // namespace copmap::server
