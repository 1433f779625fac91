#include "visualize/analysis_facts.h"

#include <algorithm>
#include <optional>

namespace copmap::visualize {
namespace {

std::optional<size_t> Column(const query::QueryResult& result, std::string_view name) {
  auto it = std::find(result.columns.begin(), result.columns.end(), name);
  if (it == result.columns.end()) return std::nullopt;
  return static_cast<size_t>(it - result.columns.begin());
}

double NumberOr0(const Value& v) { return v.is_number() ? v.as_number() : 0; }

}  // namespace

bool IsAnalysisQuery(std::string_view text) { return text.starts_with("CALL cop."); }

Status RunAnalysisInto(query::Engine& engine, const std::string& text,
                       const query::QueryOptions& options, GraphData* data, MapSpec* spec) {
  Result<query::QueryResult> result = engine.Run(text, options);
  if (!result.ok()) return result.status().WithContext("map analysis '" + text + "'");
  const auto node = Column(*result, "node"), risk = Column(*result, "risk");
  const auto person = Column(*result, "person"), betweenness = Column(*result, "betweenness");
  if (node && risk) {
    const auto experts = Column(*result, "experts"), reason = Column(*result, "reason");
    for (const auto& row : result->rows) {
      if (!row[*node].is_node()) continue;
      CollectValue(row[*node], data);
      RiskFact fact;
      fact.risk = NumberOr0(row[*risk]);
      if (experts && row[*experts].is_int()) fact.staying_experts = row[*experts].as_int();
      if (reason && row[*reason].is_string()) fact.reason = row[*reason].as_string();
      spec->risk[row[*node].as_node().id] = std::move(fact);
    }
    return Status::OK();
  }
  if (person && betweenness) {
    int rank = 0;
    for (const auto& row : result->rows) {
      ++rank;
      if (!row[*person].is_node() || !(NumberOr0(row[*betweenness]) > 0)) continue;
      spec->brokers[row[*person].as_node().id] = {rank, NumberOr0(row[*betweenness])};
    }
    return Status::OK();
  }
  return Status::InvalidArgument("map analysis '" + text +
                                 "' returns neither node and risk nor person and betweenness");
}

}  // namespace copmap::visualize
