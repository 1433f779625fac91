// The inline fast path (server/fast_reads.h): a read seen to be quick runs on
// the gRPC thread, with the same answers, limits and permissions as on a
// worker; when its answer turns out to need more than one message, a worker
// runs it afresh and streams every row.
#include <gtest/gtest.h>

#include "tests/server/heavy_query.h"
#include "tests/server/test_server.h"

namespace copmap::server::testing {
namespace {

constexpr char kUpTo[] = "MATCH (n:N) WHERE n.i <= $k RETURN n.i ORDER BY n.i";

QueryOutcome UpTo(v1::Copmap::Stub& stub, int k, uint32_t batch_size) {
  v1::QueryRequest request;
  request.set_batch_size(batch_size);
  return RunQuery(stub, kReaderToken, kUpTo, {{"k", Value(k)}}, request);
}

TEST(ServerFastPathTest, RepeatedReadsAnswerAsOnAWorkerAndLargeAnswersFallBack) {
  TestServer server;
  LoadGrid(server);
  auto stub = server.Stub();
  // The first run is a worker's; it finds the statement small and quick, so
  // the next ones may run inline. Every answer is the same either way.
  for (int k = 1; k <= 5; ++k) {
    QueryOutcome out = UpTo(*stub, k, 10);
    ASSERT_TRUE(out.status.ok()) << out.status.error_message();
    ASSERT_EQ(out.rows.size(), static_cast<size_t>(k));
    EXPECT_EQ(out.rows.back()[0], Value(k));
    EXPECT_EQ(out.messages, 1);
  }
  // Same statement, an answer of 20 batches: an inline run would overflow
  // its one message, so a worker streams it.
  QueryOutcome large = UpTo(*stub, 200, 10);
  ASSERT_TRUE(large.status.ok()) << large.status.error_message();
  ASSERT_EQ(large.rows.size(), 200u);
  for (int i = 0; i < 200; ++i) ASSERT_EQ(large.rows[i][0], Value(i + 1));
  EXPECT_EQ(large.summary.row_count(), 200u);
  EXPECT_EQ(large.messages, 21);  // 20 batches, then the summary
  // And small answers still come right after.
  QueryOutcome small = UpTo(*stub, 3, 10);
  ASSERT_TRUE(small.status.ok()) << small.status.error_message();
  EXPECT_EQ(small.rows.size(), 3u);
  ExpectWorkersReleased(server);
}

TEST(ServerFastPathTest, InlineReadsKeepLimitsAndPermissions) {
  TestServer server;
  LoadGrid(server);
  auto stub = server.Stub();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(UpTo(*stub, 2, 10).status.ok());
  // The row limit holds on the fast path.
  v1::QueryRequest limited;
  limited.set_max_rows(1);
  QueryOutcome over = RunQuery(*stub, kReaderToken, kUpTo, {{"k", Value(2)}}, limited);
  EXPECT_EQ(over.status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  // So does authentication.
  EXPECT_EQ(RunQuery(*stub, "", kUpTo, {{"k", Value(2)}}).status.error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  ExpectWorkersReleased(server);
}

}  // namespace
}  // namespace copmap::server::testing
