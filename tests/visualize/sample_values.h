// Query-result values for builder tests: a small organization built by hand
// as NodeValue / RelationshipValue rows, as the engine would return them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "storage/value.h"

namespace copmap::visualize::testing {

class ResultBuilder {
 public:
  // Adds a node and returns its id. `key` is stored under the label's key
  // property (email for Person, title for Practice, name otherwise).
  uint64_t Node(const std::string& label, const std::string& key, ValueMap extra = {});
  void Rel(const std::string& type, uint64_t from, uint64_t to, ValueMap props = {});
  // One row per node and per relationship.
  std::vector<std::vector<Value>> Rows() const;
  const NodeValue& node(uint64_t id) const { return nodes_[id - 1]; }

 private:
  std::vector<NodeValue> nodes_;
  std::vector<RelationshipValue> rels_;
};

// Three communities ("Data Science" overlapping, "Platform", "Safety"),
// people with roles, two leaders, a person in two communities, domains with
// one and with three experts, a practice and a mentoring tie.
ResultBuilder SmallOrganization();

}  // namespace copmap::visualize::testing
