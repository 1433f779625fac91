#include "tests/visualize/dot_layout.h"

#include <cmath>
#include <cstdio>

namespace copmap::visualize::testing {
namespace {

// The quoted value of `key="..."` starting the search at `from`, or "".
std::string QuotedValue(const std::string& text, const std::string& key, size_t from,
                        size_t to) {
  const size_t at = text.find(key + "=\"", from);
  if (at == std::string::npos || at >= to) return "";
  const size_t start = at + key.size() + 2;
  const size_t end = text.find('"', start);
  return end == std::string::npos ? "" : text.substr(start, end - start);
}

}  // namespace

DotLayout ReadDotLayout(const std::string& dot, std::string* error) {
  DotLayout layout;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  // The root graph's attributes come first, so the first bb is its own.
  const std::string bb = QuotedValue(dot, "bb", 0, std::string::npos);
  if (std::sscanf(bb.c_str(), "%lf,%lf,%lf,%lf", &x0, &y0, &x1, &y1) != 4) {
    *error = "no bounding box on the graph";
    return layout;
  }
  layout.width = x1 - x0;
  layout.height = y1 - y0;
  // Walk statements: "subgraph NAME {" pushes a cluster, "}" pops one, and
  // a statement "NAME [ ... ]" without "->" is a node.
  std::vector<std::string> stack;
  size_t i = dot.find('{');
  while (i != std::string::npos && i < dot.size()) {
    const size_t line_end = dot.find('\n', i);
    const std::string line = dot.substr(i, line_end == std::string::npos ? std::string::npos
                                                                           : line_end - i);
    const size_t text_start = line.find_first_not_of(" \t{");
    const std::string stmt = text_start == std::string::npos ? "" : line.substr(text_start);
    if (stmt.rfind("subgraph ", 0) == 0) {
      stack.push_back(stmt.substr(9, stmt.find(' ', 9) - 9));
    } else if (stmt.rfind("}", 0) == 0) {
      if (!stack.empty()) stack.pop_back();
    } else if (!stmt.empty() && stmt.rfind("graph", 0) != 0 && stmt.rfind("node", 0) != 0 &&
               stmt.rfind("edge", 0) != 0 && stmt.find('[') != std::string::npos) {
      // A statement's attributes end at the first "];" after it.
      const size_t close = dot.find("];", i);
      const std::string head = stmt.substr(0, stmt.find('['));
      if (head.find("->") == std::string::npos) {
        const std::string pos = QuotedValue(dot, "pos", i, close);
        Point p;
        if (std::sscanf(pos.c_str(), "%lf,%lf", &p.x, &p.y) != 2) {
          *error = "node without a position: " + head;
          return layout;
        }
        layout.nodes_by_cluster[stack.empty() ? "" : stack.back()].push_back(p);
      }
      i = close == std::string::npos ? close : dot.find('\n', close);
      continue;
    }
    i = line_end == std::string::npos ? line_end : line_end + 1;
  }
  return layout;
}

size_t LongestRow(const std::vector<Point>& nodes) {
  std::map<long, size_t> per_row;
  size_t longest = 0;
  for (const Point& p : nodes) longest = std::max(longest, ++per_row[std::lround(p.y)]);
  return longest;
}

}  // namespace copmap::visualize::testing
