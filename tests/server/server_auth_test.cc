// The auth matrix: every method with no token, a bad token and each role.
#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <map>

#include "tests/server/test_server.h"

namespace copmap::server::testing {
namespace {

enum class Need { kReader, kWriter, kAdmin };

struct MethodCase {
  std::string name;
  Need need;
  std::function<grpc::Status(v1::Copmap::Stub&, const std::string& token, int serial)> call;
};

template <typename Reader, typename Msg>
grpc::Status Drain(Reader& reader, Msg msg) {
  while (reader->Read(&msg)) {
  }
  return reader->Finish();
}

std::vector<MethodCase> Cases() {
  std::vector<MethodCase> cases;
  cases.push_back({"Query(read)", Need::kReader, [](auto& stub, auto& token, int) {
                     return RunQuery(stub, token, "MATCH (n) RETURN count(n)").status;
                   }});
  cases.push_back({"Query(write)", Need::kWriter, [](auto& stub, auto& token, int serial) {
                     return RunQuery(stub, token, "CREATE (:Tag {serial: $s})",
                                     {{"s", Value(serial)}})
                         .status;
                   }});
  cases.push_back({"Explain", Need::kReader, [](auto& stub, auto& token, int) {
                     grpc::ClientContext c;
                     Authorize(&c, token);
                     v1::ExplainRequest r;
                     r.set_query("MATCH (n) RETURN n");
                     v1::ExplainResponse out;
                     return stub.Explain(&c, r, &out);
                   }});
  cases.push_back({"Import", Need::kWriter, [](auto& stub, auto& token, int serial) {
                     grpc::ClientContext c;
                     Authorize(&c, token);
                     v1::ImportResponse out;
                     auto writer = stub.Import(&c, &out);
                     v1::ImportRequest chunk;
                     chunk.set_file_name("tags.csv");
                     chunk.set_data("id:ID,serial:int,:LABEL\n1," + std::to_string(serial) + ",Tag\n");
                     writer->Write(chunk);
                     writer->WritesDone();
                     return writer->Finish();
                   }});
  cases.push_back({"Export", Need::kReader, [](auto& stub, auto& token, int) {
                     grpc::ClientContext c;
                     Authorize(&c, token);
                     auto reader = stub.Export(&c, v1::ExportRequest());
                     return Drain(reader, v1::ExportChunk());
                   }});
  cases.push_back({"Render", Need::kReader, [](auto& stub, auto& token, int) {
                     grpc::ClientContext c;
                     Authorize(&c, token);
                     v1::RenderRequest r;
                     r.set_query("MATCH (n) RETURN n");
                     auto reader = stub.Render(&c, r);
                     return Drain(reader, v1::RenderChunk());
                   }});
  cases.push_back({"Stats", Need::kReader, [](auto& stub, auto& token, int) {
                     grpc::ClientContext c;
                     Authorize(&c, token);
                     v1::StatsResponse out;
                     return stub.Stats(&c, v1::StatsRequest(), &out);
                   }});
  cases.push_back({"Schema", Need::kReader, [](auto& stub, auto& token, int) {
                     grpc::ClientContext c;
                     Authorize(&c, token);
                     v1::SchemaResponse out;
                     return stub.Schema(&c, v1::SchemaRequest(), &out);
                   }});
  cases.push_back({"Backup", Need::kAdmin, [](auto& stub, auto& token, int serial) {
                     grpc::ClientContext c;
                     Authorize(&c, token);
                     v1::BackupRequest r;
                     r.set_name("b" + std::to_string(serial));
                     v1::BackupResponse out;
                     return stub.Backup(&c, r, &out);
                   }});
  return cases;
}

TEST(ServerAuthTest, EveryMethodWithEveryCredential) {
  TestServer server;
  server.LoadExample();
  auto stub = server.Stub();
  struct Caller {
    std::string label;
    std::string token;
    int rank;  // -1: not authenticated
  };
  const Caller callers[] = {{"no token", "", -1},
                            {"bad token", "not-a-real-token", -1},
                            {"reader", kReaderToken, 0},
                            {"writer", kWriterToken, 1},
                            {"admin", kAdminToken, 2}};
  int serial = 0;
  for (const MethodCase& method : Cases()) {
    for (const Caller& caller : callers) {
      grpc::Status status = method.call(*stub, caller.token, ++serial);
      const std::string where = method.name + " as " + caller.label + ": " + status.error_message();
      if (caller.rank < 0) {
        EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED) << where;
      } else if (caller.rank < static_cast<int>(method.need)) {
        EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED) << where;
      } else {
        EXPECT_TRUE(status.ok()) << where;
      }
    }
  }
}

