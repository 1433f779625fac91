// The C++ example client (examples/clients/cpp) against a real `copmap serve`
// on 127.0.0.1 with a port the kernel picks, on the example organization.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <thread>

#include "tests/docs/markdown_blocks.h"
#include "tests/interchange/test_util.h"

namespace copmap::docs {
namespace {

using copmap::testing::ReadFile;
using copmap::testing::TempDir;

struct ShellRun {
  int code = -1;
  std::string out;
};

ShellRun Shell(const std::string& command) {
  ShellRun r;
  FILE* pipe = ::popen(command.c_str(), "r");
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) r.out.append(buffer, n);
  int status = ::pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// Starts `copmap serve` on port 0 and reads the address it logs.
class Server {
 public:
  explicit Server(const std::string& db, const std::string& log) : log_(log) {
    pid_ = ::fork();
    if (pid_ == 0) {
      FILE* f = std::freopen(log.c_str(), "w", stderr);
      (void)f;
      ::execl(COPMAP_BINARY, COPMAP_BINARY, "serve", "--db", db.c_str(), "--listen", "127.0.0.1:0",
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    std::smatch m;
    const std::regex listening("event=listening address=(\\S+)");
    for (int i = 0; i < 300 && address_.empty(); ++i) {
      std::string text = ReadFile(log_);
      if (std::regex_search(text, m, listening)) address_ = m[1];
      else std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  // SIGTERM, then the exit status (0: a graceful stop).
  int Stop() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  ~Server() {
    if (pid_ > 0) Stop();
  }
  const std::string& address() const { return address_; }

 private:
  std::string log_;
  pid_t pid_ = -1;
  std::string address_;
};

TEST(CppClientTest, RunsAQueryWithAParameterAndReportsErrors) {
  TempDir dir;
  const std::string db = dir / "org.db";
  ShellRun import = Shell(std::string(COPMAP_BINARY) + " import --db " + db + " " + SourceDir() +
                     "/examples/org 2>&1");
  ASSERT_EQ(import.code, 0) << import.out;
  Server server(db, dir / "serve.log");
  ASSERT_FALSE(server.address().empty()) << ReadFile(dir / "serve.log");

  const std::string client = std::string(COPMAP_CPP_CLIENT) + " --target " + server.address();
  ShellRun ok = Shell(client +
                 " --query 'MATCH (p:Person)-[e:EXPERT_IN]->(:Domain {name: $d}) "
                 "WHERE e.level >= $min RETURN p.name AS name, e.level AS level ORDER BY name'"
                 " --param d='hl7 v2 interfaces' --param min=5 2>&1");
  EXPECT_EQ(ok.code, 0) << ok.out;
  EXPECT_TRUE(std::regex_match(ok.out, std::regex("name\tlevel\nMateo Sato\t5\n# 1 rows in [0-9]+ us\n")))
      << ok.out;

  ShellRun bad = Shell(client + " --query 'MATCH (p:Person RETURN p' 2>&1");
  EXPECT_EQ(bad.code, 1) << bad.out;
  EXPECT_NE(bad.out.find("error 3: SyntaxError: 1:17"), std::string::npos) << bad.out;

  EXPECT_EQ(server.Stop(), 0);
}

}  // namespace
}  // namespace copmap::docs
