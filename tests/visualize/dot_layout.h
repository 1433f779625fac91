// Test helper: reads the positions Graphviz wrote into a laid-out DOT file,
// to check the shape of a layout (is it a poster or a strip?).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace copmap::visualize::testing {

struct Point {
  double x = 0;
  double y = 0;
};

struct DotLayout {
  double width = 0;   // the graph's bounding box, points
  double height = 0;
  // Node centres by the cluster that holds them ("" for the top level).
  std::map<std::string, std::vector<Point>> nodes_by_cluster;
};

// Reads `bb` of the root graph and `pos` of every node from DOT text as
// Graphviz writes it after a layout (one statement per line group,
// subgraphs opened by "subgraph NAME {"). Sets *error on text it cannot read.
DotLayout ReadDotLayout(const std::string& dot, std::string* error);

// The largest number of a cluster's nodes that share one row (same y, to
// the point): a cluster drawn as a strip has all its nodes in one row.
size_t LongestRow(const std::vector<Point>& nodes);

}  // namespace copmap::visualize::testing
