#include "server/request_log.h"

#include <array>
#include <cstdio>
#include <ctime>

namespace copmap::server {
namespace {

std::string_view LevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug: return "DEBUG";
    case LogLevel::kInfo: return "INFO";
    case LogLevel::kWarn: return "WARN";
    case LogLevel::kError: return "ERROR";
    case LogLevel::kOff: return "OFF";
  }
  return "INFO";
}

std::string Timestamp() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t secs = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(millis));
  return buf;
}

// Keeps a log line one line: the first line of the message, quotes escaped.
std::string Quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text.substr(0, text.find('\n'))) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

}  // namespace

std::optional<LogLevel> RequestLog::ParseLevel(std::string_view name) {
  if (name == "debug") return LogLevel::kDebug;
  if (name == "info") return LogLevel::kInfo;
  if (name == "warn") return LogLevel::kWarn;
  if (name == "error") return LogLevel::kError;
  if (name == "off") return LogLevel::kOff;
  return std::nullopt;
}

std::string_view RequestLog::StatusName(int code) {
  static constexpr std::array<std::string_view, 17> kNames = {
      "OK",           "CANCELLED",          "UNKNOWN",        "INVALID_ARGUMENT",
      "DEADLINE_EXCEEDED", "NOT_FOUND",     "ALREADY_EXISTS", "PERMISSION_DENIED",
      "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
      "UNIMPLEMENTED", "INTERNAL",          "UNAVAILABLE",    "DATA_LOSS",
      "UNAUTHENTICATED"};
  if (code < 0 || code >= static_cast<int>(kNames.size())) return "UNKNOWN";
  return kNames[code];
}

void RequestLog::Request(const RequestRecord& r) {
  const LogLevel level = r.status_code == 0                       ? LogLevel::kInfo
                         : (r.status_code == 13 || r.status_code == 15) ? LogLevel::kError
                                                                  : LogLevel::kWarn;
  if (level < level_) return;
  char duration[32];
  std::snprintf(duration, sizeof duration, "%.3f",
                std::chrono::duration<double, std::milli>(r.duration).count());
  std::string body = "method=" + std::string(r.method) + " role=" + std::string(r.role) +
                     " principal=" + std::string(r.principal.empty() ? "-" : r.principal) +
                     " peer=" + (r.peer.empty() ? "-" : r.peer) +
                     " status=" + std::string(StatusName(r.status_code)) +
                     " duration_ms=" + duration;
  if (r.rows) body += " rows=" + std::to_string(*r.rows);
  if (!r.error.empty()) body += " error=" + Quote(r.error);
  Write(level, body);
}

void RequestLog::Event(LogLevel level, std::string_view text) {
  if (level < level_) return;
  Write(level, "event=" + std::string(text));
}

void RequestLog::Write(LogLevel level, const std::string& body) {
  const std::string line = Timestamp() + " " + std::string(LevelName(level)) + " " + body + "\n";
  std::lock_guard<std::mutex> lock(mu_);
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace copmap::server
