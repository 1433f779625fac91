#include "query/analytics/cop_procedures.h"

#include <algorithm>

#include "query/analytics/procedures_internal.h"

namespace copmap::analytics {

Status EmitAll(std::vector<std::vector<Value>> rows, const RowCallback& emit) {
  for (auto& row : rows) COPMAP_RETURN_IF_ERROR(emit(std::move(row)));
  return Status::OK();
}

Status EmitSortedByName(std::vector<std::vector<Value>> rows, size_t column,
                        const RowCallback& emit) {
  std::stable_sort(rows.begin(), rows.end(), [column](const auto& a, const auto& b) {
    return a[column].as_string() < b[column].as_string();
  });
  return EmitAll(std::move(rows), emit);
}

Value StringList(const std::vector<std::string>& items) {
  ValueList list;
  list.reserve(items.size());
  for (const std::string& s : items) list.emplace_back(s);
  return Value(std::move(list));
}

Result<int64_t> AsOf(const ProcedureOptions& options) {
  COPMAP_ASSIGN_OR_RETURN(std::optional<int64_t> day, options.Day("asOf"));
  return day.value_or(Today());
}

const std::vector<ProcedureDef>& CopProcedures() {
  static const std::vector<ProcedureDef> kAll = [] {
    std::vector<ProcedureDef> all = {
        BrokersProcedure(),          CommunitiesProcedure(),   ExpertsProcedure(),
        KnowledgeAtRiskProcedure(),  MentoringMatchesProcedure(), OverlapProcedure(),
        ParticipationProcedure(),    SilosProcedure(),         TransferProcedure(),
        WhatIfLeavesProcedure(),
    };
    std::sort(all.begin(), all.end(),
              [](const ProcedureDef& a, const ProcedureDef& b) { return a.name < b.name; });
    return all;
  }();
  return kAll;
}

Result<const ProcedureDef*> FindCopProcedure(std::string_view name) {
  std::string known;
  for (const ProcedureDef& def : CopProcedures()) {
    if (def.name == name) return &def;
    known += (known.empty() ? "" : ", ") + def.name;
  }
  return Status::NotFound("no procedure named '" + std::string(name) + "' (known: " + known + ")");
}

Result<std::vector<Value>> CheckProcedureArgs(const ProcedureDef& def, std::vector<Value> args) {
  size_t required = 0;
  for (const ProcedureParam& p : def.params) required += p.optional ? 0 : 1;
  if (args.size() < required || args.size() > def.params.size()) {
    std::string signature;
    for (const ProcedureParam& p : def.params) {
      signature += (signature.empty() ? "" : ", ") + p.name + (p.optional ? "?" : "") + " :: " +
                   p.type;
    }
    return Status::InvalidArgument(def.name + " takes " +
                                   (required == def.params.size()
                                        ? std::to_string(required)
                                        : std::to_string(required) + " to " +
                                              std::to_string(def.params.size())) +
                                   " argument(s) (" + signature + "), got " +
                                   std::to_string(args.size()));
  }
  args.resize(def.params.size());
  return args;
}

Result<ProcedureRows> RunCopProcedure(storage::Transaction& txn, std::string_view name,
                                      std::vector<Value> args) {
  COPMAP_ASSIGN_OR_RETURN(const ProcedureDef* def, FindCopProcedure(name));
  COPMAP_ASSIGN_OR_RETURN(args, CheckProcedureArgs(*def, std::move(args)));
  ProcedureRows result;
  for (const ProcedureColumn& c : def->yields) result.columns.push_back(c.name);
  COPMAP_RETURN_IF_ERROR(def->run(txn, args, [&result](std::vector<Value> row) {
    result.rows.push_back(std::move(row));
    return Status::OK();
  }));
  return result;
}

}  // namespace copmap::analytics
