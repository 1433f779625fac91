// Every Copmap method against a real server over a real database, plus the
// standard health and reflection services.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "server/error_mapping.h"
#include "server/value_codec.h"
#include "tests/server/grpc_probes.h"
#include "tests/server/test_server.h"

namespace copmap::server::testing {
namespace {

class ServerMethodsTest : public ::testing::Test {
 protected:
  void SetUp() override { server_.LoadExample(); }
  TestServer server_;
  std::unique_ptr<v1::Copmap::Stub> stub_ = server_.Stub();
};

TEST_F(ServerMethodsTest, QueryStreamsHeaderRowsAndSummary) {
  QueryOutcome out = RunQuery(*stub_, kReaderToken,
                              "MATCH (p:Person)-[:MEMBER_OF]->(c:Community) "
                              "RETURN p.name AS name, c.name AS community ORDER BY name");
  ASSERT_TRUE(out.status.ok()) << out.status.error_message();
  EXPECT_EQ(out.columns, (std::vector<std::string>{"name", "community"}));
  ASSERT_EQ(out.rows.size(), 3u);
  EXPECT_EQ(out.rows[0][0], Value("Ada"));
  EXPECT_EQ(out.rows[2][1], Value("Kubernetes Guild"));
  EXPECT_EQ(out.summary.row_count(), 3u);
  EXPECT_FALSE(out.summary.counters().contains_updates());
  // A small result travels as one message: header, rows and summary.
  EXPECT_EQ(out.messages, 1);
}

TEST_F(ServerMethodsTest, WriteQueryReportsCounters) {
  QueryOutcome out = RunQuery(*stub_, kWriterToken,
                              "CREATE (:Person {name: 'Di', email: 'di@acme.org'})-[:KNOWS]->"
                              "(:Person {name: 'Ed', email: 'ed@acme.org'})");
  ASSERT_TRUE(out.status.ok()) << out.status.error_message();
  EXPECT_EQ(out.summary.counters().nodes_created(), 2u);
  EXPECT_EQ(out.summary.counters().relationships_created(), 1u);
  EXPECT_EQ(out.summary.counters().properties_set(), 4u);
  EXPECT_TRUE(out.summary.counters().contains_updates());
  auto count = server_.engine().Run("MATCH (p:Person) RETURN count(p)");
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(count->rows[0][0], Value(5));
}

TEST_F(ServerMethodsTest, RowsArriveInBatchesOfTheRequestedSize) {
  v1::QueryRequest request;
  request.set_batch_size(100);
  QueryOutcome out = RunQuery(*stub_, kReaderToken, "UNWIND range(1, 1000) AS x RETURN x", {}, request);
  ASSERT_TRUE(out.status.ok()) << out.status.error_message();
  ASSERT_EQ(out.rows.size(), 1000u);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(out.rows[i][0], Value(i + 1));
  // Ten full batches, then the summary.
  EXPECT_EQ(out.messages, 11);
}

TEST_F(ServerMethodsTest, EveryParameterKindRoundTrips) {
  const std::vector<Value> values = {
      Value(),           Value(true),         Value(int64_t{-9007199254740993}),
      Value(0.1),        Value("Grüße"),      Value(Date{19753}),
      Value(DateTime{1706693400123456}),
      Value(ValueList{Value(1), Value("x"), Value(ValueList{})}),
      Value(ValueMap{{"a", Value(1)}, {"b", Value(ValueList{Value(Date{3})})}}),
  };
  for (const Value& v : values) {
    QueryOutcome out = RunQuery(*stub_, kReaderToken, "RETURN $v AS v", {{"v", v}});
    ASSERT_TRUE(out.status.ok()) << v.ToString() << ": " << out.status.error_message();
    ASSERT_EQ(out.rows.size(), 1u);
    EXPECT_EQ(out.rows[0][0], v) << v.ToString();
  }
}

TEST_F(ServerMethodsTest, NodesRelationshipsAndPathsMatchEmbeddedExecution) {
  const std::string text =
      "MATCH p = (a:Person {email: 'ada@acme.org'})-[r:MEMBER_OF]->(c:Community) RETURN a, r, p, c";
  QueryOutcome out = RunQuery(*stub_, kReaderToken, text);
  ASSERT_TRUE(out.status.ok()) << out.status.error_message();
  auto embedded = server_.engine().Run(text);
  ASSERT_TRUE(embedded.ok());
  EXPECT_EQ(out.rows, embedded->rows);
  ASSERT_EQ(out.rows.size(), 1u);
  EXPECT_TRUE(out.rows[0][0].is_node());
  EXPECT_TRUE(out.rows[0][1].is_relationship());
  ASSERT_TRUE(out.rows[0][2].is_path());
  EXPECT_EQ(out.rows[0][2].as_path().relationships[0], out.rows[0][1].as_relationship());
}

TEST_F(ServerMethodsTest, QueryErrorsCarryKindAndPosition) {
  QueryOutcome syntax = RunQuery(*stub_, kReaderToken, "MATCH (p:Person\nRETURN p");
  EXPECT_EQ(syntax.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  v1::ErrorDetail detail;
  ASSERT_TRUE(ExtractErrorDetail(syntax.status, &detail));
  EXPECT_EQ(detail.kind(), "SyntaxError");
  EXPECT_GT(detail.line(), 0u);
  EXPECT_GT(detail.column(), 0u);
  EXPECT_EQ(syntax.status.error_message(), "SyntaxError: " + detail.message());

  QueryOutcome semantic = RunQuery(*stub_, kReaderToken, "MATCH (p:Person) RETURN q");
  EXPECT_EQ(semantic.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  ASSERT_TRUE(ExtractErrorDetail(semantic.status, &detail));
  EXPECT_EQ(detail.kind(), "SemanticError");

  QueryOutcome missing = RunQuery(*stub_, kReaderToken, "RETURN $nope");
  EXPECT_EQ(missing.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  QueryOutcome duplicate =
      RunQuery(*stub_, kWriterToken, "CREATE (:Person {name: 'Ada 2', email: 'ada@acme.org'})");
  EXPECT_EQ(duplicate.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  ASSERT_TRUE(ExtractErrorDetail(duplicate.status, &detail));
  EXPECT_EQ(detail.kind(), "ConstraintError");
}

TEST_F(ServerMethodsTest, RowLimitFailsInsteadOfTruncating) {
  v1::QueryRequest request;
  request.set_max_rows(10);
  QueryOutcome out = RunQuery(*stub_, kReaderToken, "UNWIND range(1, 11) AS x RETURN x", {}, request);
  EXPECT_EQ(out.status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
}

TEST_F(ServerMethodsTest, ExplainReturnsPlanAndWhetherItWrites) {
  v1::ExplainRequest request;
  request.set_query("MATCH (p:Person {email: $e}) RETURN p.name");
  v1::ExplainResponse response;
  grpc::ClientContext context;
  Authorize(&context, kReaderToken);
  ASSERT_TRUE(stub_->Explain(&context, request, &response).ok());
  EXPECT_FALSE(response.plan().empty());
  EXPECT_FALSE(response.is_write());

  request.set_query("CREATE (:Person {name: 'Z'})");
  grpc::ClientContext context2;
  Authorize(&context2, kReaderToken);
  ASSERT_TRUE(stub_->Explain(&context2, request, &response).ok());
  EXPECT_TRUE(response.is_write());
}

TEST_F(ServerMethodsTest, StatsCountNodesAndRelationships) {
  v1::StatsResponse response;
  grpc::ClientContext context;
  Authorize(&context, kReaderToken);
  ASSERT_TRUE(stub_->Stats(&context, v1::StatsRequest(), &response).ok());
  EXPECT_EQ(response.node_count(), 8u);
  EXPECT_EQ(response.relationship_count(), 15u);
  bool persons = false;
  for (const v1::NameCount& c : response.nodes_by_label()) {
    if (c.name() == "Person") persons = c.count() == 3;
  }
  EXPECT_TRUE(persons);
}

TEST_F(ServerMethodsTest, SchemaListsNamesAndIndexes) {
  v1::SchemaResponse response;
  grpc::ClientContext context;
  Authorize(&context, kReaderToken);
  ASSERT_TRUE(stub_->Schema(&context, v1::SchemaRequest(), &response).ok());
  auto has = [](const auto& list, const std::string& name) {
    return std::find(list.begin(), list.end(), name) != list.end();
  };
  EXPECT_TRUE(has(response.labels(), "Person"));
  EXPECT_TRUE(has(response.relationship_types(), "MEMBER_OF"));
  EXPECT_TRUE(has(response.property_keys(), "email"));
  bool email_unique = false;
  for (const v1::Index& index : response.indexes()) {
    if (index.label() == "Person" && index.property() == "email") email_unique = index.unique();
  }
  EXPECT_TRUE(email_unique);
}

TEST_F(ServerMethodsTest, BackupWritesACopyUnderTheRoot) {
  v1::BackupRequest request;
  request.set_name("nightly-1");
  v1::BackupResponse response;
  grpc::ClientContext context;
  Authorize(&context, kAdminToken);
  grpc::Status status = stub_->Backup(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.path(), server_.dir() + "/backups/nightly-1");
  EXPECT_TRUE(std::filesystem::is_directory(response.path()));

  request.set_name("../escape");
  grpc::ClientContext context2;
  Authorize(&context2, kAdminToken);
  status = stub_->Backup(&context2, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(ServerMethodsTest, ImportLoadsCsvAllOrNothing) {
  grpc::ClientContext context;
  Authorize(&context, kWriterToken);
  v1::ImportResponse response;
  auto writer = stub_->Import(&context, &response);
  v1::ImportRequest chunk;
  chunk.set_file_name("people.csv");
  chunk.set_data("id:ID,name,email,:LABEL\n1,Fay,fay@acme.org,Person\n");
  ASSERT_TRUE(writer->Write(chunk));
  chunk.set_data("2,Gus,gus@acme.org,Person\n");
  ASSERT_TRUE(writer->Write(chunk));
  chunk.set_file_name("knows.csv");
  chunk.set_data(":START_ID,:END_ID,:TYPE,strength:float\n1,2,KNOWS,0.5\n");
  ASSERT_TRUE(writer->Write(chunk));
  writer->WritesDone();
  grpc::Status status = writer->Finish();
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.nodes_created(), 2u);
  EXPECT_EQ(response.relationships_created(), 1u);
  EXPECT_EQ(response.files(), 2u);
  auto knows = server_.engine().Run(
      "MATCH (a:Person {email: 'fay@acme.org'})-[k:KNOWS]->(b) RETURN b.name, k.strength");
  ASSERT_TRUE(knows.ok());
  ASSERT_EQ(knows->rows.size(), 1u);
  EXPECT_EQ(knows->rows[0][0], Value("Gus"));

  // A bad row rejects the whole upload, naming the client's file and line.
  const std::string before = DumpGraph(server_.engine());
  grpc::ClientContext bad_context;
  Authorize(&bad_context, kWriterToken);
  auto bad = stub_->Import(&bad_context, &response);
  chunk.set_file_name("more.csv");
  chunk.set_data("id:ID,name,age:int,:LABEL\n1,Hal,12,Person\n2,Ivy,twelve,Person\n");
  ASSERT_TRUE(bad->Write(chunk));
  bad->WritesDone();
  status = bad->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("more.csv:3"), std::string::npos) << status.error_message();
  EXPECT_EQ(status.error_message().find("copmap-import-"), std::string::npos);
  EXPECT_EQ(DumpGraph(server_.engine()), before);
}

TEST_F(ServerMethodsTest, ImportRefusesPathsAsFileNames) {
  grpc::ClientContext context;
  Authorize(&context, kWriterToken);
  v1::ImportResponse response;
  auto writer = stub_->Import(&context, &response);
  v1::ImportRequest chunk;
  chunk.set_file_name("../../etc/x.csv");
  chunk.set_data("id:ID\n1\n");
  writer->Write(chunk);
  writer->WritesDone();
  grpc::Status status = writer->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("plain name"), std::string::npos);
}

TEST_F(ServerMethodsTest, CsvExportImportsIntoAnEqualGraph) {
  std::vector<v1::ExportChunk> chunks;
  ASSERT_TRUE(ExportGraph(*stub_, kReaderToken, v1::EXPORT_FORMAT_CSV, &chunks).ok());
  ASSERT_FALSE(chunks.empty());
  TestServer copy;
  auto copy_stub = copy.Stub();
  grpc::ClientContext context;
  Authorize(&context, kWriterToken);
  v1::ImportResponse response;
  auto writer = copy_stub->Import(&context, &response);
  for (const v1::ExportChunk& chunk : chunks) {
    v1::ImportRequest request;
    request.set_file_name(chunk.file_name());
    request.set_data(chunk.data());
    ASSERT_TRUE(writer->Write(request));
  }
  writer->WritesDone();
  grpc::Status status = writer->Finish();
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.nodes_created(), 8u);
  EXPECT_EQ(response.relationships_created(), 15u);
  const std::string text =
      "MATCH (p:Person)-[r]->(x) RETURN p.email, type(r), properties(r), labels(x), properties(x) "
      "ORDER BY p.email, type(r), x.name, x.title";
  auto original = server_.engine().Run(text);
  auto copied = copy.engine().Run(text);
  ASSERT_TRUE(original.ok()) << original.status().ToString();
  ASSERT_TRUE(copied.ok()) << copied.status().ToString();
  EXPECT_EQ(copied->rows, original->rows);
}

TEST_F(ServerMethodsTest, JsonlExportIsOneFileWithALinePerRecord) {
  std::vector<v1::ExportChunk> chunks;
  ASSERT_TRUE(ExportGraph(*stub_, kReaderToken, v1::EXPORT_FORMAT_JSONL, &chunks).ok());
  std::string all;
  for (const v1::ExportChunk& chunk : chunks) {
    EXPECT_EQ(chunk.file_name(), "graph.jsonl");
    all += chunk.data();
  }
  EXPECT_EQ(std::count(all.begin(), all.end(), '\n'), 8 + 15);
  EXPECT_NE(all.find("\"email\":\"ada@acme.org\""), std::string::npos) << all;
}

TEST_F(ServerMethodsTest, GraphmlExportIsOneWellFormedDocument) {
  std::vector<v1::ExportChunk> chunks;
  grpc::Status status = ExportGraph(*stub_, kReaderToken, v1::EXPORT_FORMAT_GRAPHML, &chunks);
  ASSERT_TRUE(status.ok()) << status.error_message();
  std::string all;
  for (const v1::ExportChunk& chunk : chunks) {
    EXPECT_EQ(chunk.file_name(), "graph.graphml");
    all += chunk.data();
  }
  // An XML parser (Python's) reads it and finds every node and relationship.
  const std::string path = server_.dir() + "/graph.graphml";
  { std::ofstream(path, std::ios::binary) << all; }
  const std::string command =
      "/usr/bin/python3 -c 'import sys, xml.etree.ElementTree as E; "
      "g = E.parse(sys.argv[1]).getroot().find(\"{http://graphml.graphdrawing.org/xmlns}graph\"); "
      "print(len(g.findall(\"{*}node\")), len(g.findall(\"{*}edge\")))' " + path;
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  char counts[64] = {};
  const size_t n = fread(counts, 1, sizeof counts - 1, pipe);
  EXPECT_EQ(pclose(pipe), 0);
  EXPECT_EQ(std::string(counts, n), "8 15\n");
  EXPECT_NE(all.find(">ada@acme.org</data>"), std::string::npos) << all;
}

// Renders and returns the concatenated bytes; the first chunk's metadata in *first.
grpc::Status RenderMap(v1::Copmap::Stub& stub, const v1::RenderRequest& request, std::string* bytes,
                       v1::RenderChunk* first) {
  grpc::ClientContext context;
  Authorize(&context, kReaderToken);
  auto reader = stub.Render(&context, request);
  v1::RenderChunk chunk;
  bool is_first = true;
  while (reader->Read(&chunk)) {
    if (is_first) *first = chunk;
    is_first = false;
    *bytes += chunk.data();
  }
  return reader->Finish();
}

TEST_F(ServerMethodsTest, RenderStreamsNamedAndQueryMaps) {
  v1::RenderRequest request;
  request.set_map("community");
  request.set_argument("Kubernetes Guild");
  std::string svg;
  v1::RenderChunk first;
  grpc::Status status = RenderMap(*stub_, request, &svg, &first);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(first.content_type(), "image/svg+xml");
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("Ada"), std::string::npos);

  v1::RenderRequest query;
  query.set_query("MATCH (p:Person)-[r:EXPERT_IN]->(d:Domain) RETURN p, r, d");
  query.set_format("dot");
  std::string dot;
  status = RenderMap(*stub_, query, &dot, &first);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(first.content_type(), "text/vnd.graphviz");
  EXPECT_NE(dot.find("digraph"), std::string::npos);

  v1::RenderRequest unknown;
  unknown.set_map("galaxy");
  std::string ignored;
  EXPECT_EQ(RenderMap(*stub_, unknown, &ignored, &first).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  v1::RenderRequest writes;
  writes.set_query("CREATE (n:Domain {name: 'x'}) RETURN n");
  EXPECT_EQ(RenderMap(*stub_, writes, &ignored, &first).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  v1::RenderRequest bad_format = request;
  bad_format.set_format("gif");
  EXPECT_EQ(RenderMap(*stub_, bad_format, &ignored, &first).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(ServerMethodsTest, HealthAndReflectionNeedNoToken) {
  auto channel = server_.Channel();
  EXPECT_EQ(HealthCheck(channel.get(), ""), 1);
  EXPECT_EQ(HealthCheck(channel.get(), "copmap.v1.Copmap"), 1);
  for (const std::string version : {"v1alpha", "v1"}) {
    std::vector<std::string> services = ReflectionListServices(channel.get(), version);
    EXPECT_NE(std::find(services.begin(), services.end(), "copmap.v1.Copmap"), services.end())
        << version;
  }
}

}  // namespace
}  // namespace copmap::server::testing
