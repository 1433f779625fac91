#include "query/analytics/group_ties.h"

#include <algorithm>
#include <limits>

namespace copmap::analytics {

double GroupTies::ei_index() const {
  uint64_t all = internal + external;
  if (all == 0) return std::numeric_limits<double>::quiet_NaN();
  return (static_cast<double>(external) - static_cast<double>(internal)) / static_cast<double>(all);
}

std::vector<GroupTies> CountGroupTies(const Projection& g,
                                      const std::vector<std::vector<LocalId>>& groups) {
  std::vector<GroupTies> result(groups.size());
  std::vector<bool> in_group(g.num_nodes(), false);
  for (size_t k = 0; k < groups.size(); ++k) {
    std::vector<LocalId> members = groups[k];
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    for (LocalId v : members) in_group[v] = true;
    uint64_t inside_arcs = 0, outside = 0;
    for (LocalId v : members) {
      for (LocalId u : g.Out(v)) {
        if (u == v) continue;
        in_group[u] ? ++inside_arcs : ++outside;
      }
      if (g.directed()) {
        for (LocalId u : g.In(v)) outside += (u != v && !in_group[u]);
      }
    }
    result[k].internal = g.directed() ? inside_arcs : inside_arcs / 2;
    result[k].external = outside;
    for (LocalId v : members) in_group[v] = false;
  }
  return result;
}

std::vector<std::vector<uint64_t>> TieMatrix(const Projection& g,
                                             const std::vector<std::vector<LocalId>>& groups) {
  const size_t k = groups.size();
  // Groups of each node, so that each arc is looked at once.
  std::vector<std::vector<uint32_t>> member_of(g.num_nodes());
  for (size_t a = 0; a < k; ++a) {
    for (LocalId v : groups[a]) {
      auto& list = member_of[v];
      if (list.empty() || list.back() != a) list.push_back(static_cast<uint32_t>(a));
    }
  }
  std::vector<std::vector<uint64_t>> matrix(k, std::vector<uint64_t>(k, 0));
  for (LocalId v = 0; v < g.num_nodes(); ++v) {
    if (member_of[v].empty()) continue;
    for (LocalId u : g.Out(v)) {
      if (u == v) continue;
      for (uint32_t a : member_of[v]) {
        for (uint32_t b : member_of[u]) ++matrix[a][b];
      }
    }
  }
  if (!g.directed()) {
    // Every edge was seen from both ends: off-diagonal cells counted it once
    // per direction (a->b and b->a land in different cells), the diagonal twice.
    for (size_t a = 0; a < k; ++a) matrix[a][a] /= 2;
  }
  return matrix;
}

}  // namespace copmap::analytics
