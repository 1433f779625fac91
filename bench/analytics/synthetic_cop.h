// A synthetic CoP organization shaped like the workload generator's
// (../shared/bench/gen_cop.py): N people in N/25 organizations (at most
// 500, Zipf sizes) and N/50 communities (1..4 per person), N/20 domains (at
// most 2000, Zipf popularity) with 0..3 EXPERT_IN per person, and KNOWS ties
// with a shifted-Pareto out-degree (mean about 10.6, capped at 1000) whose
// targets are 50% community peers, 30% colleagues, 20% hubs; strengths as in
// the generator. Deterministic for a seed. Not the generator's exact stream:
// sizes and degree distribution match, individual edges do not.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "query/analytics/projection.h"
#include "storage/graph_store.h"

namespace copmap::analytics::bench {

struct SyntheticCop {
  uint32_t people = 0, organizations = 0, communities = 0, domains = 0;
  std::vector<uint32_t> org_of;                    // by person
  std::vector<std::vector<uint32_t>> communities_of;  // by person
  struct Expertise {
    uint32_t person, domain;
    int64_t level;
  };
  std::vector<Expertise> expertise;
  std::vector<Edge> knows;  // person -> person, weight = strength
};

SyntheticCop GenerateCop(uint32_t people, uint64_t seed);

// Loads it into `store` with the bulk loader (CoP names: Person{email, name},
// Organization, Community, Domain{name: "domain-<i>"}, WORKS_AT, MEMBER_OF{role},
// EXPERT_IN{level}, KNOWS{strength}). Returns the NodeIds of the people.
Result<std::vector<storage::NodeId>> LoadCop(const SyntheticCop& cop, storage::GraphStore& store);

}  // namespace copmap::analytics::bench
