#include "bench/analytics/synthetic_cop.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "query/analytics/random.h"

namespace copmap::analytics::bench {

namespace {

// Draws an index with probability proportional to weights (cumulative table).
class Weighted {
 public:
  explicit Weighted(const std::vector<double>& weights) : cumulative_(weights.size()) {
    double sum = 0;
    for (size_t i = 0; i < weights.size(); ++i) cumulative_[i] = (sum += weights[i]);
  }
  uint32_t Draw(double u) const {
    double x = u * cumulative_.back();
    return static_cast<uint32_t>(std::upper_bound(cumulative_.begin(), cumulative_.end(), x) -
                                 cumulative_.begin()) %
           static_cast<uint32_t>(cumulative_.size());
  }

 private:
  std::vector<double> cumulative_;
};

std::vector<double> Zipf(uint32_t n, double s) {
  std::vector<double> w(n);
  for (uint32_t i = 0; i < n; ++i) w[i] = 1.0 / std::pow(i + 1.0, s);
  return w;
}

}  // namespace

SyntheticCop GenerateCop(uint32_t people, uint64_t seed) {
  Rng rng(seed);
  auto u01 = [&rng] { return static_cast<double>(rng.Next() >> 11) * 0x1.0p-53; };
  SyntheticCop cop;
  cop.people = people;
  cop.organizations = std::min<uint32_t>(500, std::max<uint32_t>(2, people / 25));
  cop.communities = std::max<uint32_t>(3, people / 50);
  cop.domains = std::min<uint32_t>(2000, std::max<uint32_t>(5, people / 20));
  Weighted org_pick(Zipf(cop.organizations, 0.9));
  Weighted comm_pick(Zipf(cop.communities, 0.8));
  Weighted dom_pick(Zipf(cop.domains, 1.0));
  Weighted ncomm({0.45, 0.30, 0.15, 0.10});
  Weighted nexp({0.30, 0.35, 0.20, 0.15});
  Weighted level({0.30, 0.30, 0.20, 0.13, 0.07});

  std::vector<std::vector<uint32_t>> org_members(cop.organizations), comm_members(cop.communities);
  cop.org_of.resize(people);
  cop.communities_of.resize(people);
  for (uint32_t p = 0; p < people; ++p) {
    uint32_t o = org_pick.Draw(u01());
    cop.org_of[p] = o;
    org_members[o].push_back(p);
    uint32_t k = ncomm.Draw(u01()) + 1;
    for (uint32_t tries = 0; cop.communities_of[p].size() < k && tries < 12; ++tries) {
      uint32_t c = comm_pick.Draw(u01());
      auto& mine = cop.communities_of[p];
      if (std::find(mine.begin(), mine.end(), c) != mine.end()) continue;
      mine.push_back(c);
      comm_members[c].push_back(p);
    }
    uint32_t e = nexp.Draw(u01());
    std::vector<uint32_t> doms;
    for (uint32_t tries = 0; doms.size() < e && tries < 10; ++tries) {
      uint32_t d = dom_pick.Draw(u01());
      if (std::find(doms.begin(), doms.end(), d) != doms.end()) continue;
      doms.push_back(d);
      cop.expertise.push_back({p, d, static_cast<int64_t>(level.Draw(u01())) + 1});
    }
  }

  const uint32_t cap = std::min<uint32_t>(1000, people - 1);
  std::vector<double> degree(people);
  for (uint32_t p = 0; p < people; ++p) {
    int64_t d = static_cast<int64_t>(5.8 * std::pow(1.0 - u01(), -0.5)) - 1;
    degree[p] = static_cast<double>(std::min<int64_t>(d, cap));
  }
  Weighted hub_pick(degree);
  std::unordered_set<uint32_t> got;
  for (uint32_t p = 0; p < people; ++p) {
    auto want = static_cast<size_t>(degree[p]);
    got.clear();
    const auto& cs = cop.communities_of[p];
    const auto& om = org_members[cop.org_of[p]];
    for (size_t attempts = 0; got.size() < want && attempts < 3 * want + 10; ++attempts) {
      double u = u01();
      uint32_t q;
      double s;
      if (u < 0.5 && !cs.empty()) {
        const auto& ml = comm_members[cs[rng.Uniform(cs.size())]];
        q = ml[rng.Uniform(ml.size())];
        s = 0.3 + 0.7 * u01();
      } else if (u < 0.8) {
        q = om[rng.Uniform(om.size())];
        s = 0.2 + 0.8 * u01();
      } else {
        q = hub_pick.Draw(u01());
        s = 0.6 * u01();
      }
      if (q == p || !got.insert(q).second) continue;
      cop.knows.push_back({p, q, std::max(s, 0.001)});
    }
  }
  return cop;
}

Result<std::vector<storage::NodeId>> LoadCop(const SyntheticCop& cop, storage::GraphStore& store) {
  COPMAP_ASSIGN_OR_RETURN(auto loader, store.BeginBulkLoad());
  COPMAP_ASSIGN_OR_RETURN(auto person, loader->Label("Person"));
  COPMAP_ASSIGN_OR_RETURN(auto organization, loader->Label("Organization"));
  COPMAP_ASSIGN_OR_RETURN(auto community, loader->Label("Community"));
  COPMAP_ASSIGN_OR_RETURN(auto domain, loader->Label("Domain"));
  COPMAP_ASSIGN_OR_RETURN(auto name, loader->PropKey("name"));
  COPMAP_ASSIGN_OR_RETURN(auto email, loader->PropKey("email"));
  COPMAP_ASSIGN_OR_RETURN(auto role, loader->PropKey("role"));
  COPMAP_ASSIGN_OR_RETURN(auto level, loader->PropKey("level"));
  COPMAP_ASSIGN_OR_RETURN(auto strength, loader->PropKey("strength"));
  COPMAP_ASSIGN_OR_RETURN(auto works_at, loader->RelType("WORKS_AT"));
  COPMAP_ASSIGN_OR_RETURN(auto member_of, loader->RelType("MEMBER_OF"));
  COPMAP_ASSIGN_OR_RETURN(auto expert_in, loader->RelType("EXPERT_IN"));
  COPMAP_ASSIGN_OR_RETURN(auto knows, loader->RelType("KNOWS"));
  auto named = [&](storage::LabelId label, uint32_t count,
                   const std::string& prefix) -> Result<std::vector<storage::NodeId>> {
    std::vector<storage::NodeId> ids;
    for (uint32_t i = 0; i < count; ++i) {
      COPMAP_ASSIGN_OR_RETURN(auto id, loader->AddNode({label}, {{name, Value(prefix + std::to_string(i))}}));
      ids.push_back(id);
    }
    return ids;
  };
  COPMAP_ASSIGN_OR_RETURN(auto orgs, named(organization, cop.organizations, "org-"));
  COPMAP_ASSIGN_OR_RETURN(auto comms, named(community, cop.communities, "community-"));
  COPMAP_ASSIGN_OR_RETURN(auto doms, named(domain, cop.domains, "domain-"));
  std::vector<storage::NodeId> people;
  for (uint32_t p = 0; p < cop.people; ++p) {
    storage::Properties props = {{name, Value("person " + std::to_string(p))},
                                 {email, Value("p" + std::to_string(p) + "@example.org")}};
    std::sort(props.begin(), props.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    COPMAP_ASSIGN_OR_RETURN(auto id, loader->AddNode({person}, std::move(props)));
    people.push_back(id);
  }
  for (uint32_t p = 0; p < cop.people; ++p) {
    COPMAP_RETURN_IF_ERROR(loader->AddRel(works_at, people[p], orgs[cop.org_of[p]], {}).status());
    for (uint32_t c : cop.communities_of[p]) {
      const char* r = (p + c) % 10 == 0 ? "core" : ((p + c) % 10 < 4 ? "active" : "peripheral");
      COPMAP_RETURN_IF_ERROR(
          loader->AddRel(member_of, people[p], comms[c], {{role, Value(r)}}).status());
    }
  }
  for (const auto& e : cop.expertise) {
    COPMAP_RETURN_IF_ERROR(
        loader->AddRel(expert_in, people[e.person], doms[e.domain], {{level, Value(e.level)}})
            .status());
  }
  for (const Edge& e : cop.knows) {
    COPMAP_RETURN_IF_ERROR(
        loader->AddRel(knows, people[e.src], people[e.dst], {{strength, Value(e.weight)}}).status());
  }
  COPMAP_RETURN_IF_ERROR(loader->Finish());
  COPMAP_RETURN_IF_ERROR(store.Flush());
  return people;
}

}  // namespace copmap::analytics::bench
