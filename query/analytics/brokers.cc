// cop.brokers({scope, limit, samples, seed}): boundary spanners by
// betweenness over KNOWS, the communities and organizations their ties
// reach, and Burt's constraint.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <thread>

#include "query/analytics/betweenness.h"
#include "query/analytics/constraint.h"
#include "query/analytics/people_graph.h"
#include "query/analytics/procedures_internal.h"

namespace copmap::analytics {

namespace {

const char kName[] = "cop.brokers";
// Up to this many people betweenness is exact by default; beyond, sampled.
constexpr uint32_t kExactUpTo = 5000;
constexpr uint32_t kDefaultPivots = 256;

Status Run(storage::Transaction& txn, const std::vector<Value>& args, const RowCallback& emit) {
  CopGraph graph(txn);
  COPMAP_ASSIGN_OR_RETURN(ProcedureOptions options,
                          ProcedureOptions::Parse(kName, args[0], {"scope", "limit", "samples", "seed"}));
  COPMAP_ASSIGN_OR_RETURN(int64_t limit, options.Int("limit", 20, 1, 10'000'000));
  COPMAP_ASSIGN_OR_RETURN(int64_t samples, options.Int("samples", -1, -1, 100'000'000));
  COPMAP_ASSIGN_OR_RETURN(int64_t seed, options.Int("seed", 42, 0, INT64_MAX));
  std::optional<storage::NodeId> scope;
  if (!options.Get("scope").is_null()) {
    COPMAP_ASSIGN_OR_RETURN(scope,
                            graph.FindByKey(kName, "Community", "name", options.Get("scope")));
  }
  COPMAP_ASSIGN_OR_RETURN(PeopleGraph pg, LoadPeopleGraph(graph, scope));
  const Projection& g = pg.knows;

  BetweennessOptions bo;
  bo.seed = static_cast<uint64_t>(seed);
  // samples: -1 = automatic, 0 = exact, k = k pivots.
  bo.samples = samples >= 0 ? static_cast<uint32_t>(samples)
                            : (g.num_nodes() <= kExactUpTo ? 0 : kDefaultPivots);
  // Sources split over two threads (per-thread accumulators, summed in a
  // fixed order: deterministic for a given thread count).
  bo.threads = std::clamp(std::thread::hardware_concurrency(), 1u, 2u);
  COPMAP_ASSIGN_OR_RETURN(BetweennessResult bc, Betweenness(g, bo));

  std::vector<LocalId> order(g.num_nodes());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&bc](LocalId a, LocalId b) { return bc.score[a] > bc.score[b]; });
  if (order.size() > static_cast<size_t>(limit)) order.resize(limit);
  std::vector<double> constraint = BurtConstraint(g, order);

  for (size_t k = 0; k < order.size(); ++k) {
    LocalId v = order[k];
    storage::NodeId person = g.Global(v);
    std::set<uint32_t> communities(pg.member_of[v].begin(), pg.member_of[v].end());
    std::set<storage::NodeId> organizations;
    COPMAP_ASSIGN_OR_RETURN(auto own_orgs, graph.Neighbors(person, storage::Direction::kOut, "WORKS_AT"));
    organizations.insert(own_orgs.begin(), own_orgs.end());
    for (LocalId u : g.Out(v)) {
      communities.insert(pg.member_of[u].begin(), pg.member_of[u].end());
      COPMAP_ASSIGN_OR_RETURN(auto orgs,
                              graph.Neighbors(g.Global(u), storage::Direction::kOut, "WORKS_AT"));
      organizations.insert(orgs.begin(), orgs.end());
    }
    COPMAP_ASSIGN_OR_RETURN(Value node, graph.NodeValueOf(person));
    COPMAP_ASSIGN_OR_RETURN(Value name, graph.Prop(person, "name"));
    COPMAP_ASSIGN_OR_RETURN(Value email, graph.Prop(person, "email"));
    Value c = std::isnan(constraint[k]) ? Value() : Value(constraint[k]);
    COPMAP_RETURN_IF_ERROR(emit({node, name, email, bc.score[v], c,
                                 static_cast<int64_t>(communities.size()),
                                 static_cast<int64_t>(organizations.size()),
                                 static_cast<int64_t>(g.OutDegree(v)), bc.exact, bc.error_bound}));
  }
  return Status::OK();
}

}  // namespace

ProcedureDef BrokersProcedure() {
  return {kName,
          "Boundary spanners: normalized betweenness over KNOWS (exact up to 5000 people, else "
          "256 sampled pivots with a 95% error bound), communities and organizations their ties "
          "reach (own included), Burt's constraint.",
          {{"options", "MAP", true, "{scope: community name, limit: 20, samples: k, seed: 42}"}},
          {{"person", "NODE"},
           {"name", "STRING"},
           {"email", "STRING"},
           {"betweenness", "FLOAT"},
           {"constraint", "FLOAT"},
           {"communities", "INTEGER"},
           {"organizations", "INTEGER"},
           {"ties", "INTEGER"},
           {"exact", "BOOLEAN"},
           {"errorBound", "FLOAT"}},
          Run};
}

}  // namespace copmap::analytics
