// The Python example clients (examples/clients/python, Debian's python3-grpcio)
// against a real server: copmap_client.py loads our .proto, checks health and
// runs a query with a parameter on the example organization; reflect.py works
// from server reflection alone.
#include <gtest/gtest.h>

#include <regex>

#include "tests/server/run_command.h"
#include "tests/server/test_server.h"

namespace copmap::server::testing {
namespace {

std::string ClientCommand(const TestServer& server, const std::string& token,
                          const std::string& query, const std::string& extra = "") {
  return "/usr/bin/python3 " + SourceDir() + "/examples/clients/python/copmap_client.py" +
         " --target " + server.target() + " --stubs-dir " + server.dir() + "/py-stubs" +
         (token.empty() ? "" : " --token " + token) + " --query '" + query + "' " + extra +
         " 2>&1";
}

TEST(PythonClientTest, ChecksHealthAndRunsAQuery) {
  TestServer server;
  server.LoadExample();
  int exit_code = -1;
  const std::string out = RunCommand(
      ClientCommand(server, kReaderToken,
                    "MATCH (p:Person)-[e:EXPERT_IN]->(d:Domain {name: $d}) "
                    "RETURN p.name AS name, e.level AS level, p.joined AS joined ORDER BY level DESC",
                    "--param d=kubernetes"),
      &exit_code);
  ASSERT_EQ(exit_code, 0) << out;
  // Elapsed time varies; everything else is exact.
  const std::string stable =
      std::regex_replace(out, std::regex("\"elapsed_micros\": [0-9]+"), "\"elapsed_micros\": T");
  EXPECT_EQ(stable,
            "{\"health\": \"SERVING\"}\n"
            "{\"columns\": [\"name\", \"level\", \"joined\"]}\n"
            "{\"row\": [\"Ada\", 5, \"2019-05-02\"]}\n"
            "{\"row\": [\"Bob\", 3, \"2020-01-15\"]}\n"
            "{\"summary\": {\"rows\": 2, \"elapsed_micros\": T, \"counters\": {"
            "\"nodes_created\": 0, \"nodes_deleted\": 0, \"relationships_created\": 0, "
            "\"relationships_deleted\": 0, \"properties_set\": 0, \"labels_added\": 0, "
            "\"labels_removed\": 0, \"indexes_added\": 0, \"indexes_removed\": 0, "
            "\"contains_updates\": false}}}\n");
}

TEST(PythonClientTest, ReportsAuthAndQueryErrors) {
  TestServer server;
  server.LoadExample();
  int exit_code = -1;
  std::string out = RunCommand(ClientCommand(server, "", "RETURN 1"), &exit_code);
  EXPECT_EQ(exit_code, 1) << out;
  EXPECT_NE(out.find("\"code\": \"UNAUTHENTICATED\""), std::string::npos) << out;
  out = RunCommand(ClientCommand(server, kReaderToken, "CREATE (:Domain {name: \"x\"})"), &exit_code);
  EXPECT_EQ(exit_code, 1) << out;
  EXPECT_NE(out.find("\"code\": \"PERMISSION_DENIED\""), std::string::npos) << out;
}

// grpcurl-style: the services listed through reflection v1 and v1alpha, and a
// call built only from the descriptors the server sent (no copmap .proto).
TEST(PythonClientTest, ListsAndCallsThroughReflectionOnly) {
  TestServer server;
  server.LoadExample();
  int exit_code = -1;
  const std::string out = RunCommand(
      "/usr/bin/python3 " + SourceDir() + "/examples/clients/python/reflect.py --target " +
          server.target() + " --stubs-dir " + server.dir() + "/py-reflection --token " +
          kReaderToken + " 2>&1",
      &exit_code);
  ASSERT_EQ(exit_code, 0) << out;
  const std::string services =
      "[\"copmap.v1.Copmap\", \"grpc.health.v1.Health\", \"grpc.reflection.v1.ServerReflection\", "
      "\"grpc.reflection.v1alpha.ServerReflection\"]";
  const std::string expected_start =
      "{\"v1\": " + services + "}\n{\"v1alpha\": " + services + "}\n{\"stats\": {";
  EXPECT_EQ(out.substr(0, expected_start.size()), expected_start) << out;
  EXPECT_NE(out.find("\"node_count\": \"8\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"relationship_count\": \"15\""), std::string::npos) << out;
}

}  // namespace
}  // namespace copmap::server::testing
