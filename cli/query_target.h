// Where `copmap query`, `shell` and `analyze` run statements: an embedded
// Engine on a local database, or a copmap server through RemoteClient. Both
// stream rows into the same RowSink, so output is identical either way.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "query/engine.h"
#include "server/remote_client.h"
#include "storage/status.h"

namespace copmap::cli {

struct TargetOptions {
  std::string db;      // used when remote is empty
  std::string remote;  // "host:port"
  std::string token;
};

class QueryTarget {
 public:
  // Opens the local database (NotFound when it does not exist; it is never
  // created here) or connects to the server.
  static Result<std::unique_ptr<QueryTarget>> Open(const TargetOptions& options);

  Result<query::QuerySummary> Execute(std::string_view text, const query::QueryOptions& options,
                                      query::RowSink& sink);
  // The local engine, or nullptr for a remote target.
  query::Engine* engine() { return engine_.get(); }

 private:
  std::unique_ptr<query::Engine> engine_;
  std::unique_ptr<server::RemoteClient> remote_;
};

}  // namespace copmap::cli
