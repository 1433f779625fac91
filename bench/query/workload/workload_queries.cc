#include "bench/query/workload/workload_queries.h"

#include <algorithm>

namespace copmap::bench {
namespace {

// Integers print as integers; a float that holds one (an engine may return
// count() as a float) prints without a fraction, like Number() in the peers.
std::string Num(const Value& v) {
  if (v.is_null()) return "null";
  if (v.is_int()) return std::to_string(v.as_int());
  double d = v.as_number();
  if (d == static_cast<double>(static_cast<int64_t>(d))) return std::to_string(static_cast<int64_t>(d));
  return v.ToString();
}

std::string Str(const Value& v) { return v.is_string() ? v.as_string() : v.ToString(); }

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

// Q3, Q5 and Q8 return one row with one count; no row at all would be an
// engine bug, shown as such in the line rather than hidden.
std::string SingleCount(const std::vector<std::vector<Value>>& rows) {
  return rows.empty() ? "<no row>" : Num(rows[0][0]);
}

}  // namespace

const std::vector<ReadQuery>& ReadQueries() {
  static const std::vector<ReadQuery> kQueries = {
      {"Q1", "MATCH (p:Person) WHERE p.id = $id RETURN p.name AS name, p.email AS email", {"id"}},
      {"Q2",
       "MATCH (p:Person)-[:MEMBER_OF]->(c:Community) WHERE p.id = $id RETURN c.name AS name",
       {"id"}},
      {"Q3",
       "MATCH (p:Person)-[:MEMBER_OF]->(:Community)<-[:MEMBER_OF]-(q:Person) "
       "WHERE p.id = $id AND q.id <> $id RETURN count(DISTINCT q.id) AS n",
       {"id"}},
      {"Q4",
       "MATCH (p:Person)-[e:EXPERT_IN]->(d:Domain) WHERE d.id = $id AND e.level >= 3 "
       "RETURN p.id AS id, e.level AS level ORDER BY level DESC, id ASC LIMIT 10",
       {"id"}},
      {"Q5",
       "MATCH (a:Person)-[:KNOWS*1..2]->(b:Person)-[:EXPERT_IN]->(d:Domain) "
       "WHERE a.id = $pid AND d.id = $did AND b.id <> $pid RETURN count(DISTINCT b.id) AS n",
       {"pid", "did"}},
      // WORKLOAD.md's openCypher/Neo4j spelling of the Kùzu SHORTEST form.
      {"Q6",
       "MATCH p = shortestPath((a:Person)-[:KNOWS*1..6]->(b:Person)) "
       "WHERE a.id = $src AND b.id = $dst RETURN length(p) AS len",
       {"src", "dst"}},
      {"Q7",
       "MATCH (p:Person)-[:MEMBER_OF]->(c:Community) "
       "RETURN c.id AS id, c.name AS name, count(*) AS members ORDER BY members DESC, id ASC LIMIT 10",
       {}},
      {"Q8",
       "MATCH (p:Person)-[e:EXPERT_IN]->(d:Domain) WHERE e.level >= 4 "
       "WITH d, count(p) AS n WHERE n = 1 RETURN count(d) AS domains",
       {}},
  };
  return kQueries;
}

const std::string_view kWriteEdgeQuery =
    "MATCH (a:Person), (b:Person) WHERE a.id = $src AND b.id = $dst "
    "CREATE (a)-[:KNOWS {strength: $w}]->(b)";
const std::string_view kCountKnowsQuery = "MATCH ()-[r:KNOWS]->() RETURN count(r) AS n";
const std::vector<std::string_view> kLoadIndexes = {
    "CREATE INDEX FOR (p:Person) ON (p.id)",
    "CREATE INDEX FOR (d:Domain) ON (d.id)",
};

std::string CanonicalLine(std::string_view name, const std::vector<std::vector<Value>>& rows) {
  std::vector<std::string> parts;
  if (name == "Q1") return rows.empty() ? "" : Str(rows[0][0]) + "|" + Str(rows[0][1]);
  if (name == "Q2") {
    for (const auto& r : rows) parts.push_back(Str(r[0]));
    std::sort(parts.begin(), parts.end());
    return Join(parts, ";");
  }
  if (name == "Q4") {
    for (const auto& r : rows) parts.push_back(Num(r[0]) + ":" + Num(r[1]));
    return Join(parts, ",");
  }
  if (name == "Q6") return rows.empty() || rows[0][0].is_null() ? "-1" : Num(rows[0][0]);
  if (name == "Q7") {
    for (const auto& r : rows) parts.push_back(Num(r[0]) + ":" + Str(r[1]) + ":" + Num(r[2]));
    return Join(parts, ",");
  }
  return SingleCount(rows);  // Q3, Q5, Q8
}

}  // namespace copmap::bench
