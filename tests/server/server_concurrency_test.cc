// Many clients at once get exactly what embedded execution returns; and the
// RemoteClient (what `copmap query --remote` uses) keeps the Engine contract.
#include <gtest/gtest.h>

#include <atomic>
#include <random>
#include <thread>

#include "server/remote_client.h"
#include "tests/server/test_server.h"

namespace copmap::server::testing {
namespace {

struct Workload {
  std::string text;
  ValueMap params;
};

std::vector<Workload> MixedQueries() {
  std::vector<Workload> queries;
  for (int i = 1; i <= 20; ++i) {
    queries.push_back({"MATCH (n:N {i: $i}) RETURN n.i AS i, n", {{"i", Value(i * 7)}}});
  }
  for (int m = 2; m <= 6; ++m) {
    queries.push_back({"MATCH (n:N) WHERE n.i % $m = 0 RETURN count(n) AS c", {{"m", Value(m)}}});
  }
  for (int k : {1, 10, 300, 2000}) {
    queries.push_back({"UNWIND range(1, $k) AS x RETURN x * 2 AS y", {{"k", Value(k)}}});
  }
  queries.push_back({"MATCH (p:Person)-[e:EXPERT_IN]->(d:Domain) RETURN p.name, e.level, d.name "
                     "ORDER BY p.name", {}});
  queries.push_back({"MATCH p = (a:Person)-[:MENTORS]->(b:Person) RETURN p, a, b", {}});
  queries.push_back({"MATCH (c:Community)<-[m:MEMBER_OF]-(p) RETURN c.name, collect(p.name) AS who, "
                     "count(m) AS n", {}});
  queries.push_back({"RETURN $d AS d, $t AS t, $l AS l",
                     {{"d", Value(Date{19000})},
                      {"t", Value(DateTime{1700000000000000})},
                      {"l", Value(ValueList{Value(1.5), Value("s"), Value()})}}});
  return queries;
}

TEST(ServerConcurrencyTest, ThirtyTwoClientsMatchEmbeddedExecution) {
  TestServer server;
  server.LoadExample();
  ASSERT_TRUE(server.engine().Run("UNWIND range(1, 200) AS i CREATE (:N {i: i})").ok());
  const std::vector<Workload> queries = MixedQueries();
  std::vector<query::QueryResult> expected;
  for (const Workload& w : queries) {
    auto result = server.engine().Run(w.text, query::QueryOptions{.params = w.params});
    ASSERT_TRUE(result.ok()) << w.text << ": " << result.status().ToString();
    expected.push_back(std::move(result).value());
  }

  constexpr int kClients = 32;
  constexpr int kQueriesPerClient = 200;
  std::atomic<int> failures{0};
  std::atomic<int> done{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      RemoteOptions remote;
      remote.target = server.target();
      remote.token = kReaderToken;
      auto client = RemoteClient::Connect(remote);
      if (!client.ok()) {
        ADD_FAILURE() << client.status().ToString();
        failures += kQueriesPerClient;
        return;
      }
      std::mt19937 random(1234 + c);
      for (int q = 0; q < kQueriesPerClient; ++q) {
        const size_t pick = random() % queries.size();
        auto got = (*client)->Run(queries[pick].text,
                                  query::QueryOptions{.params = queries[pick].params});
        if (!got.ok() || got->columns != expected[pick].columns ||
            got->rows != expected[pick].rows) {
          if (failures++ < 5) {
            ADD_FAILURE() << "client " << c << " query " << queries[pick].text << ": "
                          << (got.ok() ? "different rows" : got.status().ToString());
          }
        }
        ++done;
      }
    });
  }
  for (std::thread& t : clients) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(done.load(), kClients * kQueriesPerClient);
}

TEST(RemoteClientTest, KeepsTheEngineContract) {
  TestServer server;
  server.LoadExample();
  RemoteOptions remote;
  remote.target = server.target();
  remote.token = kWriterToken;
  auto client = RemoteClient::Connect(remote);
  ASSERT_TRUE(client.ok()) << client.status().ToString();
  auto created = (*client)->Run("CREATE (:Domain {name: $n})", {.params = {{"n", Value("rust")}}});
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->summary.counters.nodes_created, 1u);
  // Errors come back with their kind and full text.
  auto bad = (*client)->Run("MATCH (d:Domain RETURN d");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kSyntaxError);
  auto embedded = server.engine().Run("MATCH (d:Domain RETURN d");
  EXPECT_EQ(bad.status().ToString(), embedded.status().ToString());

  RemoteOptions nowhere;
  nowhere.target = "127.0.0.1:1";
  nowhere.connect_timeout = std::chrono::milliseconds(200);
  auto unreachable = RemoteClient::Connect(nowhere);
  ASSERT_FALSE(unreachable.ok());
  EXPECT_EQ(unreachable.status().ToString(),
            "IOError: cannot reach the copmap server at 127.0.0.1:1");
}

}  // namespace
}  // namespace copmap::server::testing
