// Graceful shutdown as health watchers, new clients and a running query see
// it: health turns NOT_SERVING while the port still accepts connections, then
// the port closes, and a query still running after the grace period is
// cancelled; the store stays usable by its owner.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "tests/server/grpc_probes.h"
#include "tests/server/heavy_query.h"
#include "tests/server/test_server.h"

namespace copmap::server::testing {
namespace {

// Whether a TCP connection to 127.0.0.1:`port` is accepted (the listening
// socket is still open).
bool PortAcceptsConnections(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool accepted = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  close(fd);
  return accepted;
}

// What the observers saw, in the order they saw it.
class Timeline {
 public:
  void Add(const std::string& event) {
    std::lock_guard<std::mutex> lock(mu_);
    events_.push_back(event);
  }
  // Position of `event`, or -1 when it never happened.
  int IndexOf(const std::string& event) const {
    std::lock_guard<std::mutex> lock(mu_);
    for (size_t i = 0; i < events_.size(); ++i) {
      if (events_[i] == event) return static_cast<int>(i);
    }
    return -1;
  }
  std::string ToString() const {
    std::lock_guard<std::mutex> lock(mu_);
    std::string out;
    for (const std::string& event : events_) out += (out.empty() ? "" : ", ") + event;
    return out;
  }

 private:
  mutable std::mutex mu_;
  std::vector<std::string> events_;
};

TEST(ServerShutdownTest, HealthTurnsNotServingBeforeThePortClosesThenRunningQueriesGetTheGrace) {
  ServerOptions options;
  // Generous, so that a loaded machine still delivers the status in time.
  options.drain_notice = std::chrono::milliseconds(1000);
  options.grace_period = std::chrono::milliseconds(300);
  TestServer server(options);
  LoadGrid(server);
  const int port = server.server().port();
  Timeline timeline;

  // A query that outlives the grace period, in flight when shutdown starts.
  auto stub = server.Stub();
  grpc::Status query_status;
  std::chrono::steady_clock::time_point query_end;
  std::thread query([&] {
    grpc::ClientContext context;
    query_status = RunHeavy(*stub, &context);
    query_end = std::chrono::steady_clock::now();
    timeline.Add("query ended");
  });
  ASSERT_TRUE(Eventually([&] { return server.server().running_requests() == 1; }))
      << "the server never started the heavy query";

  // A health watcher (as a load balancer runs) that, on NOT_SERVING, also
  // polls Check (as an orchestrator's probe does).
  auto health_channel = server.Channel();
  HealthWatch watch(health_channel.get(), "copmap.v1.Copmap");
  ASSERT_EQ(watch.Next(), 1) << "the service should be SERVING before shutdown";
  int polled = 0;
  std::thread watcher([&] {
    for (int status = watch.Next(); status != -1; status = watch.Next()) {
      if (status != 2) continue;
      timeline.Add("watch: NOT_SERVING");
      polled = HealthCheck(health_channel.get(), "copmap.v1.Copmap");
      return;
    }
    timeline.Add("watch ended without NOT_SERVING");
  });

  // A new client's view of the port.
  std::atomic<bool> give_up{false};
  std::thread port_prober([&] {
    while (!give_up.load() && PortAcceptsConnections(port)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    timeline.Add(give_up.load() ? "port still open" : "port closed");
  });

  const auto shutdown_start = std::chrono::steady_clock::now();
  server.server().Shutdown();  // returns once every call is done
  query.join();
  watcher.join();
  give_up.store(true);
  port_prober.join();

  SCOPED_TRACE("timeline: " + timeline.ToString());
  const int not_serving = timeline.IndexOf("watch: NOT_SERVING");
  const int port_closed = timeline.IndexOf("port closed");
  const int query_ended = timeline.IndexOf("query ended");
  ASSERT_NE(not_serving, -1);
  ASSERT_NE(port_closed, -1);
  ASSERT_NE(query_ended, -1);
  EXPECT_LT(not_serving, port_closed) << "the port closed before health said NOT_SERVING";
  EXPECT_EQ(polled, 2) << "Check during the drain notice should answer NOT_SERVING";
  // The query outlived the grace period: it ran on after the port closed and
  // was cancelled only then (never cut off when shutdown began).
  EXPECT_LT(port_closed, query_ended);
  EXPECT_FALSE(query_status.ok());
  EXPECT_TRUE(query_status.error_code() == grpc::StatusCode::CANCELLED ||
              query_status.error_code() == grpc::StatusCode::UNAVAILABLE)
      << query_status.error_code() << " " << query_status.error_message();
  // A lower bound only: the server cancels no earlier than that.
  EXPECT_GE(query_end - shutdown_start, options.drain_notice + options.grace_period);
  EXPECT_EQ(server.server().running_requests(), 0u);
  // The store is still usable by its owner after the server let go of it.
  auto count = server.engine().Run("MATCH (n:N) RETURN count(n)");
  ASSERT_TRUE(count.ok()) << count.status().ToString();
  EXPECT_EQ(count->rows[0][0], Value(200));
}

}  // namespace
}  // namespace copmap::server::testing
