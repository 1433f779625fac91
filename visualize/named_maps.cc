#include "visualize/named_maps.h"

#include <algorithm>
#include <map>
#include <set>

#include "visualize/analysis_facts.h"
#include "visualize/graph_data.h"
#include "visualize/renderer.h"
#include "visualize/text.h"

namespace copmap::visualize {
namespace {

// The risk map lists what cop.knowledgeAtRisk lists with this bar (fewer
// than three staying experts), so that "two experts: thin" shows too.
constexpr int kRiskMinExperts = 3;
// The organization map marks this many top brokers.
constexpr int kMarkedBrokers = 10;

std::string BrokersQuery() {
  return "CALL cop.brokers({limit: " + std::to_string(kMarkedBrokers) +
         "}) YIELD person, betweenness RETURN person, betweenness";
}

const std::vector<NamedMapInfo>& Catalog() {
  static const std::vector<NamedMapInfo> maps = {
      {"community", "NAME",
       "a community's members grouped by role (core, active, peripheral), its leaders and their "
       "style, the domains it focuses on, the communities it links to, the practices its "
       "members wrote",
       {"MATCH (c:Community {name: $arg}) RETURN c",
        "MATCH (p:Person)-[m:MEMBER_OF]->(c:Community {name: $arg}) RETURN p, m",
        "MATCH (p:Person)-[l:LEADS]->(c:Community {name: $arg}) RETURN p, l",
        "MATCH (c:Community {name: $arg})-[f:FOCUSES_ON]->(d:Domain) RETURN d, f",
        "MATCH (c:Community {name: $arg})-[k:LINKED_TO]-(o:Community) RETURN o, k",
        "MATCH (c:Community {name: $arg})<-[:MEMBER_OF]-(p:Person)-[a:AUTHORED]->(pr:Practice) "
        "RETURN pr, a"}},
      {"domain", "NAME",
       "experts in a domain grouped by level, the practices about it, the communities focusing "
       "on it, people interested in it and the mentoring in it",
       {"MATCH (d:Domain {name: $arg}) RETURN d",
        "MATCH (p:Person)-[e:EXPERT_IN]->(d:Domain {name: $arg}) RETURN p, e",
        "MATCH (p:Person)-[i:INTERESTED_IN]->(d:Domain {name: $arg}) RETURN p, i",
        "MATCH (pr:Practice)-[a:ABOUT]->(d:Domain {name: $arg}) RETURN pr, a",
        "MATCH (c:Community)-[f:FOCUSES_ON]->(d:Domain {name: $arg}) RETURN c, f",
        "MATCH (a:Person)-[m:MENTORS]->(b:Person) WHERE m.domain = $arg RETURN a, m, b"}},
      {"organization", "[NAME]",
       "every community as a cluster with its members; people in several communities or "
       "organizations are boundary spanners, placed in their strongest community with red "
       "dashed lines to the others; the ten brokers of cop.brokers (highest betweenness over "
       "KNOWS) are marked. With NAME: the communities that are part of that organization (or "
       "of its units)",
       {"MATCH (c:Community) RETURN c",
        "MATCH (p:Person)-[m:MEMBER_OF]->(c:Community) RETURN p, m",
        "MATCH (p:Person)-[l:LEADS]->(c:Community) RETURN p, l",
        "MATCH (a:Community)-[k:LINKED_TO]->(b:Community) RETURN k",
        "MATCH (c:Community)-[r:PART_OF]->(o:Organization) RETURN o, r",
        "MATCH (p:Person)-[w:WORKS_AT]->(o:Organization) RETURN o, w",
        BrokersQuery()}},
      {"person", "EMAIL",
       "a person's ego network: communities, expertise and interests, mentors and mentees, "
       "ties, practices, organizations",
       {"MATCH (p:Person {email: $arg}) RETURN p",
        "MATCH (p:Person {email: $arg})-[r]->(x) RETURN r, x",
        "MATCH (p:Person {email: $arg})<-[r]-(x) RETURN r, x"}},
      {"risk", "",
       "knowledge at risk: the domains cop.knowledgeAtRisk lists with minExperts 3 (fewer than "
       "three experts at level 4 or 5 who stay), coloured by how many stay (one = at risk), "
       "each with its risk and reason, its experts and the people interested in it who could "
       "learn from them",
       {"CALL cop.knowledgeAtRisk({minExperts: " + std::to_string(kRiskMinExperts) +
            "}) YIELD kind, node, risk, experts, reason WHERE kind = 'domain' "
            "RETURN node, risk, experts, reason",
        "MATCH (p:Person)-[e:EXPERT_IN]->(d:Domain) WHERE e.level >= 4 RETURN p, e",
        "MATCH (p:Person)-[i:INTERESTED_IN]->(d:Domain) RETURN p, i"}},
  };
  return maps;
}

// organization NAME: only the communities of that organization and its units.
const std::vector<std::string>& NamedOrganizationQueries() {
  static const std::vector<std::string> queries = {
      "MATCH (o:Organization {name: $arg}) RETURN o",
      "MATCH (c:Community)-[r:PART_OF]->(o:Organization {name: $arg}) RETURN c, r",
      "MATCH (c:Community)-[r:PART_OF]->(u:Organization)-[s:PART_OF]->(o:Organization "
      "{name: $arg}) RETURN c, r, u, s",
      "MATCH (p:Person)-[m:MEMBER_OF]->(c:Community)-[:PART_OF]->(o:Organization {name: $arg}) "
      "RETURN p, m",
      "MATCH (p:Person)-[m:MEMBER_OF]->(c:Community)-[:PART_OF]->(:Organization)-[:PART_OF]->"
      "(o:Organization {name: $arg}) RETURN p, m",
      "MATCH (p:Person)-[l:LEADS]->(c:Community)-[:PART_OF]->(o:Organization {name: $arg}) "
      "RETURN p, l",
      "MATCH (a:Community)-[k:LINKED_TO]->(b:Community)-[:PART_OF]->(o:Organization "
      "{name: $arg}) RETURN a, k",
      "MATCH (p:Person)-[w:WORKS_AT]->(x:Organization) RETURN x, w",
      BrokersQuery()};
  return queries;
}

std::string Usage() {
  std::string out = "known maps: ";
  for (const NamedMapInfo& info : Catalog()) {
    if (&info != &Catalog().front()) out += ", ";
    out += info.name + (info.argument.empty() ? "" : " " + info.argument);
  }
  return out;
}

Status RunInto(query::Engine& engine, const std::string& text, const query::QueryOptions& options,
               GraphData* data) {
  Result<query::QueryResult> result = engine.Run(text, options);
  if (!result.ok()) return result.status().WithContext("map query '" + text + "'");
  for (const auto& row : result->rows) {
    for (const Value& value : row) CollectValue(value, data);
  }
  return Status::OK();
}

// Keeps the domains cop.knowledgeAtRisk listed (`risk`), and the people and
// relationships around them.
void KeepDomainsAtRisk(const std::map<uint64_t, RiskFact>& risk, GraphData* data) {
  std::set<uint64_t> drop;
  for (const auto& [id, node] : data->nodes) {
    if (HasLabel(node, "Domain") && !risk.count(id)) drop.insert(id);
  }
  std::set<uint64_t> linked;
  for (auto it = data->relationships.begin(); it != data->relationships.end();) {
    if (drop.count(it->second.start) || drop.count(it->second.end) ||
        !data->nodes.count(it->second.end)) {
      it = data->relationships.erase(it);
    } else {
      linked.insert(it->second.start);
      linked.insert(it->second.end);
      ++it;
    }
  }
  for (auto it = data->nodes.begin(); it != data->nodes.end();) {
    const bool lone_person = HasLabel(it->second, "Person") && !linked.count(it->first);
    it = drop.count(it->first) || lone_person ? data->nodes.erase(it) : std::next(it);
  }
}

struct Plan {
  std::vector<std::string> queries;
  MapSpec spec;
};

Result<Plan> PlanFor(const MapRequest& request) {
  auto info = std::find_if(Catalog().begin(), Catalog().end(),
                           [&](const NamedMapInfo& i) { return i.name == request.map; });
  if (info == Catalog().end()) {
    return Status::InvalidArgument("unknown map '" + Shorten(SanitizeText(request.map, false), 40) +
                                   "'; " + Usage());
  }
  const bool needs = info->argument == "NAME" || info->argument == "EMAIL";
  if (needs && request.argument.empty()) {
    return Status::InvalidArgument("map '" + info->name + "' needs " + info->argument + "; " +
                                   Usage());
  }
  if (info->argument.empty() && !request.argument.empty()) {
    return Status::InvalidArgument("map '" + info->name + "' takes no argument; " + Usage());
  }
  Plan plan;
  plan.queries = info->queries;
  MapSpec& spec = plan.spec;
  const std::string arg = SanitizeText(request.argument, false);
  if (info->name == "community") {
    spec.cluster_by = ClusterBy::kRole;
    spec.coloring = Coloring::kRole;
    spec.focus_label = "Community";
    spec.title.title = "Community: " + arg;
    spec.title.subtitle = "Members by role, leaders, domains, linked communities and practices";
  } else if (info->name == "domain") {
    spec.cluster_by = ClusterBy::kExpertLevel;
    spec.coloring = Coloring::kExpertLevel;
    spec.focus_label = "Domain";
    spec.title.title = "Expertise map: " + arg;
    spec.title.subtitle = "Experts by level, practices, communities, learners and mentoring";
  } else if (info->name == "organization") {
    spec.cluster_by = ClusterBy::kCommunity;
    spec.coloring = Coloring::kRole;
    spec.hidden_types = {"WORKS_AT"};
    spec.title.title = arg.empty() ? "Communities of practice" : "Communities of practice: " + arg;
    spec.title.subtitle =
        "Each community a cluster; boundary spanners double-outlined; brokers marked";
    if (!arg.empty()) {
      spec.focus_label = "Organization";
      plan.queries = NamedOrganizationQueries();
    }
  } else if (info->name == "person") {
    spec.focus_label = "Person";
    spec.cluster_by = ClusterBy::kKind;
    spec.coloring = Coloring::kLabel;
    spec.title.title = "Person: " + arg;
    spec.title.subtitle = "Communities, expertise, mentors and mentees, ties";
  } else {
    spec.cluster_by = ClusterBy::kDomain;
    spec.coloring = Coloring::kRisk;
    spec.title.title = "Knowledge at risk";
    spec.title.subtitle = "Domains with fewer than " + std::to_string(kRiskMinExperts) +
                          " staying experts (level 4+, cop.knowledgeAtRisk), their experts and "
                          "who could learn from them";
  }
  spec.focus_key = request.argument;
  spec.title.date = request.date;
  spec.title.data_note = request.data_note;
  spec.max_nodes = request.max_nodes;
  spec.overflow = request.overflow;
  return plan;
}

Result<RenderedMap> Render(const Map& map, const RenderOptions& render) {
  COPMAP_ASSIGN_OR_RETURN(std::string bytes, RenderMap(map, render));
  RenderedMap out;
  out.bytes = std::move(bytes);
  out.media_type = std::string(MediaType(render.format));
  out.title = map.title.title;
  out.nodes = map.nodes.size();
  out.edges = map.edges.size();
  return out;
}

}  // namespace

const std::vector<NamedMapInfo>& NamedMaps() { return Catalog(); }

std::string_view MediaType(Format format) {
  switch (format) {
    case Format::kSvg: return "image/svg+xml";
    case Format::kPdf: return "application/pdf";
    case Format::kPng: return "image/png";
    case Format::kDot: return "text/vnd.graphviz";
  }
  return "application/octet-stream";
}

Result<RenderedMap> RenderNamedMap(query::Engine& engine, const MapRequest& request) {
  COPMAP_ASSIGN_OR_RETURN(Plan plan, PlanFor(request));
  query::QueryOptions options;
  options.read_only = true;
  options.timeout = request.query_timeout;
  options.params = ValueMap{{"arg", Value(request.argument)}};
  GraphData data;
  for (const std::string& text : plan.queries) {
    COPMAP_RETURN_IF_ERROR(IsAnalysisQuery(text)
                               ? RunAnalysisInto(engine, text, options, &data, &plan.spec)
                               : RunInto(engine, text, options, &data));
  }
  if (request.map == "risk") KeepDomainsAtRisk(plan.spec.risk, &data);
  COPMAP_ASSIGN_OR_RETURN(Map map, BuildMap(data, plan.spec));
  return Render(map, request.render);
}

Result<RenderedMap> RenderQueryMap(query::Engine& engine, std::string_view query_text,
                                   const RenderOptions& render, MapSpec spec) {
  query::QueryOptions options;
  options.read_only = true;
  GraphData data;
  COPMAP_RETURN_IF_ERROR(RunInto(engine, std::string(query_text), options, &data));
  if (data.nodes.empty()) {
    return Status::InvalidArgument(
        "the query returned no nodes, relationships or paths to draw; RETURN nodes (e.g. "
        "RETURN p), relationships or paths");
  }
  if (spec.title.title.empty()) spec.title.title = SanitizeText(query_text, false);
  COPMAP_ASSIGN_OR_RETURN(Map map, BuildMap(data, spec));
  return Render(map, render);
}

}  // namespace copmap::visualize
