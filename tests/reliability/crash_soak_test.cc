// Crash soak: a real `copmap serve` process takes concurrent writes from
// several gRPC clients and is SIGKILLed at a random moment, cycle after
// cycle. Each client keeps a ledger of the writes the server acknowledged.
// After every kill the database is reopened and must be clean (Check), hold
// every acknowledged write, and show no partial transaction: a write creates
// two nodes and a relationship and bumps two counters, all or nothing.
//
// Cycles: COPMAP_SOAK_CYCLES (default 20; the `soak` registration sets 200).
#include <chrono>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "query/engine.h"
#include "server/remote_client.h"
#include "tests/reliability/serve_process.h"
#include "tests/storage/temp_store.h"

namespace copmap::reliability {
namespace {

using storage::test::TempDir;

constexpr int kClients = 4;

int CyclesToRun() {
  const char* env = std::getenv("COPMAP_SOAK_CYCLES");
  return env ? std::atoi(env) : 20;
}

// One write: both items, the relationship between them and both counters.
constexpr char kWrite[] =
    "MATCH (x:SoakCounter {client: $c, which: 'x'}), (y:SoakCounter {client: $c, which: 'y'}) "
    "CREATE (:SoakItem {client: $c, seq: $s, part: 0})-[:PAIR {client: $c, seq: $s}]->"
    "(:SoakItem {client: $c, seq: $s, part: 1}) "
    "SET x.n = x.n + 1, y.n = y.n + 1";

struct ClientLedger {
  std::set<int64_t> acknowledged;
  int64_t next_seq = 1;  // never reused: an unacknowledged write may have committed
  uint64_t conflicts = 0;
  std::string last_error;  // why the client stopped (expected: the server died)
};

// Writes until the server stops answering (it was killed) or `stop` is set.
void WriteUntilKilled(const std::string& address, int client, ClientLedger* ledger,
                      const std::atomic<bool>* stop, std::atomic<int>* acks) {
  server::RemoteOptions options;
  options.target = address;
  auto remote = server::RemoteClient::Connect(options);
  if (!remote.ok()) {  // killed before this client connected, or a failure
    ledger->last_error = remote.status().ToString();
    return;
  }
  while (!stop->load()) {
    query::QueryOptions write;
    write.params = {{"c", Value(int64_t{client})}, {"s", Value(ledger->next_seq)}};
    write.timeout = std::chrono::seconds(20);
    auto result = (*remote)->Run(kWrite, write);
    if (result.ok()) {
      ledger->acknowledged.insert(ledger->next_seq++);
      acks->fetch_add(1);
    } else if (result.status().IsConflict()) {
      ++ledger->conflicts;  // retry the same write, as a client would
    } else {
      ++ledger->next_seq;  // outcome unknown: the server died under it
      ledger->last_error = result.status().ToString();
      return;
    }
  }
}

struct Item {
  std::set<int64_t> parts;
  int pairs = 0;
};

// Reopens the killed database in this process and checks every invariant.
// Returns false when the database could not be opened.
bool VerifyAfterCrash(const std::string& db, int cycle, std::vector<ClientLedger>& ledgers) {
  auto engine = query::Engine::Open(db);
  EXPECT_TRUE(engine.ok()) << "cycle " << cycle << ": " << engine.status().ToString();
  if (!engine.ok()) return false;
  auto violations = (*engine)->store().Check();
  EXPECT_TRUE(violations.ok()) << violations.status().ToString();
  if (violations.ok() && !violations->empty()) {
    ADD_FAILURE() << "cycle " << cycle << ": " << violations->size()
                  << " violations, first: " << violations->front().what;
  }
  std::map<std::pair<int64_t, int64_t>, Item> items;  // (client, seq)
  auto nodes = (*engine)->Run("MATCH (a:SoakItem) RETURN a.client, a.seq, a.part");
  EXPECT_TRUE(nodes.ok()) << nodes.status().ToString();
  for (const auto& row : nodes->rows) items[{row[0].as_int(), row[1].as_int()}].parts.insert(row[2].as_int());
  auto pairs = (*engine)->Run(
      "MATCH (a:SoakItem {part: 0})-[r:PAIR]->(b:SoakItem {part: 1}) "
      "WHERE a.client = r.client AND b.client = r.client AND a.seq = r.seq AND b.seq = r.seq "
      "RETURN r.client, r.seq");
  EXPECT_TRUE(pairs.ok()) << pairs.status().ToString();
  for (const auto& row : pairs->rows) ++items[{row[0].as_int(), row[1].as_int()}].pairs;
  auto all_rels = (*engine)->Run("MATCH ()-[r]->() RETURN count(r)");
  EXPECT_EQ(all_rels->rows[0][0].as_int(), int64_t(pairs->rows.size()))
      << "cycle " << cycle << ": a relationship outside a well-formed pair";

  std::map<int64_t, int64_t> items_per_client;
  for (const auto& [key, item] : items) {
    EXPECT_EQ(item.parts, (std::set<int64_t>{0, 1}))
        << "cycle " << cycle << ": partial write client " << key.first << " seq " << key.second;
    EXPECT_EQ(item.pairs, 1) << "cycle " << cycle << ": write client " << key.first << " seq "
                             << key.second << " has " << item.pairs << " relationships";
    ++items_per_client[key.first];
    EXPECT_LT(key.second, ledgers[key.first].next_seq) << "a write no client sent";
  }
  auto counters = (*engine)->Run("MATCH (k:SoakCounter) RETURN k.client, k.which, k.n");
  EXPECT_EQ(counters->rows.size(), 2u * kClients);
  for (const auto& row : counters->rows) {
    EXPECT_EQ(row[2].as_int(), items_per_client[row[0].as_int()])
        << "cycle " << cycle << ": counter " << row[1].ToString() << " of client "
        << row[0].as_int() << " disagrees with the writes present";
  }
  for (int c = 0; c < kClients; ++c) {
    for (int64_t seq : ledgers[c].acknowledged) {
      EXPECT_TRUE(items.count({c, seq}))
          << "cycle " << cycle << ": acknowledged write client " << c << " seq " << seq
          << " is missing";
    }
  }
  return true;
}

TEST(CrashSoakTest, AcknowledgedWritesSurviveSigkillOfTheServerWholeAndAlone) {
  TempDir dir;
  const std::string db = dir.Sub("db");
  {
    auto engine = query::Engine::Open(db);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    for (int c = 0; c < kClients; ++c) {
      auto r = (*engine)->Run(
          "CREATE (:SoakCounter {client: $c, which: 'x', n: 0}), "
          "(:SoakCounter {client: $c, which: 'y', n: 0})",
          {.params = {{"c", Value(int64_t{c})}}});
      ASSERT_TRUE(r.ok()) << r.status().ToString();
    }
  }
  const int cycles = CyclesToRun();
  std::vector<ClientLedger> ledgers(kClients);
  std::mt19937 rng(20261123);
  std::uniform_int_distribution<int> run_ms(10, 250);
  const auto started = std::chrono::steady_clock::now();
  int cycles_done = 0;
  for (int cycle = 0; cycle < cycles; ++cycle) {
    ServeProcess server(COPMAP_BINARY, db, dir.Sub("serve.log"));
    ASSERT_FALSE(server.address().empty()) << "cycle " << cycle << ": the server did not start\n"
                                           << server.Log();
    for (auto& l : ledgers) l.last_error.clear();
    std::atomic<bool> stop{false};
    std::atomic<int> acks{0};
    std::vector<std::thread> writers;
    for (int c = 0; c < kClients; ++c) {
      writers.emplace_back(WriteUntilKilled, server.address(), c, &ledgers[c], &stop, &acks);
    }
    // Kill among writes: after the first acknowledgement, a random moment later.
    const auto wait_for_ack = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (acks.load() == 0 && std::chrono::steady_clock::now() < wait_for_ack) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (acks.load() == 0) {
      stop = true;
      for (auto& w : writers) w.join();
      std::string errors;
      for (const auto& l : ledgers) errors += "  client: " + l.last_error + "\n";
      ADD_FAILURE() << "cycle " << cycle << ": no write was acknowledged\n"
                    << errors << server.Log();
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(run_ms(rng)));
    EXPECT_TRUE(server.Kill()) << "the server exited by itself\n" << server.Log();
    stop = true;
    for (auto& w : writers) w.join();
    ASSERT_TRUE(VerifyAfterCrash(db, cycle, ledgers));
    if (::testing::Test::HasFailure()) break;
    ++cycles_done;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  size_t acknowledged = 0;
  uint64_t conflicts = 0;
  for (const auto& l : ledgers) acknowledged += l.acknowledged.size(), conflicts += l.conflicts;
  std::printf("crash soak: %d cycles, %d clients, %zu acknowledged writes, %llu conflicts "
              "retried, %.1f s\n",
              cycles_done, kClients, acknowledged, static_cast<unsigned long long>(conflicts), seconds);
  EXPECT_EQ(cycles_done, cycles);
  EXPECT_GE(acknowledged, size_t(cycles)) << "the writers hardly ran; the test proved little";
}

}  // namespace
}  // namespace copmap::reliability
