// The Node example client (examples/clients/node: @grpc/grpc-js and
// @grpc/proto-loader) against a real server: health, a query with a
// parameter on the example organization, every value kind, and errors.
//
// Its npm dependencies are installed into the build tree (NODE_CLIENT_DIR) by
// `npm ci` from the committed package-lock.json, preferring npm's offline
// cache; later test processes reuse them while the lock file is unchanged.
// Node and npm come from scripts/install-deps.sh, so their absence is a
// failure, not a skip; so is a registry npm cannot reach, said as such.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "tests/server/run_command.h"
#include "tests/server/test_server.h"

namespace copmap::server::testing {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// What npm prints when it cannot reach the registry (DNS, refused, reset,
// timed out, no route, proxy).
bool LooksLikeNoRegistry(const std::string& npm_output) {
  static const std::regex kNetwork(
      "ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|"
      "ERR_SOCKET_TIMEOUT|network|proxy");
  return std::regex_search(npm_output, kNetwork);
}

// Makes NODE_CLIENT_DIR/node_modules match the example's package-lock.json.
// Returns an empty string on success, else what went wrong.
std::string InstallNodeModules() {
  int code = -1;
  const std::string node = RunCommand("node --version 2>&1", &code);
  if (code != 0) {
    return "node is not installed (`node --version`: " + node +
           "); scripts/install-deps.sh installs Debian's nodejs and npm";
  }
  RunCommand("npm --version 2>&1", &code);
  if (code != 0) return "npm is not installed; scripts/install-deps.sh installs Debian's npm";

  const fs::path example = fs::path(SourceDir()) / "examples/clients/node";
  const fs::path dir = NODE_CLIENT_DIR;
  std::error_code ec;
  fs::create_directories(dir, ec);
  // ctest may run several of these tests at once: one installs, the others wait.
  const int lock = open((dir / ".install.lock").c_str(), O_CREAT | O_RDWR, 0644);
  if (lock < 0 || flock(lock, LOCK_EX) != 0) return "cannot lock " + (dir / ".install.lock").string();
  struct Unlock {
    int fd;
    ~Unlock() { close(fd); }
  } unlock{lock};

  const std::string wanted = ReadAll(example / "package-lock.json");
  if (wanted.empty()) return "missing " + (example / "package-lock.json").string();
  // npm ci leaves node_modules/.package-lock.json behind once it completed.
  if (ReadAll(dir / "package-lock.json") == wanted && fs::exists(dir / "node_modules/.package-lock.json")) {
    return "";
  }
  fs::remove(dir / "package-lock.json", ec);
  for (const char* file : {"package.json", "package-lock.json"}) {
    fs::copy_file(example / file, dir / file, fs::copy_options::overwrite_existing, ec);
    if (ec) return "cannot copy " + (example / file).string() + ": " + ec.message();
  }
  const std::string registry = RunCommand("npm config get registry 2>/dev/null", &code);
  const std::string output = RunCommand(
      "cd " + ShellQuoted(dir.string()) +
          " && npm ci --prefer-offline --ignore-scripts --no-audit --no-fund 2>&1", &code);
  if (code == 0) return "";
  fs::remove(dir / "package-lock.json", ec);  // so that the next run tries again
  if (LooksLikeNoRegistry(output)) {
    return "npm could not reach the registry (" + registry.substr(0, registry.find('\n')) +
           ") to install @grpc/grpc-js and @grpc/proto-loader, and its cache does not hold "
           "them; this test needs the registry once. npm said:\n" + output;
  }
  return "`npm ci` in " + dir.string() + " failed:\n" + output;
}

class NodeClientTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { install_error_ = new std::string(InstallNodeModules()); }
  static void TearDownTestSuite() {
    delete install_error_;
    install_error_ = nullptr;
  }
  void SetUp() override {
    ASSERT_TRUE(install_error_->empty()) << *install_error_;
    server_.LoadExample();
  }

  // Runs the client against the server; its stdout and stderr.
  std::string RunClient(const std::string& token, const std::string& query,
                        const std::string& extra, int* exit_code) {
    return RunCommand("NODE_PATH=" + ShellQuoted(std::string(NODE_CLIENT_DIR) + "/node_modules") +
                          " node " + SourceDir() + "/examples/clients/node/copmap_client.js" +
                          " --target " + server_.target() +
                          (token.empty() ? "" : " --token " + token) + " --query " +
                          ShellQuoted(query) + " " + extra + " 2>&1",
                      exit_code);
  }

