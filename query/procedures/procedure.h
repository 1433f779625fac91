// Procedures callable with CALL name(args) YIELD columns.
//
// A procedure is a name, typed arguments, typed output columns and a
// function that runs inside the query's transaction and emits rows through
// a callback. The built-in db.* procedures register themselves in the
// global registry; other modules (the CoP analytics) add theirs with
// ProcedureRegistry::Global().Register() before the first query runs.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "storage/graph_store.h"
#include "storage/status.h"
#include "storage/value.h"

namespace copmap::query {

struct ProcedureColumn {
  std::string name;
  std::string type;  // for documentation and SHOW: "STRING", "INTEGER", "LIST OF STRING", "ANY"
  // Arguments only: a trailing optional argument may be left out of the call.
  bool optional = false;
};

struct ProcedureContext {
  storage::Transaction& txn;
};

// Called once per output row, with one value per output column in order.
// A non-OK return stops the procedure, which must return it.
using ProcedureEmit = std::function<Status(std::vector<Value> row)>;

struct Procedure {
  std::string name;  // dotted, e.g. "db.labels"
  std::vector<ProcedureColumn> arguments;
  std::vector<ProcedureColumn> outputs;
  bool writes = false;
  std::function<Status(ProcedureContext& context, const std::vector<Value>& args,
                       const ProcedureEmit& emit)>
      run;
};

// Thread-safe. Names are matched case-insensitively.
class ProcedureRegistry {
 public:
  // The registry holding the built-in procedures.
  static ProcedureRegistry& Global();

  // InvalidArgument when the name is taken.
  Status Register(Procedure procedure);
  // nullptr when unknown. The pointer stays valid for the registry's life.
  const Procedure* Find(std::string_view name) const;
  std::vector<std::string> Names() const;

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::unique_ptr<Procedure>> by_name_;  // lower-case keys
};

// Adds db.labels, db.relationshipTypes, db.propertyKeys and db.indexes.
void RegisterBuiltinProcedures(ProcedureRegistry& registry);
// Adds the CoP analytics, cop.* (query/analytics/cop_procedures.h).
void RegisterCopProcedures(ProcedureRegistry& registry);

}  // namespace copmap::query
