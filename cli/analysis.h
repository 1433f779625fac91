// Runs one CoP procedure (query/analytics/cop_procedures.h) directly in a
// read-only transaction of the store: the engine of `copmap analyze` and of
// the demo's walk-through.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "query/analytics/cop_procedures.h"
#include "query/engine.h"
#include "storage/graph_store.h"
#include "storage/status.h"

namespace copmap::cli {

// `name` with or without the "cop." prefix. `positional` are the
// procedure's leading arguments; `options` (may be empty) becomes its
// trailing options map. NotFound for an unknown procedure (listing the
// known ones), InvalidArgument for bad arguments.
Result<analytics::ProcedureRows> RunAnalysis(storage::GraphStore& store, std::string_view name,
                                             std::vector<Value> positional, ValueMap options);

// Feeds rows to a sink (a ResultPrinter). With `readable`, nodes (also
// inside lists) become their name, email or title, so a table stays narrow.
Status SendRows(const analytics::ProcedureRows& rows, bool readable, query::RowSink& sink);

// "cop.experts(domain, [options])  Ranks people by ..." lines for help text.
std::string AnalysisList();

}  // namespace copmap::cli