  // Runs `query` as a reader, expects success, and returns the output with
  // the summary's elapsed time (which varies) masked.
  std::string RunReadOk(const std::string& query, const std::string& extra = "") {
    int exit_code = -1;
    const std::string out = RunClient(kReaderToken, query, extra, &exit_code);
    EXPECT_EQ(exit_code, 0) << out;
    return std::regex_replace(out, std::regex("\"elapsed_micros\":[0-9]+"), "\"elapsed_micros\":T");
  }

  static std::string* install_error_;
  TestServer server_;
};

std::string* NodeClientTest::install_error_ = nullptr;

TEST_F(NodeClientTest, ChecksHealthAndRunsAQuery) {
  EXPECT_EQ(RunReadOk("MATCH (p:Person)-[e:EXPERT_IN]->(d:Domain {name: $d}) "
                      "RETURN p.name AS name, e.level AS level, p.joined AS joined "
                      "ORDER BY level DESC",
                      "--param d=kubernetes"),
            "{\"health\":\"SERVING\"}\n"
            "{\"columns\":[\"name\",\"level\",\"joined\"]}\n"
            "{\"row\":[\"Ada\",5,\"2019-05-02\"]}\n"
            "{\"row\":[\"Bob\",3,\"2020-01-15\"]}\n"
            "{\"summary\":{\"rows\":2,\"elapsed_micros\":T}}\n");
}

// Every kind of value the client decodes, parameters of each scalar kind
// included (they travel client -> server -> client).
TEST_F(NodeClientTest, DecodesEveryValueKind) {
  EXPECT_EQ(RunReadOk(
      "MATCH path = (p:Person {name: 'Ada'})-[r:EXPERT_IN]->(d:Domain) "
      "RETURN $i AS i, $f AS f, $b AS b, $s AS s, $n AS n, p.joined AS date, "
      "datetime('2024-02-29T12:30:00Z') AS datetime, [1, 'two', [3.5]] AS list, "
      "{k: 'v', n: 2} AS map, labels(p) AS labels, r.level AS level, type(r) AS type, "
      "size(nodes(path)) AS hops, d.name AS domain, path",
      "--param i=9007199254740991 --param f=2.5 --param b=true --param s=text --param n=null"),
            "{\"health\":\"SERVING\"}\n"
            "{\"columns\":[\"i\",\"f\",\"b\",\"s\",\"n\",\"date\",\"datetime\",\"list\",\"map\","
            "\"labels\",\"level\",\"type\",\"hops\",\"domain\",\"path\"]}\n"
            "{\"row\":[9007199254740991,2.5,true,\"text\",null,\"2019-05-02\","
            "\"2024-02-29T12:30:00.000Z\",[1,\"two\",[3.5]],{\"k\":\"v\",\"n\":2},[\"Person\"],5,"
            "\"EXPERT_IN\",2,\"kubernetes\",{\"nodes\":2,\"relationships\":1}]}\n"
            "{\"summary\":{\"rows\":1,\"elapsed_micros\":T}}\n");

  // A node and a relationship come back as objects with their properties.
  const std::string entities =
      RunReadOk("MATCH (p:Person {name: 'Bob'})-[r:EXPERT_IN]->(:Domain) RETURN p, r");
  EXPECT_NE(entities.find("\"labels\":[\"Person\"],\"properties\":{\"email\":\"bob@acme.org\","
                          "\"joined\":\"2020-01-15\",\"name\":\"Bob\"}}"),
            std::string::npos)
      << entities;
  EXPECT_NE(entities.find("\"type\":\"EXPERT_IN\""), std::string::npos) << entities;
  EXPECT_NE(entities.find("\"properties\":{\"level\":3}}"), std::string::npos) << entities;
}

TEST_F(NodeClientTest, ReportsAuthAndQueryErrors) {
  int exit_code = -1;
  std::string out = RunClient("", "RETURN 1", "", &exit_code);
  EXPECT_EQ(exit_code, 1) << out;
  EXPECT_NE(out.find("{\"error\":{\"code\":\"UNAUTHENTICATED\""), std::string::npos) << out;
  out = RunClient(kReaderToken, "CREATE (:Domain {name: 'x'})", "", &exit_code);
  EXPECT_EQ(exit_code, 1) << out;
  EXPECT_NE(out.find("{\"error\":{\"code\":\"PERMISSION_DENIED\""), std::string::npos) << out;
  out = RunClient(kReaderToken, "RETURN (1", "", &exit_code);
  EXPECT_EQ(exit_code, 1) << out;
  EXPECT_NE(out.find("{\"error\":{\"code\":\"INVALID_ARGUMENT\",\"message\":\"SyntaxError: 1:"),
            std::string::npos)
      << out;
}

}  // namespace
}  // namespace copmap::server::testing
