// Crash safety: a child process commits transactions and acknowledges each
// through a pipe; it is SIGKILLed at random moments. After every kill the
// store must reopen, Check() must be clean, every acknowledged transaction
// must be there whole, and no partial transaction may be visible.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <random>
#include <set>

#include <gtest/gtest.h>

#include "storage/graph_store.h"
#include "tests/storage/temp_store.h"

namespace copmap::storage::test {
namespace {

constexpr int kKills = 24;

// Starts the writer with stdout on a pipe; returns its pid and the read end.
std::pair<pid_t, int> SpawnWriter(const std::string& db, int64_t first_txn) {
  int fds[2];
  EXPECT_EQ(::pipe(fds), 0);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(fds[1], STDOUT_FILENO);
    ::close(fds[0]);
    ::close(fds[1]);
    std::string first = std::to_string(first_txn);
    ::execl(COPMAP_CRASH_WRITER, COPMAP_CRASH_WRITER, db.c_str(), first.c_str(), nullptr);
    ::_exit(127);
  }
  ::close(fds[1]);
  return {pid, fds[0]};
}

// Reads acknowledged transaction numbers for `run_for` (counted from the
// first acknowledgement when `after_first_ack`, so that a slow open does not
// eat the run), then kills the writer and drains what it had already written.
std::vector<int64_t> RunAndKill(pid_t pid, int fd, std::chrono::milliseconds run_for,
                                bool after_first_ack) {
  std::vector<int64_t> acked;
  std::string pending;
  auto drain = [&](int timeout_ms) {
    pollfd p{fd, POLLIN, 0};
    while (::poll(&p, 1, timeout_ms) > 0) {
      char buf[4096];
      ssize_t n = ::read(fd, buf, sizeof buf);
      if (n <= 0) return;
      pending.append(buf, n);
      size_t nl;
      while ((nl = pending.find('\n')) != std::string::npos) {
        acked.push_back(std::stoll(pending.substr(0, nl)));
        pending.erase(0, nl + 1);
      }
      timeout_ms = 0;
    }
  };
  auto start = std::chrono::steady_clock::now();
  if (after_first_ack) {
    while (acked.empty() && std::chrono::steady_clock::now() < start + std::chrono::seconds(10)) {
      drain(5);
    }
    start = std::chrono::steady_clock::now();
  }
  while (std::chrono::steady_clock::now() < start + run_for) drain(5);
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  drain(0);
  ::close(fd);
  EXPECT_TRUE(WIFSIGNALED(status)) << "the writer exited by itself with status " << status;
  return acked;
}

TEST(CrashTest, AcknowledgedTransactionsSurviveSigkillWholeAndAlone) {
  TempDir dir;
  std::string db = dir.Sub("db");
  {
    auto store = OpenOrDie(db);
    auto t = store->Begin();
    LabelId hub = Must(t->GetOrCreateLabel("Hub"));
    Must(t->CreateNode({hub}, {}));
    MustOk(t->Commit());
  }
  std::mt19937 rng(20240601);
  std::set<int64_t> acknowledged;
  int64_t next_txn = 1;
  for (int round = 0; round < kKills; ++round) {
    auto [pid, fd] = SpawnWriter(db, next_txn);
    // Most kills land among commits; every fourth may land during open/recovery.
    bool among_commits = round % 4 != 3;
    std::uniform_int_distribution<int> ms(0, among_commits ? 150 : 250);
    for (int64_t a : RunAndKill(pid, fd, std::chrono::milliseconds(ms(rng)), among_commits)) {
      acknowledged.insert(a);
    }

    auto store = OpenOrDie(db);
    ASSERT_NE(store, nullptr);
    auto violations = ViolationTexts(*store);
    ASSERT_TRUE(violations.empty()) << "round " << round << ": " << violations.front();
    auto t = store->Begin(TransactionOptions{.read_only = true});
    LabelId crash_label = t->FindLabel("Crash").value_or(0);
    PropKeyId txn_key = t->FindPropKey("txn").value_or(0);
    PropKeyId part_key = t->FindPropKey("part").value_or(0);
    std::map<int64_t, std::set<int64_t>> parts;  // txn -> parts present
    std::map<int64_t, std::vector<NodeId>> nodes;
    if (t->FindLabel("Crash")) {
      for (auto it = t->ScanLabel(crash_label); it->Valid(); it->Next()) {
        NodeRecord n = Must(t->GetNode(it->id()));
        int64_t txn = Must(t->GetNodeProperty(n.id, txn_key)).as_int();
        parts[txn].insert(Must(t->GetNodeProperty(n.id, part_key)).as_int());
        nodes[txn].push_back(n.id);
      }
    }
    for (const auto& [txn, p] : parts) {
      EXPECT_EQ(p, (std::set<int64_t>{0, 1, 2})) << "partial transaction " << txn;
      // Each part carries exactly its relationships: 0->1->2->hub.
      uint64_t links = 0;
      for (NodeId n : nodes[txn]) links += Must(t->Degree(n, Direction::kOut, std::nullopt));
      EXPECT_EQ(links, 3u) << "transaction " << txn << " lost relationships";
    }
    for (int64_t a : acknowledged) {
      EXPECT_TRUE(parts.count(a)) << "acknowledged transaction " << a << " is missing";
    }
    if (!parts.empty()) next_txn = std::max(next_txn, parts.rbegin()->first + 1);
    if (::testing::Test::HasFailure()) break;
  }
  EXPECT_GT(acknowledged.size(), 20u) << "the writer hardly ran; the test proved little";
}

}  // namespace
}  // namespace copmap::storage::test
