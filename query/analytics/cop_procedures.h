// The CoP procedures: `CALL cop.NAME(args) YIELD ...`.
//
// Each procedure reads one Transaction's snapshot and produces rows of
// copmap::Value under fixed column names. The query engine (or the
// `copmap analyze` command) only has to register CopProcedures() and call
// ProcedureDef::run, or use RunCopProcedure() to get all rows at once.
//
// Arguments are positional, as in the CALL. Trailing optional arguments may
// be left out (they read as null). Options are passed as one map argument,
// e.g. cop.experts('kubernetes', {from: 'ada@example.org', limit: 5}).
// Bad arguments fail with InvalidArgument (wrong type or unknown option,
// naming the procedure, the argument and the offending value) or NotFound
// (a person or domain that does not exist). Procedures only read.
//
// docs/ANALYTICS.md describes every procedure, its columns and its meaning.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/graph_store.h"
#include "storage/status.h"
#include "storage/value.h"

namespace copmap::analytics {

struct ProcedureParam {
  std::string name;
  std::string type;  // "STRING", "MAP", "ANY" (a person: email, node id or node)
  bool optional = false;
  std::string description;
};

struct ProcedureColumn {
  std::string name;
  std::string type;  // "NODE", "STRING", "INTEGER", "FLOAT", "BOOLEAN", "LIST", "MAP"
};

// Receives one row (values in the order of ProcedureDef::yields). A non-OK
// return stops the procedure, which returns that status.
using RowCallback = std::function<Status(std::vector<Value> row)>;

struct ProcedureDef {
  std::string name;  // qualified, e.g. "cop.experts"
  std::string description;
  std::vector<ProcedureParam> params;
  std::vector<ProcedureColumn> yields;
  // REQUIRES: args already checked by CheckProcedureArgs (RunCopProcedure does it).
  std::function<Status(storage::Transaction& txn, const std::vector<Value>& args,
                       const RowCallback& emit)>
      run;
};

// Every cop.* procedure, ordered by name.
const std::vector<ProcedureDef>& CopProcedures();

// NotFound (listing the known names) when there is no such procedure.
Result<const ProcedureDef*> FindCopProcedure(std::string_view name);

// Checks the argument count against the signature and pads left-out
// optional arguments with null. InvalidArgument names what is wrong.
Result<std::vector<Value>> CheckProcedureArgs(const ProcedureDef& def, std::vector<Value> args);

struct ProcedureRows {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
};

// Finds, checks and runs a procedure, collecting its rows.
Result<ProcedureRows> RunCopProcedure(storage::Transaction& txn, std::string_view name,
                                      std::vector<Value> args);

}  // namespace copmap::analytics
