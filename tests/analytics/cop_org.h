// A small hand-built CoP organization in a real store (temp dir), with the
// answers the procedure tests expect derived by hand in cop_org.cc's comments.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "query/analytics/cop_procedures.h"
#include "storage/graph_store.h"
#include "tests/storage/temp_store.h"

namespace copmap::analytics::testing {

class CopOrg {
 public:
  CopOrg();  // builds the graph (fails the test on error)

  storage::GraphStore& store() { return *store_; }
  storage::NodeId id(const std::string& key) const { return ids_.at(key); }

  // Runs a procedure in a fresh read-only transaction.
  Result<ProcedureRows> Run(const std::string& name, std::vector<Value> args);

 private:
  storage::NodeId Node(const std::string& label, ValueMap props);
  void Rel(const std::string& type, const std::string& from, const std::string& to,
           ValueMap props = {});

  storage::test::TempDir dir_;
  std::unique_ptr<storage::GraphStore> store_;
  std::unique_ptr<storage::Transaction> txn_;
  std::map<std::string, storage::NodeId> ids_;
};

// The named column of a row.
const Value& Col(const ProcedureRows& rows, size_t row, const std::string& column);
Value Day(const char* iso);  // a date value

}  // namespace copmap::analytics::testing
