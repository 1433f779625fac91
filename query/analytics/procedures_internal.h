// The definitions of the individual cop.* procedures (one file each) and
// helpers they share. Private to query/analytics; use cop_procedures.h.
#pragma once

#include <string>
#include <vector>

#include "query/analytics/cop_graph.h"
#include "query/analytics/cop_procedures.h"
#include "query/analytics/procedure_options.h"

namespace copmap::analytics {

ProcedureDef ExpertsProcedure();
ProcedureDef KnowledgeAtRiskProcedure();
ProcedureDef WhatIfLeavesProcedure();
ProcedureDef BrokersProcedure();
ProcedureDef SilosProcedure();
ProcedureDef CommunitiesProcedure();
ProcedureDef MentoringMatchesProcedure();
ProcedureDef ParticipationProcedure();
ProcedureDef TransferProcedure();
ProcedureDef OverlapProcedure();

// Rows are sorted before they are emitted, so that output is deterministic.
Status EmitAll(std::vector<std::vector<Value>> rows, const RowCallback& emit);
// Sorts by the string in `column` (stable), then emits.
Status EmitSortedByName(std::vector<std::vector<Value>> rows, size_t column,
                        const RowCallback& emit);

// A list of strings as a Value.
Value StringList(const std::vector<std::string>& items);

// The `asOf` option (default: today).
Result<int64_t> AsOf(const ProcedureOptions& options);

}  // namespace copmap::analytics
