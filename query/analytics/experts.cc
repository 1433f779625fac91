// cop.experts(domain, {from, limit, asOf, maxHops}): people ranked by
// evidence of expertise, optionally weighted by trust distance from `from`.
#include <algorithm>
#include <map>

#include "query/analytics/expertise.h"
#include "query/analytics/procedures_internal.h"
#include "query/analytics/trust_search.h"

namespace copmap::analytics {

namespace {

const char kName[] = "cop.experts";

struct Ranked {
  const Evidence* evidence;
  double rank;
  const TrustPath* path;  // null without `from` or when unreachable
};

Status Run(storage::Transaction& txn, const std::vector<Value>& args, const RowCallback& emit) {
  CopGraph graph(txn);
  if (!args[0].is_string()) {
    return Status::InvalidArgument(std::string(kName) + ": domain must be a domain name, got " +
                                   args[0].ToString());
  }
  COPMAP_ASSIGN_OR_RETURN(ProcedureOptions options,
                          ProcedureOptions::Parse(kName, args[1], {"from", "limit", "asOf", "maxHops"}));
  COPMAP_ASSIGN_OR_RETURN(int64_t limit, options.Int("limit", 10, 1, 1'000'000));
  COPMAP_ASSIGN_OR_RETURN(int64_t max_hops, options.Int("maxHops", 6, 1, 100));
  COPMAP_ASSIGN_OR_RETURN(int64_t as_of, AsOf(options));
  COPMAP_ASSIGN_OR_RETURN(storage::NodeId domain, graph.FindByKey(kName, "Domain", "name", args[0]));
  COPMAP_ASSIGN_OR_RETURN(std::vector<Evidence> evidence, CollectExpertise(graph, domain, as_of));

  std::optional<storage::NodeId> from;
  if (!options.Get("from").is_null()) {
    COPMAP_ASSIGN_OR_RETURN(from, graph.ResolvePerson(kName, options.Get("from")));
  }
  std::map<storage::NodeId, TrustPath> paths;
  if (from) {
    std::vector<storage::NodeId> targets;
    double best_score = 0;
    for (const Evidence& e : evidence) {
      if (e.person == *from) continue;
      targets.push_back(e.person);
      best_score = std::max(best_score, e.score);
    }
    std::map<storage::NodeId, double> score_of;
    for (const Evidence& e : evidence) score_of[e.person] = e.score;
    // Exact top-k: once `limit` experts are found whose rank (score x trust)
    // no later one (at most best_score x bound) can beat, stop searching.
    auto stop = [&](double bound, const std::map<storage::NodeId, TrustPath>& found) {
      if (found.size() < static_cast<size_t>(limit)) return false;
      std::vector<double> ranks;
      for (const auto& [p, path] : found) ranks.push_back(score_of[p] * path.trust);
      std::nth_element(ranks.begin(), ranks.begin() + (limit - 1), ranks.end(), std::greater<>());
      return ranks[limit - 1] > best_score * bound;
    };
    TrustSearchLimits limits;
    limits.max_hops = static_cast<int>(max_hops);
    COPMAP_ASSIGN_OR_RETURN(paths, FindTrustPaths(graph, *from, targets, limits, stop));
  }

  std::vector<Ranked> ranked;
  for (const Evidence& e : evidence) {
    if (from && e.person == *from) continue;
    auto it = paths.find(e.person);
    const TrustPath* path = it == paths.end() ? nullptr : &it->second;
    double rank = from ? (path ? e.score * path->trust : 0) : e.score;
    ranked.push_back({&e, rank, path});
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    return a.rank > b.rank;  // evidence is in person-id order: ties stay by id
  });
  if (ranked.size() > static_cast<size_t>(limit)) ranked.resize(limit);
  for (const Ranked& r : ranked) {
    std::vector<Value> row;
    COPMAP_ASSIGN_OR_RETURN(Value node, graph.NodeValueOf(r.evidence->person));
    COPMAP_ASSIGN_OR_RETURN(Value name, graph.Prop(r.evidence->person, "name"));
    COPMAP_ASSIGN_OR_RETURN(Value email, graph.Prop(r.evidence->person, "email"));
    Value trust, hops, path;
    if (r.path) {
      std::vector<std::string> names;
      for (storage::NodeId p : r.path->people) {
        COPMAP_ASSIGN_OR_RETURN(std::string n, graph.DisplayName(p));
        names.push_back(n);
      }
      trust = r.path->trust;
      hops = static_cast<int64_t>(r.path->people.size() - 1);
      path = StringList(names);
    } else if (from) {
      trust = 0.0;
    }
    std::string explanation = r.evidence->Explain();
    if (from) {
      explanation += r.path ? "; trust " + std::to_string(r.path->trust).substr(0, 5) + " over " +
                                  std::to_string(r.path->people.size() - 1) + " tie(s)"
                            : "; no trusted path";
    }
    COPMAP_RETURN_IF_ERROR(emit({node, name, email, r.rank, r.evidence->score, trust, hops, path,
                                 Value(explanation)}));
  }
  return Status::OK();
}

}  // namespace

ProcedureDef ExpertsProcedure() {
  return {kName,
          "People ranked by evidence of expertise in a domain; with `from`, weighted by the "
          "trust of the best KNOWS path from that person.",
          {{"domain", "STRING", false, "the domain's name"},
           {"options", "MAP", true, "{from: person, limit: 10, asOf: date, maxHops: 6}"}},
          {{"person", "NODE"},
           {"name", "STRING"},
           {"email", "STRING"},
           {"score", "FLOAT"},
           {"expertise", "FLOAT"},
           {"trust", "FLOAT"},
           {"hops", "INTEGER"},
           {"path", "LIST"},
           {"explanation", "STRING"}},
          Run};
}

}  // namespace copmap::analytics
