// Registers the CoP analytics (query/analytics/) as CALL-able procedures.
// The analytics library keeps its own signature type so that it depends on
// storage only; this is the one place the two meet.
#include <cstdio>
#include <cstdlib>

#include "query/analytics/cop_procedures.h"
#include "query/procedures/procedure.h"

namespace copmap::query {

void RegisterCopProcedures(ProcedureRegistry& registry) {
  for (const analytics::ProcedureDef& def : analytics::CopProcedures()) {
    Procedure procedure;
    procedure.name = def.name;
    for (const analytics::ProcedureParam& param : def.params) {
      procedure.arguments.push_back({param.name, param.type, param.optional});
    }
    for (const analytics::ProcedureColumn& column : def.yields) {
      procedure.outputs.push_back({column.name, column.type});
    }
    // CopProcedures() is a static table, so capturing its entry by pointer is safe.
    const analytics::ProcedureDef* source = &def;
    procedure.run = [source](ProcedureContext& context, const std::vector<Value>& args,
                             const ProcedureEmit& emit) -> Status {
      COPMAP_ASSIGN_OR_RETURN(std::vector<Value> checked,
                              analytics::CheckProcedureArgs(*source, args));
      return source->run(context.txn, checked, emit);
    };
    Status status = registry.Register(std::move(procedure));
    if (!status.ok()) {
      // Two procedures with one name is a bug in copmap, not a user error.
      std::fprintf(stderr, "copmap: %s\n", status.ToString().c_str());
      std::abort();
    }
  }
}

}  // namespace copmap::query
