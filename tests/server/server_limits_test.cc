// Deadlines, cancellation, message size, concurrency limit and slow readers:
// the server stops work it should stop and stays healthy.
#include <gtest/gtest.h>

#include <thread>

#include "server/error_mapping.h"
#include "tests/server/grpc_probes.h"
#include "tests/server/heavy_query.h"
#include "tests/server/test_server.h"

namespace copmap::server::testing {
namespace {

constexpr char kManyRows[] = "MATCH (a:N), (b:N), (c:N) RETURN a.i, b.i, c.i";

void ExpectHealthyAndServing(TestServer& server) {
  EXPECT_EQ(HealthCheck(server.Channel().get(), "copmap.v1.Copmap"), 1);
  auto stub = server.Stub();
  QueryOutcome out = RunQuery(*stub, kReaderToken, "MATCH (n:N) RETURN count(n)");
  ASSERT_TRUE(out.status.ok()) << out.status.error_message();
  EXPECT_EQ(out.rows[0][0], Value(200));
}

TEST(ServerLimitsTest, ClientDeadlineStopsAHeavyQuery) {
  ServerOptions options;
  options.max_concurrent_requests = 1;
  TestServer server(options);
  LoadGrid(server);
  auto stub = server.Stub();
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(300));
  EXPECT_EQ(RunHeavy(*stub, &context).error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  // With a single worker, the next query runs only if the heavy one stopped.
  ExpectWorkersReleased(server);
  ExpectHealthyAndServing(server);
}

TEST(ServerLimitsTest, RequestTimeoutEndsWithDeadlineExceeded) {
  TestServer server;
  LoadGrid(server);
  auto stub = server.Stub();
  v1::QueryRequest request;
  request.set_timeout_ms(200);
  QueryOutcome out = RunQuery(*stub, kReaderToken, kHeavyCount, {}, request);
  EXPECT_EQ(out.status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  v1::ErrorDetail detail;
  ASSERT_TRUE(ExtractErrorDetail(out.status, &detail));
  EXPECT_EQ(detail.kind(), "Timeout");
  ExpectHealthyAndServing(server);
}

TEST(ServerLimitsTest, ServerDefaultTimeoutAppliesWhenTheClientSetsNone) {
  ServerOptions options;
  options.default_timeout = std::chrono::milliseconds(200);
  TestServer server(options);
  LoadGrid(server);
  auto stub = server.Stub();
  QueryOutcome out = RunQuery(*stub, kReaderToken, kHeavyCount);
  EXPECT_EQ(out.status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
}

TEST(ServerLimitsTest, ClientCancellationStopsAHeavyQuery) {
  ServerOptions options;
  options.max_concurrent_requests = 1;
  TestServer server(options);
  LoadGrid(server);
  auto stub = server.Stub();
  grpc::ClientContext context;
  grpc::Status status;
  std::thread client([&] { status = RunHeavy(*stub, &context); });
  // Cancel once the server has taken the query on (it runs for minutes), so
  // the cancellation has to stop it mid-run rather than before it started.
  const bool admitted = Eventually([&] { return server.server().running_requests() == 1; });
  context.TryCancel();
  client.join();
  ASSERT_TRUE(admitted) << "the server never started the heavy query";
  EXPECT_EQ(status.error_code(), grpc::StatusCode::CANCELLED);
  ExpectWorkersReleased(server);
  ExpectHealthyAndServing(server);
}

TEST(ServerLimitsTest, OversizedRequestAndRowAreRefused) {
  ServerOptions options;
  options.max_message_bytes = 64 << 10;
  TestServer server(options);
  LoadGrid(server);
  auto stub = server.Stub();
  const std::string huge = "RETURN '" + std::string(100 << 10, 'x') + "'";
  QueryOutcome big_request = RunQuery(*stub, kReaderToken, huge);
  EXPECT_EQ(big_request.status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);

  QueryOutcome big_row = RunQuery(*stub, kReaderToken, "RETURN range(1, 30000) AS l");
  EXPECT_EQ(big_row.status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_NE(big_row.status.error_message().find("max message size"), std::string::npos)
      << big_row.status.error_message();
  // Many rows that each fit are fine: they are spread over several messages.
  QueryOutcome many = RunQuery(*stub, kReaderToken, "UNWIND range(1, 30000) AS x RETURN x");
  ASSERT_TRUE(many.status.ok()) << many.status.error_message();
  EXPECT_EQ(many.rows.size(), 30000u);
  ExpectHealthyAndServing(server);
}

// Opens a streaming query, reads its first message and stops reading.
struct StalledQuery {
  grpc::ClientContext context;
  std::unique_ptr<grpc::ClientReader<v1::QueryResponse>> reader;
  bool first_read = false;

  StalledQuery(v1::Copmap::Stub& stub) {
    Authorize(&context, kReaderToken);
    v1::QueryRequest request;
    request.set_query(kManyRows);
    request.set_batch_size(1);
    reader = stub.Query(&context, request);
    v1::QueryResponse response;
    first_read = reader->Read(&response);
  }
  grpc::Status Cancel() {
    context.TryCancel();
    v1::QueryResponse response;
    while (reader->Read(&response)) {
    }
    return reader->Finish();
  }
};

TEST(ServerLimitsTest, TooManyConcurrentQueriesFailFast) {
  ServerOptions options;
  options.max_concurrent_requests = 2;
  TestServer server(options);
  LoadGrid(server);
  auto stub = server.Stub();
  StalledQuery first(*stub);
  StalledQuery second(*stub);
  ASSERT_TRUE(first.first_read);
  ASSERT_TRUE(second.first_read);
  QueryOutcome third = RunQuery(*stub, kReaderToken, "RETURN 1");
  EXPECT_EQ(third.status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_NE(third.status.error_message().find("server busy"), std::string::npos);
  v1::StatsResponse stats;
  grpc::ClientContext context;
  Authorize(&context, kReaderToken);
  EXPECT_EQ(stub->Stats(&context, v1::StatsRequest(), &stats).error_code(),
            grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(first.Cancel().error_code(), grpc::StatusCode::CANCELLED);
  EXPECT_EQ(second.Cancel().error_code(), grpc::StatusCode::CANCELLED);
  ExpectWorkersReleased(server);
  ExpectHealthyAndServing(server);
}

TEST(ServerLimitsTest, AClientThatStopsReadingHoldsOnlyItsOwnWorker) {
  ServerOptions options;
  // One worker for the stalled reader, one for the sequential queries: a
  // worker frees its slot before its client sees the end of the call.
  options.max_concurrent_requests = 2;
  TestServer server(options);
  LoadGrid(server);
  auto stub = server.Stub();
  StalledQuery stalled(*stub);
  ASSERT_TRUE(stalled.first_read);
  // While one reader stalls, the other worker keeps serving.
  for (int i = 0; i < 20; ++i) {
    QueryOutcome out = RunQuery(*stub, kReaderToken, "MATCH (n:N {i: $i}) RETURN n.i", {{"i", Value(i + 1)}});
    ASSERT_TRUE(out.status.ok()) << out.status.error_message();
    EXPECT_EQ(out.rows[0][0], Value(i + 1));
  }
  EXPECT_EQ(stalled.Cancel().error_code(), grpc::StatusCode::CANCELLED);
  ExpectWorkersReleased(server);
}

}  // namespace
}  // namespace copmap::server::testing
