// TestServer: a real copmap server for tests, on 127.0.0.1 with an ephemeral
// port, over a real database in a fresh temporary directory, with a tokens
// file holding one token per role. Plus small client helpers.
#pragma once

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <vector>

#include "copmap.grpc.pb.h"
#include "query/engine.h"
#include "server/server.h"
#include "server/server_options.h"

namespace copmap::server::testing {

inline constexpr char kReaderToken[] = "reader-secret-1";
inline constexpr char kWriterToken[] = "writer-secret-2";
inline constexpr char kAdminToken[] = "admin-secret-3";

class TestServer {
 public:
  // `options` may set limits; listen, tokens_file and backup_root are filled
  // in here (tokens only when `with_tokens`). The drain notice is 0 unless
  // `options` sets one other than the default.
  explicit TestServer(ServerOptions options = {}, bool with_tokens = true);
  ~TestServer();

  query::Engine& engine() { return *engine_; }
  Server& server() { return *server_; }
  std::string target() const;
  const std::string& dir() const { return dir_; }
  std::unique_ptr<v1::Copmap::Stub> Stub() const;
  std::shared_ptr<grpc::Channel> Channel() const;

  // Creates the small example organization used across the tests.
  void LoadExample();

 private:
  std::string dir_;
  std::unique_ptr<query::Engine> engine_;
  std::unique_ptr<Server> server_;
};

// The outcome of one Query call, values already decoded.
struct QueryOutcome {
  grpc::Status status;
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  v1::Summary summary;
  int messages = 0;
};

// Adds "authorization: Bearer <token>" unless `token` is empty.
void Authorize(grpc::ClientContext* context, const std::string& token);

QueryOutcome RunQuery(v1::Copmap::Stub& stub, const std::string& token, const std::string& text,
                      const ValueMap& params = {}, v1::QueryRequest base = {});

// Streams an export; the chunks in order.
grpc::Status ExportGraph(v1::Copmap::Stub& stub, const std::string& token, v1::ExportFormat format,
                         std::vector<v1::ExportChunk>* chunks);

// The whole graph as text (every node and relationship with labels, type and
// properties, ordered), read through the embedded engine: equal strings mean
// an unchanged database.
std::string DumpGraph(query::Engine& engine);

}  // namespace copmap::server::testing
