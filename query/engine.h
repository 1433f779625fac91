// Engine: the one facade that the command line, the server and the map
// renderer use. It owns an open store and runs query text against it.
//
// Thread safety: Execute() may be called from many threads at once; each call
// runs in its own transaction.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storage/graph_store.h"
#include "storage/status.h"
#include "storage/value.h"

namespace copmap::query {

struct QueryOptions {
  ValueMap params;                  // $name -> value
  bool read_only = false;           // a query that would write fails with PermissionDenied
  uint64_t max_rows = 0;            // 0: the engine default; beyond it ResourceExhausted
  std::chrono::milliseconds timeout{0};  // 0: the engine default; beyond it Timeout
  const std::atomic<bool>* cancel = nullptr;  // set to true by another thread to cancel
  bool profile = false;             // fill QuerySummary::plan with rows and time per operator
};

struct QueryCounters {
  uint64_t nodes_created = 0;
  uint64_t nodes_deleted = 0;
  uint64_t relationships_created = 0;
  uint64_t relationships_deleted = 0;
  uint64_t properties_set = 0;
  uint64_t labels_added = 0;
  uint64_t labels_removed = 0;
  uint64_t indexes_added = 0;
  uint64_t indexes_removed = 0;
  bool ContainsUpdates() const;
};

struct QuerySummary {
  QueryCounters counters;
  std::chrono::microseconds elapsed{0};
  std::string plan;  // EXPLAIN / PROFILE text, empty otherwise
};

// Receives a query's output as it is produced. A non-OK return stops the
// query (which then rolls back if it wrote) and is returned by Execute().
class RowSink {
 public:
  virtual ~RowSink() = default;
  virtual Status OnHeader(const std::vector<std::string>& columns) = 0;
  virtual Status OnRow(const std::vector<Value>& row) = 0;
};

// All rows of a result, for callers that want them at once.
struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  QuerySummary summary;
};

struct EngineOptions {
  storage::StoreOptions store;
  uint64_t default_max_rows = 10'000'000;
  std::chrono::milliseconds default_timeout{std::chrono::minutes(10)};
  uint32_t max_var_length_depth = 32;  // an unbounded * stops here with an error
};

class Engine {
 public:
  static Result<std::unique_ptr<Engine>> Open(const std::string& dir,
                                              const EngineOptions& options = {});
  // Wraps a store that is already open.
  static std::unique_ptr<Engine> Wrap(std::unique_ptr<storage::GraphStore> store,
                                      const EngineOptions& options = {});
  virtual ~Engine() = default;

  // Runs one statement. Errors carry a kind and, for syntax and semantic
  // errors, "line:column: message" followed by the source line and a caret.
  // A failing query changes nothing.
  virtual Result<QuerySummary> Execute(std::string_view text, const QueryOptions& options,
                                       RowSink& sink) = 0;
  Result<QueryResult> Run(std::string_view text, const QueryOptions& options = {});

  // The plan, without running the query.
  virtual Result<std::string> Explain(std::string_view text, const ValueMap& params = {}) = 0;
  // Whether the statement would write (for authorization before running it).
  virtual Result<bool> IsWrite(std::string_view text) = 0;

  virtual storage::GraphStore& store() = 0;
};

}  // namespace copmap::query
