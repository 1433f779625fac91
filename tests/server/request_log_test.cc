// The request log's line format (documented in docs/GRPC.md) and --log-level
// filtering, read back from stderr.
#include <gtest/gtest.h>

#include <regex>

#include "server/request_log.h"

namespace copmap::server {
namespace {

RequestRecord Record(int status_code, std::string error) {
  RequestRecord record;
  record.method = "Query";
  record.role = "reader";
  record.principal = "dashboards";
  record.peer = "ipv4:127.0.0.1:51234";
  record.status_code = status_code;
  record.error = std::move(error);
  record.duration = std::chrono::microseconds(412);
  record.rows = 3;
  return record;
}

std::string Logged(LogLevel level, const RequestRecord& record) {
  RequestLog log(level);
  ::testing::internal::CaptureStderr();
  log.Request(record);
  return ::testing::internal::GetCapturedStderr();
}

const char kTime[] = "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z ";

TEST(RequestLogTest, OneLinePerRequestInTheDocumentedFormat) {
  const std::string ok = Logged(LogLevel::kInfo, Record(0, ""));
  EXPECT_TRUE(std::regex_match(
      ok, std::regex(std::string(kTime) +
                     "INFO method=Query role=reader principal=dashboards "
                     "peer=ipv4:127\\.0\\.0\\.1:51234 status=OK duration_ms=0\\.412 rows=3\n")))
      << ok;
  const std::string denied =
      Logged(LogLevel::kInfo, Record(7, "PermissionDenied: role reader may not run a query that "
                                        "writes (needs writer)\nsecond line"));
  EXPECT_TRUE(std::regex_match(
      denied,
      std::regex(std::string(kTime) +
                 "WARN method=Query role=reader principal=dashboards peer=ipv4:127\\.0\\.0\\.1:51234 "
                 "status=PERMISSION_DENIED duration_ms=0\\.412 rows=3 error=\"PermissionDenied: role "
                 "reader may not run a query that writes \\(needs writer\\)\"\n")))
      << denied;
}

TEST(RequestLogTest, LevelDropsLinesBelowIt) {
  EXPECT_EQ(Logged(LogLevel::kWarn, Record(0, "")), "");
  EXPECT_NE(Logged(LogLevel::kWarn, Record(1, "Cancelled: stop")), "");
  EXPECT_EQ(Logged(LogLevel::kOff, Record(13, "Internal: boom")), "");
  EXPECT_NE(Logged(LogLevel::kError, Record(13, "Internal: boom")).find(" ERROR "),
            std::string::npos);
}

}  // namespace
}  // namespace copmap::server
