// A query that runs for minutes, and the waits around it, for the tests that
// stop running work (deadlines, cancellation, limits, shutdown).
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "tests/server/test_server.h"

namespace copmap::server::testing {

// 200 nodes: a three-way cartesian product is 8,000,000 rows and a four-way
// count 1.6e9 combinations, far beyond any test's patience.
inline void LoadGrid(TestServer& server) {
  auto result = server.engine().Run("UNWIND range(1, 200) AS i CREATE (:N {i: i})");
  ASSERT_TRUE(result.ok()) << result.status().ToString();
}
inline constexpr char kHeavyCount[] = "MATCH (a:N), (b:N), (c:N), (d:N) RETURN count(*)";

// Polls `condition` until it holds. The generous limit only keeps a broken
// server from hanging the test run; it is not a speed requirement.
template <typename Condition>
bool Eventually(Condition condition) {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!condition()) {
    if (std::chrono::steady_clock::now() > give_up) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

// Every admitted request finished: stopped queries released their worker and
// transaction, so the server has its full capacity again.
inline void ExpectWorkersReleased(TestServer& server) {
  EXPECT_TRUE(Eventually([&] { return server.server().running_requests() == 0; }))
      << server.server().running_requests() << " requests still hold a worker";
}

// Runs the heavy count on `context` (set a deadline or cancel it from
// elsewhere) and returns how the call ended.
inline grpc::Status RunHeavy(v1::Copmap::Stub& stub, grpc::ClientContext* context) {
  Authorize(context, kReaderToken);
  v1::QueryRequest request;
  request.set_query(kHeavyCount);
  auto reader = stub.Query(context, request);
  v1::QueryResponse response;
  while (reader->Read(&response)) {
  }
  return reader->Finish();
}

}  // namespace copmap::server::testing
