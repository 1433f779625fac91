// RequestLog: one line per request on stderr.
//
// Format (one line, fields separated by one space, values without spaces
// unless quoted):
//
//   2026-11-23T10:45:38.123Z INFO method=Query role=reader principal=dashboards
//       peer=ipv4:127.0.0.1:51234 status=OK duration_ms=0.412 rows=3
//
// `status` is the gRPC status code name; failed requests add
// error="<first line of the message>". Requests that fail with INTERNAL or
// DATA_LOSS log at ERROR, other failures at WARN, successes at INFO. Server
// events (listening, shutting down) log as `event=...` at INFO.
//
// Thread safety: Write() may be called from any thread; lines never interleave.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "server/server_options.h"

namespace copmap::server {

struct RequestRecord {
  std::string_view method;
  std::string_view role;
  std::string_view principal;
  std::string peer;
  int status_code = 0;          // grpc::StatusCode
  std::string error;            // empty when OK
  std::chrono::nanoseconds duration{0};
  std::optional<uint64_t> rows; // for Query
};

class RequestLog {
 public:
  explicit RequestLog(LogLevel level) : level_(level) {}

  void Request(const RequestRecord& record);
  void Event(LogLevel level, std::string_view text);

  // Parses "debug", "info", "warn", "error", "off".
  static std::optional<LogLevel> ParseLevel(std::string_view name);
  // "OK", "CANCELLED", ... for a grpc::StatusCode value.
  static std::string_view StatusName(int code);

 private:
  void Write(LogLevel level, const std::string& body);

  LogLevel level_;
  std::mutex mu_;
};

}  // namespace copmap::server
