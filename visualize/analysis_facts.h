// PRIVATE to visualize/: turns the rows of the CoP analyses a named map
// calls (cop.knowledgeAtRisk, cop.brokers) into MapSpec facts, so that a map
// shows exactly what the procedure computed instead of a rule of its own.
#pragma once

#include <string>
#include <string_view>

#include "query/engine.h"
#include "storage/status.h"
#include "visualize/graph_data.h"
#include "visualize/map_builder.h"

namespace copmap::visualize {

// True for a map query that calls an analysis (`CALL cop....`).
bool IsAnalysisQuery(std::string_view text);

// Runs the analysis query and reads its columns by name: rows with `node`
// and `risk` (cop.knowledgeAtRisk) add the node to `data` and a RiskFact to
// spec->risk (columns `experts`, `reason`); rows with `person` and
// `betweenness` (cop.brokers) add a BrokerFact, ranked in row order, for
// people with betweenness > 0 (the people themselves come from the map's
// other queries). InvalidArgument when the result has neither pair.
Status RunAnalysisInto(query::Engine& engine, const std::string& text,
                       const query::QueryOptions& options, GraphData* data, MapSpec* spec);

}  // namespace copmap::visualize
