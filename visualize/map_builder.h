// Turns query results (nodes, relationships, paths) into a styled Map.
//
// The spec says how to group and colour: by community (each community a
// cluster, people in the cluster of their strongest membership, boundary
// spanners marked), by role in one community, by expertise level in one
// domain, or not at all. Everything a node shows comes from its properties
// as text; no property is ever passed to Graphviz as an attribute.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "storage/status.h"
#include "storage/value.h"
#include "visualize/graph_data.h"
#include "visualize/map_model.h"

namespace copmap::visualize {

enum class ClusterBy {
  kNone,
  kCommunity,    // one cluster per Community node; people placed by membership
  kRole,         // members of the focus community grouped by MEMBER_OF.role
  kExpertLevel,  // experts in the focus domain grouped by EXPERT_IN.level
  kDomain,       // one cluster per Domain with its experts and learners (risk map)
  kKind,         // only the grouping by kind below (ego maps)
  // With any of these but kNone, nodes not placed otherwise are grouped in
  // one cluster per kind ("Practices", "Domains", ...), except the focus.
};

enum class Coloring {
  kLabel,        // by label only
  kRole,         // people by membership role (to the focus, else strongest)
  kExpertLevel,  // people by expertise level (in the focus, else highest)
  kRisk,         // domains by their MapSpec::risk assessment (cop.knowledgeAtRisk)
};

// What cop.knowledgeAtRisk says about a domain (or an orphaned practice).
struct RiskFact {
  double risk = 0;              // 0..1, higher first
  int64_t staying_experts = 0;  // experts at level 4+ who stay
  std::string reason;           // shown under the name
};

// What cop.brokers says about a person: their place in the ranking.
struct BrokerFact {
  int rank = 0;  // 1 = the highest betweenness
  double betweenness = 0;
};

enum class OverflowPolicy { kSummarize, kRefuse };

struct MapSpec {
  TitleBlock title;
  ClusterBy cluster_by = ClusterBy::kNone;
  Coloring coloring = Coloring::kLabel;
  // The node the map is about, by label and key value (Person: email,
  // Practice: title, others: name). Empty label: no focus. kRole and
  // kExpertLevel need a focus.
  std::string focus_label;
  std::string focus_key;
  // Relationship types read for facts (e.g. WORKS_AT, to find people in
  // several organizations) but not drawn.
  std::vector<std::string> hidden_types;
  // More nodes than this: summarized (clusters collapsed to one node each
  // with counts, then remaining nodes by label) or refused.
  size_t max_nodes = 2000;
  OverflowPolicy overflow = OverflowPolicy::kSummarize;
  // By node id. kRisk colours, orders and explains the domains with `risk`
  // (a domain without a fact counts as not at risk); `brokers` are marked
  // (a diamond before the name, a purple outline) on any map that holds them.
  std::map<uint64_t, RiskFact> risk;
  std::map<uint64_t, BrokerFact> brokers;
};

// Errors: NotFound when the focus is not in the data (e.g. "no Community
// named 'X' in the result"), InvalidArgument for a spec that needs a focus
// and has none, ResourceExhausted when the map is over max_nodes and cannot
// be summarized below it (or overflow is kRefuse).
Result<Map> BuildMap(const GraphData& data, const MapSpec& spec);
Result<Map> BuildMapFromRows(const std::vector<std::vector<Value>>& rows, const MapSpec& spec);

}  // namespace copmap::visualize
