// `copmap serve` and `copmap query --remote` on 127.0.0.1 with a free port:
// the remote output equals the local one, errors keep their text, and the
// server stops on SIGTERM with exit 0, after the drain notice it was given.
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "tests/cli/org_db.h"
#include "tests/server/grpc_probes.h"

namespace {

using copmap::testing::CliResult;
using copmap::testing::OrgDbTest;
using copmap::testing::RunCopmap;
using copmap::testing::ShellQuote;

using ServeCliTest = OrgDbTest;

// A port that was free a moment ago (the kernel does not hand it out again
// at once).
int FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

// `copmap serve --db DB --listen LISTEN ARGS...` in a child, stderr to `log`.
pid_t StartServer(const std::string& db, const std::string& listen, const std::string& log,
                  std::vector<std::string> args = {"--log-level", "warn"}) {
  args.insert(args.begin(), {COPMAP_BINARY, "serve", "--db", db, "--listen", listen});
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    FILE* f = std::freopen(log.c_str(), "w", stderr);
    (void)f;
    ::execv(COPMAP_BINARY, argv.data());
    ::_exit(127);
  }
  return pid;
}

TEST_F(ServeCliTest, RemoteQueriesMatchLocalOnes) {
  const std::string query =
      "MATCH (p:Person)-[:MEMBER_OF]->(c:Community) RETURN c.name AS community, count(p) AS n "
      "ORDER BY n DESC, community LIMIT 5";
  CliResult local = RunCopmap("query --db " + db() + " --format json -e " + ShellQuote(query));
  ASSERT_EQ(local.code, 0) << local.err;

  std::string address = "127.0.0.1:" + std::to_string(FreePort());
  pid_t server = StartServer(db(), address, *dir_ / "serve.log");
  ASSERT_GT(server, 0);
  CliResult remote;
  for (int attempt = 0; attempt < 100; ++attempt) {  // until the server listens
    remote = RunCopmap("query --remote " + address + " --format json -e " + ShellQuote(query));
    if (remote.code == 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(remote.code, 0) << remote.err;
  EXPECT_EQ(remote.out, local.out);

  CliResult table = RunCopmap("query --remote " + address + " -e " + ShellQuote(query));
  EXPECT_NE(table.err.find("5 rows ("), std::string::npos) << table.err;
  CliResult param = RunCopmap("query --remote " + address + " --format csv -p n=6 -e 'RETURN $n * 7 AS x'");
  EXPECT_EQ(param.out, "x\n42\n") << param.err;
  CliResult syntax = RunCopmap("query --remote " + address + " -e 'RETURN (1'");
  EXPECT_EQ(syntax.code, 1);
  EXPECT_NE(syntax.err.find("^"), std::string::npos) << syntax.err;

  ASSERT_EQ(::kill(server, SIGTERM), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(server, &status, 0), server);
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_EQ(RunCopmap("query --remote " + address + " -e 'RETURN 1'").code, 3);
}

// Stops a server started by StartServer and returns its exit code.
int StopServer(pid_t server) {
  if (::kill(server, SIGTERM) != 0) return -1;
  int status = 0;
  if (::waitpid(server, &status, 0) != server || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

TEST_F(ServeCliTest, TokensAreSentAndRolesHold) {
  // sha256("s3cret"), as `printf %s s3cret | sha256sum` prints it.
  copmap::testing::WriteFile(*dir_ / "tokens",
                             "1ec1c26b50d5d3c58d9583181af8076655fe00756bf7285940ba3670f99fcba0 "
                             "reader tests\n");
  std::string address = "127.0.0.1:" + std::to_string(FreePort());
  pid_t server = StartServer(db(), address, *dir_ / "serve2.log", {"--tokens", *dir_ / "tokens"});
  ASSERT_GT(server, 0);
  CliResult ok;
  for (int attempt = 0; attempt < 100; ++attempt) {
    ok = RunCopmap("query --remote " + address + " --token s3cret --format csv -e 'RETURN 1 AS one'");
    if (ok.code == 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(ok.out, "one\n1\n") << ok.err;
  CliResult env = RunCopmap("query --remote " + address + " --format csv -e 'RETURN 2 AS two'");
  EXPECT_NE(env.code, 0) << "no token";
  CliResult wrong = RunCopmap("query --remote " + address + " --token nope -e 'RETURN 1'");
  EXPECT_NE(wrong.code, 0);
  CliResult write = RunCopmap("query --remote " + address +
                              " --token s3cret -e \"CREATE (:Person {email: 'w@x.example'})\"");
  EXPECT_EQ(write.code, 1) << write.err;  // a reader may not write
  EXPECT_EQ(StopServer(server), 0);
}

// With --drain-notice N, SIGTERM turns health NOT_SERVING while the port still
// answers, and the server exits only after the notice.
TEST_F(ServeCliTest, DrainNoticeKeepsAnsweringNotServingBeforeExiting) {
  using copmap::server::testing::HealthCheck;
  constexpr int kNoticeSeconds = 3;  // generous: a loaded machine must still poll within it
  std::string address = "127.0.0.1:" + std::to_string(FreePort());
  const std::string log = *dir_ / "drain.log";
  pid_t server = StartServer(db(), address, log, {"--drain-notice", std::to_string(kNoticeSeconds)});
  ASSERT_GT(server, 0);
  auto channel = grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
  int status = -1;
  for (int attempt = 0; attempt < 200 && status != 1; ++attempt) {  // until it listens
    status = HealthCheck(channel.get(), "copmap.v1.Copmap");
    if (status != 1) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(status, 1) << "the server never answered SERVING";

  const auto term = std::chrono::steady_clock::now();
  ASSERT_EQ(::kill(server, SIGTERM), 0);
  while ((status = HealthCheck(channel.get(), "copmap.v1.Copmap")) == 1) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(status, 2) << "health should answer NOT_SERVING during the notice, not fail";
  EXPECT_EQ(HealthCheck(channel.get(), ""), 2) << "the overall status too";
  // No second SIGTERM (StopServer): the first one is being handled.
  int exit_status = 0;
  ASSERT_EQ(::waitpid(server, &exit_status, 0), server);
  EXPECT_TRUE(WIFEXITED(exit_status) && WEXITSTATUS(exit_status) == 0) << exit_status;
  // A lower bound only: the server sleeps through the notice before it stops.
  EXPECT_GE(std::chrono::steady_clock::now() - term, std::chrono::seconds(kNoticeSeconds));
  EXPECT_NE(copmap::testing::ReadFile(log).find("event=shutting-down drain_notice_ms=3000 "),
            std::string::npos)
      << copmap::testing::ReadFile(log);
}

TEST_F(ServeCliTest, RejectsABadDrainNotice) {
  for (const std::string value : {"abc", "-1", "5s", "3601", "''"}) {
    CliResult r = RunCopmap("serve --db " + db() + " --listen 127.0.0.1:0 --drain-notice " + value);
    EXPECT_EQ(r.code, 2) << value << ": " << r.err;
    EXPECT_NE(r.err.find("copmap serve: InvalidArgument: --drain-notice: expected seconds from 0 "
                         "to 3600 (e.g. 5 or 0.25), got '"),
              std::string::npos)
        << r.err;
  }
}

TEST_F(ServeCliTest, RefusesAPublicAddressWithoutTlsAndTokens) {
  CliResult r = RunCopmap("serve --db " + db() + " --listen 0.0.0.0:" + std::to_string(FreePort()));
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.err.find("copmap serve:"), std::string::npos) << r.err;
}

}  // namespace
