#include "tests/visualize/sample_values.h"

namespace copmap::visualize::testing {

uint64_t ResultBuilder::Node(const std::string& label, const std::string& key, ValueMap extra) {
  NodeValue node;
  node.id = nodes_.size() + 1;
  node.labels = {label};
  const std::string key_name = label == "Person" ? "email" : label == "Practice" ? "title" : "name";
  extra.emplace_back(key_name, Value(key));
  node.properties = Value(ValueMap(extra)).as_map();  // sorted by key
  nodes_.push_back(node);
  return node.id;
}

void ResultBuilder::Rel(const std::string& type, uint64_t from, uint64_t to, ValueMap props) {
  RelationshipValue rel;
  rel.id = rels_.size() + 1;
  rel.type = type;
  rel.start = from;
  rel.end = to;
  rel.properties = std::move(props);
  rels_.push_back(std::move(rel));
}

std::vector<std::vector<Value>> ResultBuilder::Rows() const {
  std::vector<std::vector<Value>> rows;
  for (const NodeValue& n : nodes_) rows.push_back({Value(n)});
  for (const RelationshipValue& r : rels_) rows.push_back({Value(r)});
  return rows;
}

ResultBuilder SmallOrganization() {
  ResultBuilder b;
  const uint64_t ds = b.Node("Community", "Data Science", {{"kind", "overlapping"}});
  const uint64_t platform = b.Node("Community", "Platform", {{"kind", "nested"}});
  const uint64_t safety = b.Node("Community", "Safety", {{"kind", "nested"}});
  const uint64_t ml = b.Node("Domain", "machine learning");
  const uint64_t k8s = b.Node("Domain", "kubernetes");
  const uint64_t ada = b.Node("Person", "ada@example.org", {{"name", "Ada Lovelace"}});
  const uint64_t bob = b.Node("Person", "bob@example.org", {{"name", "Bob Byte"}});
  const uint64_t cy = b.Node("Person", "cy@example.org", {{"name", "Cy Cloud"}});
  const uint64_t dee = b.Node("Person", "dee@example.org", {{"name", "Dee Dock"}});
  const uint64_t eve = b.Node("Person", "eve@example.org", {{"name", "Eve Safe"}});
  const uint64_t guide = b.Node("Practice", "Model review guide", {{"kind", "guide"}});
  b.Rel("MEMBER_OF", ada, ds, {{"role", "core"}});
  b.Rel("MEMBER_OF", bob, ds, {{"role", "peripheral"}});
  b.Rel("MEMBER_OF", bob, platform, {{"role", "active"}});
  b.Rel("MEMBER_OF", cy, platform, {{"role", "core"}});
  b.Rel("MEMBER_OF", dee, platform, {{"role", "peripheral"}});
  b.Rel("MEMBER_OF", eve, safety, {{"role", "core"}});
  b.Rel("LEADS", ada, ds, {{"style", "inspiring"}});
  b.Rel("LEADS", cy, platform, {{"style", "day-to-day"}});
  b.Rel("EXPERT_IN", ada, ml, {{"level", 5}});
  b.Rel("EXPERT_IN", cy, k8s, {{"level", 4}});
  b.Rel("EXPERT_IN", dee, k8s, {{"level", 2}});
  b.Rel("EXPERT_IN", bob, k8s, {{"level", 3}});
  b.Rel("INTERESTED_IN", bob, ml);
  b.Rel("MENTORS", ada, bob, {{"domain", "machine learning"}});
  b.Rel("FOCUSES_ON", ds, ml);
  b.Rel("FOCUSES_ON", platform, k8s);
  b.Rel("AUTHORED", ada, guide);
  b.Rel("ABOUT", guide, ml);
  b.Rel("LINKED_TO", ds, platform, {{"kind", "shared members"}});
  return b;
}

}  // namespace copmap::visualize::testing
