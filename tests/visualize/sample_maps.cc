#include "tests/visualize/sample_maps.h"

namespace copmap::visualize::testing {

Map ClusteredMap(int communities, int people_per_cluster) {
  Map map;
  map.title.title = "Sample organization";
  map.title.subtitle = std::to_string(communities) + " communities";
  map.title.data_note = "hand-built test data";
  map.legend.push_back({LegendEntry::Kind::kNode, "Person", NodeStyle{}, EdgeStyle{}});
  LegendEntry domain_entry{LegendEntry::Kind::kNode, "Domain", NodeStyle{}, EdgeStyle{}};
  domain_entry.node.shape = Shape::kHexagon;
  domain_entry.node.fill = "#E69F00";
  map.legend.push_back(domain_entry);
  map.legend.push_back({LegendEntry::Kind::kEdge, "expert in", NodeStyle{}, EdgeStyle{}});
  for (int c = 0; c < communities; ++c) {
    MapCluster cluster;
    cluster.title = "Community " + std::to_string(c);
    cluster.details.push_back(std::to_string(people_per_cluster) + " members");
    map.clusters.push_back(cluster);
    MapNode domain;
    domain.key = "domain-" + std::to_string(c);
    domain.title = "Domain " + std::to_string(c);
    domain.style.shape = Shape::kHexagon;
    domain.style.fill = "#E69F00";
    map.nodes.push_back(domain);
    for (int p = 0; p < people_per_cluster; ++p) {
      MapNode person;
      person.key = "person-" + std::to_string(c) + "-" + std::to_string(p);
      person.title = "Person " + std::to_string(c) + "." + std::to_string(p);
      person.details.push_back("engineer");
      person.style.shape = Shape::kRoundedBox;
      person.style.fill = "#56B4E9";
      person.cluster = c;
      map.nodes.push_back(person);
      map.edges.push_back({person.key, domain.key, p == 0 ? "level 5" : "", EdgeStyle{}});
    }
    if (communities > 1 && people_per_cluster > 0) {
      const int next = (c + 1) % communities;
      MapEdge tie{"person-" + std::to_string(c) + "-0", "person-" + std::to_string(next) + "-0",
                  "", EdgeStyle{}};
      tie.style.line = LineStyle::kDashed;
      map.edges.push_back(tie);
    }
  }
  return map;
}

Map DenseMap(int nodes) {
  Map map;
  map.title.title = "Dense";
  for (int i = 0; i < nodes; ++i) {
    MapNode node;
    node.key = "n" + std::to_string(i);
    node.title = node.key;
    map.nodes.push_back(node);
    for (int j = 0; j < i; ++j) map.edges.push_back({node.key, "n" + std::to_string(j), "", {}});
  }
  return map;
}

}  // namespace copmap::visualize::testing
