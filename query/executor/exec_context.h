// ExecContext: what every physical operator and the expression evaluator
// share while one query runs: its transaction, parameters, limits and
// counters.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "query/binder/bound_statement.h"
#include "query/engine.h"
#include "storage/graph_store.h"

namespace copmap::query {

struct LogicalPlan;
using Row = std::vector<Value>;

struct ExecContext {
  storage::Transaction* txn = nullptr;
  const ValueMap* params = nullptr;
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  const std::atomic<bool>* cancel = nullptr;
  uint32_t max_var_length_depth = 32;
  bool profile = false;
  QueryCounters counters;
  // The query part whose operators are running (pattern predicates live there).
  const BoundSingleQuery* query = nullptr;
  // The running plan (expression subqueries find their plans there).
  const LogicalPlan* plan = nullptr;

  // Cheap enough for every row: looks at the clock and the cancel flag
  // only every 256 calls.
  Status CheckInterrupt() {
    if ((++ticks_ & 0xFF) != 0) return Status::OK();
    if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
      return Status::Cancelled("the query was cancelled");
    }
    if (std::chrono::steady_clock::now() > deadline) {
      return Status::Timeout("the query ran past its timeout");
    }
    return Status::OK();
  }

  // The record of node `id`: borrowed from the read cache when the
  // transaction has one (valid until the next read), else read into *scratch.
  Result<const storage::NodeRecord*> NodeRecordOf(storage::NodeId id, storage::NodeRecord* scratch);

  // Interned ids by name, remembered once they exist.
  std::optional<storage::PropKeyId> PropKey(const std::string& name);
  std::optional<storage::LabelId> Label(const std::string& name);
  std::optional<storage::RelTypeId> RelType(const std::string& name);

 private:
  uint64_t ticks_ = 0;
  std::unordered_map<std::string, storage::PropKeyId> prop_keys_;
  std::unordered_map<std::string, storage::LabelId> labels_;
  std::unordered_map<std::string, storage::RelTypeId> rel_types_;
};

}  // namespace copmap::query