TEST(ServerAuthTest, ReaderWritesAreDeniedAndChangeNothing) {
  TestServer server;
  server.LoadExample();
  auto stub = server.Stub();
  const std::string before = DumpGraph(server.engine());
  std::vector<v1::ExportChunk> export_before;
  ASSERT_TRUE(ExportGraph(*stub, kReaderToken, v1::EXPORT_FORMAT_JSONL, &export_before).ok());
  for (const char* text : {"CREATE (:Person {name: 'Mal', email: 'mal@x.org'})",
                           "MATCH (p:Person) SET p.name = 'pwned'",
                           "MATCH (p:Person) DETACH DELETE p",
                           "MERGE (:Domain {name: 'rust'})"}) {
    QueryOutcome out = RunQuery(*stub, kReaderToken, text);
    EXPECT_EQ(out.status.error_code(), grpc::StatusCode::PERMISSION_DENIED) << text;
    EXPECT_NE(out.status.error_message().find("role reader may not run a query that writes"),
              std::string::npos)
        << out.status.error_message();
  }
  // A writer that marks its request read_only is held to it.
  v1::QueryRequest read_only;
  read_only.set_read_only(true);
  QueryOutcome out = RunQuery(*stub, kWriterToken, "MATCH (p:Person) SET p.name = 'x'", {}, read_only);
  EXPECT_EQ(out.status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(DumpGraph(server.engine()), before);
  // An export of the database is byte-identical.
  std::vector<v1::ExportChunk> export_after;
  ASSERT_TRUE(ExportGraph(*stub, kReaderToken, v1::EXPORT_FORMAT_JSONL, &export_after).ok());
  ASSERT_EQ(export_after.size(), export_before.size());
  for (size_t i = 0; i < export_after.size(); ++i) {
    EXPECT_EQ(export_after[i].data(), export_before[i].data());
  }
}

TEST(ServerAuthTest, MalformedAuthorizationIsUnauthenticated) {
  TestServer server;
  auto stub = server.Stub();
  for (const char* header : {"Basic cmVhZGVy", "Bearer", "reader-secret-1", "Bearer  "}) {
    grpc::ClientContext context;
    context.AddMetadata("authorization", header);
    v1::StatsResponse out;
    EXPECT_EQ(stub->Stats(&context, v1::StatsRequest(), &out).error_code(),
              grpc::StatusCode::UNAUTHENTICATED)
        << header;
  }
  // The scheme is case-insensitive, as HTTP says.
  grpc::ClientContext context;
  context.AddMetadata("authorization", std::string("bearer ") + kReaderToken);
  v1::StatsResponse out;
  EXPECT_TRUE(stub->Stats(&context, v1::StatsRequest(), &out).ok());
}

TEST(ServerAuthTest, WithoutATokensFileEveryCallerIsAnonymousAdmin) {
  TestServer server(ServerOptions{}, /*with_tokens=*/false);
  auto stub = server.Stub();
  QueryOutcome out = RunQuery(*stub, "", "CREATE (:Tag {serial: 1})");
  EXPECT_TRUE(out.status.ok()) << out.status.error_message();
}

}  // namespace
}  // namespace copmap::server::testing
