#include "bench/visualize/org_generator.h"

#include <random>
#include <string>

namespace copmap::visualize::bench {
namespace {

class Rows {
 public:
  uint64_t Node(const char* label, ValueMap props) {
    NodeValue n;
    n.id = ++next_node_;
    n.labels = {label};
    n.properties = Value(std::move(props)).as_map();
    rows_.push_back({Value(std::move(n))});
    return next_node_;
  }
  void Rel(const char* type, uint64_t from, uint64_t to, ValueMap props = {}) {
    rows_.push_back({Value(RelationshipValue{++next_rel_, type, from, to, std::move(props)})});
  }
  std::vector<std::vector<Value>> Take() { return std::move(rows_); }

 private:
  uint64_t next_node_ = 0;
  uint64_t next_rel_ = 0;
  std::vector<std::vector<Value>> rows_;
};

}  // namespace

std::vector<std::vector<Value>> SyntheticOrganization(int people, int communities, int domains,
                                                      uint32_t seed) {
  std::mt19937 rng(seed);
  Rows rows;
  std::vector<uint64_t> community_ids, domain_ids, person_ids;
  for (int c = 0; c < communities; ++c) {
    community_ids.push_back(rows.Node(
        "Community", {{"name", "Community " + std::to_string(c)},
                      {"kind", c % 3 == 0 ? "overlapping" : "nested"}}));
  }
  for (int d = 0; d < domains; ++d) {
    domain_ids.push_back(rows.Node("Domain", {{"name", "Domain " + std::to_string(d)}}));
  }
  const char* roles[] = {"core", "active", "active", "peripheral", "peripheral"};
  for (int p = 0; p < people; ++p) {
    const uint64_t id = rows.Node("Person", {{"email", "p" + std::to_string(p) + "@example.org"},
                                             {"name", "Person " + std::to_string(p)},
                                             {"title", "Engineer"}});
    person_ids.push_back(id);
    const int home = p % communities;
    rows.Rel("MEMBER_OF", id, community_ids[home], {{"role", roles[rng() % 5]}});
    if (rng() % 10 < 3) {
      rows.Rel("MEMBER_OF", id, community_ids[(home + 1 + rng() % (communities - 1)) % communities],
               {{"role", "peripheral"}});
    }
    if (p < communities) rows.Rel("LEADS", id, community_ids[home], {{"style", "inspiring"}});
    rows.Rel("EXPERT_IN", id, domain_ids[rng() % domains],
             {{"level", static_cast<int64_t>(1 + rng() % 5)}});
  }
  for (int k = 0; k < people / 2; ++k) {
    rows.Rel("KNOWS", person_ids[rng() % people], person_ids[rng() % people],
             {{"strength", 0.5}});
  }
  for (int c = 0; c < communities; ++c) {
    rows.Rel("FOCUSES_ON", community_ids[c], domain_ids[c % domains]);
  }
  return rows.Take();
}

}  // namespace copmap::visualize::bench
