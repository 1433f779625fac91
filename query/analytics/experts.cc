// cop.experts(domain, {from, limit, asOf, maxHops}): people ranked by
// evidence of expertise, optionally weighted by trust distance from `from`.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>
#include <utility>

#include "query/analytics/expertise.h"
#include "query/analytics/procedures_internal.h"
#include "query/analytics/trust_search.h"

namespace copmap::analytics {

namespace {

const char kName[] = "cop.experts";

struct Ranked {
  Evidence evidence;
  double rank;
  std::optional<TrustPath> path;  // with `from` only
};

// With `from`: experts in order of trust, evaluated only as the search
// reaches them. It stops once `limit` experts rank (score x trust) above
// what anyone reached later could: the highest score bound among the
// candidates not reached yet x the current trust (and at once when every
// candidate has been reached).
Result<std::vector<Ranked>> RankFrom(CopGraph& graph, const ExpertiseIndex& index,
                                     storage::NodeId from, int64_t as_of, int64_t limit,
                                     int max_hops) {
  std::vector<Ranked> ranked;
  std::vector<double> ranks;  // min-heap of the best `limit` ranks
  const auto& candidates = index.candidates();
  const auto& bounds = index.candidate_bounds();
  // (bound, candidate index), highest bound first. Only the best bound among
  // the unreached matters, so equal bounds may come in any order; sorting
  // the pairs themselves (not indexes compared through `bounds`) keeps the
  // sort in cache: it was 6 % of a call over the popular domains.
  std::vector<std::pair<double, uint32_t>> by_bound(candidates.size());
  for (size_t i = 0; i < by_bound.size(); ++i) by_bound[i] = {bounds[i], static_cast<uint32_t>(i)};
  std::sort(by_bound.begin(), by_bound.end(), std::greater<>());
  std::vector<bool> reached(candidates.size(), false);
  size_t best_unreached = 0;  // position in by_bound
  TrustSearchLimits limits;
  limits.max_hops = max_hops;
  auto visit = [&](storage::NodeId person, double trust,
                   const std::function<TrustPath()>& path) -> Result<bool> {
    while (best_unreached < by_bound.size() && reached[by_bound[best_unreached].second]) {
      ++best_unreached;
    }
    if (best_unreached == by_bound.size()) return true;
    double bound = by_bound[best_unreached].first;
    if (ranks.size() >= static_cast<size_t>(limit) && ranks.front() > bound * trust) return true;
    auto at = std::lower_bound(candidates.begin(), candidates.end(), person);
    if (at == candidates.end() || *at != person) return false;
    reached[static_cast<size_t>(at - candidates.begin())] = true;
    if (person == from) return false;
    COPMAP_ASSIGN_OR_RETURN(std::optional<Evidence> ev, index.Evaluate(graph, person, as_of));
    if (!ev) return false;
    double rank = ev->score * trust;
    ranked.push_back({std::move(*ev), rank, path()});
    ranks.push_back(rank);
    std::push_heap(ranks.begin(), ranks.end(), std::greater<>());
    if (ranks.size() > static_cast<size_t>(limit)) {
      std::pop_heap(ranks.begin(), ranks.end(), std::greater<>());
      ranks.pop_back();
    }
    return false;
  };
  COPMAP_RETURN_IF_ERROR(SearchTrust(graph, from, limits, visit));
  return ranked;
}

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
  COPMAP_ASSIGN_OR_RETURN(ExpertiseIndex index, ExpertiseIndex::Build(graph, domain));

  std::vector<Ranked> ranked;
  bool from_given = !options.Get("from").is_null();
  if (from_given) {
    COPMAP_ASSIGN_OR_RETURN(storage::NodeId from, graph.ResolvePerson(kName, options.Get("from")));
    COPMAP_ASSIGN_OR_RETURN(ranked, RankFrom(graph, index, from, as_of, limit,
                                             static_cast<int>(max_hops)));
  } else {
    for (storage::NodeId person : index.candidates()) {
      COPMAP_ASSIGN_OR_RETURN(std::optional<Evidence> ev, index.Evaluate(graph, person, as_of));
      if (ev) ranked.push_back({*ev, ev->score, std::nullopt});
    }
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.rank != b.rank) return a.rank > b.rank;
    return a.evidence.person < b.evidence.person;
  });
  if (ranked.size() > static_cast<size_t>(limit)) ranked.resize(limit);
  for (const Ranked& r : ranked) {
    storage::NodeId person = r.evidence.person;
    COPMAP_ASSIGN_OR_RETURN(Value node, graph.NodeValueOf(person));
    COPMAP_ASSIGN_OR_RETURN(Value name, graph.Prop(person, "name"));
    COPMAP_ASSIGN_OR_RETURN(Value email, graph.Prop(person, "email"));
    Value trust, hops, path;
    std::string explanation = r.evidence.Explain();
    if (r.path) {
      std::vector<std::string> names;
      for (storage::NodeId p : r.path->people) {
        COPMAP_ASSIGN_OR_RETURN(std::string n, graph.DisplayName(p));
        names.push_back(n);
      }
      trust = r.path->trust;
      hops = static_cast<int64_t>(r.path->people.size() - 1);
      path = StringList(names);
      char buf[64];
      std::snprintf(buf, sizeof buf, "; trust %.3f over %zu tie(s)", r.path->trust,
                    r.path->people.size() - 1);
      explanation += buf;
    }
    COPMAP_RETURN_IF_ERROR(emit({node, name, email, r.rank, r.evidence.score, trust, hops, path,
                                 Value(explanation)}));
  }
  return Status::OK();
}

}  // namespace

ProcedureDef ExpertsProcedure() {
  return {kName,
          "People ranked by evidence of expertise in a domain; with `from`, only those reachable "
          "over KNOWS within maxHops, weighted by the trust of the best path from that person.",
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
