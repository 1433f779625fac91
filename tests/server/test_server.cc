#include "tests/server/test_server.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "server/sha256.h"
#include "server/value_codec.h"

namespace copmap::server::testing {

TestServer::TestServer(ServerOptions options, bool with_tokens) {
  std::string pattern = (std::filesystem::temp_directory_path() / "copmap-grpc-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed";
  dir_ = pattern;
  auto engine = query::Engine::Open(dir_ + "/db");
  if (!engine.ok()) {
    ADD_FAILURE() << engine.status().ToString();
    return;
  }
  engine_ = std::move(engine).value();
  if (with_tokens) {
    options.tokens_file = dir_ + "/tokens";
    std::ofstream tokens(options.tokens_file);
    tokens << "# test tokens\n"
           << Sha256Hex(kReaderToken) << " reader test-reader\n"
           << Sha256Hex(kWriterToken) << " writer test-writer\n"
           << Sha256Hex(kAdminToken) << " admin test-admin\n";
  }
  // Most tests shut down with nobody watching health: skip the default drain
  // notice so that they do not each wait for it. A test that sets its own
  // drain notice keeps it.
  if (options.drain_notice == ServerOptions{}.drain_notice) options.drain_notice = {};
  options.listen = "127.0.0.1:0";
  options.backup_root = dir_ + "/backups";
  auto server = Server::Start(options, engine_.get());
  if (!server.ok()) {
    ADD_FAILURE() << server.status().ToString();
    return;
  }
  server_ = std::move(server).value();
}

TestServer::~TestServer() {
  server_.reset();
  engine_.reset();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::string TestServer::target() const { return "127.0.0.1:" + std::to_string(server_->port()); }

std::shared_ptr<grpc::Channel> TestServer::Channel() const {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(64 << 20);
  args.SetMaxSendMessageSize(64 << 20);
  return grpc::CreateCustomChannel(target(), grpc::InsecureChannelCredentials(), args);
}

std::unique_ptr<v1::Copmap::Stub> TestServer::Stub() const { return v1::Copmap::NewStub(Channel()); }

void TestServer::LoadExample() {
  const char* kExample = R"(
    CREATE (acme:Organization {name: 'Acme', kind: 'company'}),
           (k8s:Domain {name: 'kubernetes'}),
           (safety:Domain {name: 'patient safety'}),
           (guild:Community {name: 'Kubernetes Guild', kind: 'overlapping', founded: date('2021-03-01')}),
           (ada:Person {name: 'Ada', email: 'ada@acme.org', joined: date('2019-05-02')}),
           (bob:Person {name: 'Bob', email: 'bob@acme.org', joined: date('2020-01-15')}),
           (cy:Person {name: 'Cy', email: 'cy@acme.org', joined: date('2022-09-30')}),
           (guide:Practice {title: 'Cluster upgrades', kind: 'guide'}),
           (ada)-[:WORKS_AT {since: 2019}]->(acme),
           (bob)-[:WORKS_AT {since: 2020}]->(acme),
           (cy)-[:WORKS_AT {since: 2022}]->(acme),
           (ada)-[:MEMBER_OF {role: 'core'}]->(guild),
           (bob)-[:MEMBER_OF {role: 'active'}]->(guild),
           (cy)-[:MEMBER_OF {role: 'peripheral'}]->(guild),
           (ada)-[:EXPERT_IN {level: 5}]->(k8s),
           (bob)-[:EXPERT_IN {level: 3}]->(k8s),
           (cy)-[:INTERESTED_IN]->(safety),
           (ada)-[:MENTORS {domain: 'kubernetes'}]->(bob),
           (ada)-[:AUTHORED]->(guide),
           (bob)-[:APPLIED]->(guide),
           (guide)-[:ABOUT]->(k8s),
           (guild)-[:FOCUSES_ON]->(k8s),
           (guild)-[:PART_OF]->(acme)
  )";
  auto result = engine_->Run(kExample);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
}

void Authorize(grpc::ClientContext* context, const std::string& token) {
  if (!token.empty()) context->AddMetadata("authorization", "Bearer " + token);
}

QueryOutcome RunQuery(v1::Copmap::Stub& stub, const std::string& token, const std::string& text,
                      const ValueMap& params, v1::QueryRequest request) {
  QueryOutcome outcome;
  request.set_query(text);
  ToProto(params, request.mutable_parameters());
  grpc::ClientContext context;
  Authorize(&context, token);
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  auto reader = stub.Query(&context, request);
  v1::QueryResponse response;
  while (reader->Read(&response)) {
    ++outcome.messages;
    if (response.has_header()) {
      outcome.columns.assign(response.header().columns().begin(), response.header().columns().end());
    }
    for (const v1::Row& row : response.rows()) {
      std::vector<Value> values;
      for (const v1::Value& v : row.values()) {
        Result<Value> value = FromProto(v);
        EXPECT_TRUE(value.ok()) << value.status().ToString();
        values.push_back(value.ok() ? *value : Value());
      }
      outcome.rows.push_back(std::move(values));
    }
    if (response.has_summary()) outcome.summary = response.summary();
  }
  outcome.status = reader->Finish();
  return outcome;
}

grpc::Status ExportGraph(v1::Copmap::Stub& stub, const std::string& token, v1::ExportFormat format,
                         std::vector<v1::ExportChunk>* chunks) {
  grpc::ClientContext context;
  Authorize(&context, token);
  v1::ExportRequest request;
  request.set_format(format);
  auto reader = stub.Export(&context, request);
  v1::ExportChunk chunk;
  while (reader->Read(&chunk)) chunks->push_back(chunk);
  return reader->Finish();
}

std::string DumpGraph(query::Engine& engine) {
  std::string out;
  auto nodes = engine.Run("MATCH (n) RETURN n ORDER BY id(n)");
  EXPECT_TRUE(nodes.ok()) << nodes.status().ToString();
  if (nodes.ok()) {
    for (const auto& row : nodes->rows) {
      out += "node " + std::to_string(row[0].as_node().id) + " " + row[0].ToString() + "\n";
    }
  }
  auto rels = engine.Run("MATCH ()-[r]->() RETURN r ORDER BY id(r)");
  EXPECT_TRUE(rels.ok()) << rels.status().ToString();
  if (rels.ok()) {
    for (const auto& row : rels->rows) {
      const RelationshipValue& rel = row[0].as_relationship();
      out += "rel " + std::to_string(rel.id) + " " + std::to_string(rel.start) + "->" +
             std::to_string(rel.end) + " " + row[0].ToString() + "\n";
    }
  }
  return out;
}

}  // namespace copmap::server::testing
