// ImportCsv: loads neo4j-admin-style CSV files into a GraphStore, all or
// nothing.
//
// Node files are read first, then relationship files, then the :OUT/:IN
// links of node rows; everything goes through one storage BulkLoader, so
// nothing is visible until the whole import succeeded, and a failed import
// leaves the store exactly as it was. A relationship's ends are nodes of the
// same import (ids are matched per id space) or, failing that, stored nodes
// of earlier imports found by their id property through a unique index
// (stored_node_finder.h).
//
// Bad rows do not stop the import at once: each is reported as
// "path:line: field N (name): reason" and skipped, so that one run shows many
// problems; after `max_errors` reported errors reading stops. An import with
// any error commits nothing.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "storage/graph_store.h"
#include "storage/interchange/import_mapping.h"
#include "storage/status.h"

namespace copmap::interchange {

struct ImportProgress {
  uint64_t rows = 0;
  uint64_t bytes = 0;        // of the input files read so far
  uint64_t total_bytes = 0;  // of all input files
  double seconds = 0;
};

struct ImportOptions {
  std::vector<std::string> paths;  // files and directories
  std::optional<char> delimiter;   // nullopt: the mapping's, else ','
  const ImportMapping* mapping = nullptr;
  size_t max_errors = 20;
  size_t max_field_bytes = 64u << 20;
  // Called about every 100,000 rows and once at the end.
  std::function<void(const ImportProgress&)> on_progress;
};

struct ImportSummary {
  uint64_t files = 0;
  uint64_t rows = 0;
  uint64_t nodes = 0;
  uint64_t relationships = 0;
  std::vector<std::pair<std::string, uint64_t>> nodes_by_label;  // sorted by name
  std::vector<std::pair<std::string, uint64_t>> rels_by_type;
  double seconds = 0;
};

// On success fills *summary. On failure returns InvalidArgument (bad data;
// *errors holds each reported problem, the status says how many) or the
// store's or the file system's error; the store is unchanged either way.
Status ImportCsv(storage::GraphStore& store, const ImportOptions& options, ImportSummary* summary,
                 std::vector<std::string>* errors);

}  // namespace copmap::interchange
