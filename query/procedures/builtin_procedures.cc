// The db.* procedures: the catalog of names and the indexes.
#include "query/procedures/procedure.h"

namespace copmap::query {

namespace {

// A procedure with no arguments listing one column of names.
Procedure NameList(std::string name, std::string column,
                   std::vector<std::string> (storage::Transaction::*list)()) {
  Procedure p;
  p.name = std::move(name);
  p.outputs = {{std::move(column), "STRING"}};
  p.run = [list](ProcedureContext& ctx, const std::vector<Value>&, const ProcedureEmit& emit) {
    for (std::string& n : (ctx.txn.*list)()) {
      COPMAP_RETURN_IF_ERROR(emit({Value(std::move(n))}));
    }
    return Status::OK();
  };
  return p;
}

}  // namespace

void RegisterBuiltinProcedures(ProcedureRegistry& registry) {
  (void)registry.Register(NameList("db.labels", "label", &storage::Transaction::AllLabels));
  (void)registry.Register(
      NameList("db.relationshipTypes", "relationshipType", &storage::Transaction::AllRelTypes));
  (void)registry.Register(
      NameList("db.propertyKeys", "propertyKey", &storage::Transaction::AllPropKeys));

  Procedure indexes;
  indexes.name = "db.indexes";
  indexes.outputs = {{"name", "STRING"},
                     {"type", "STRING"},
                     {"label", "STRING"},
                     {"property", "STRING"}};
  indexes.run = [](ProcedureContext& ctx, const std::vector<Value>&, const ProcedureEmit& emit) {
    for (const storage::IndexInfo& info : ctx.txn.Indexes()) {
      COPMAP_RETURN_IF_ERROR(
          emit({Value(info.name), Value(info.kind == storage::IndexKind::kUnique ? "UNIQUE" : "RANGE"),
                Value(ctx.txn.LabelName(info.label)), Value(ctx.txn.PropKeyName(info.property))}));
    }
    return Status::OK();
  };
  (void)registry.Register(std::move(indexes));
}

}  // namespace copmap::query
