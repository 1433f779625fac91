#include "query/analytics/constraint.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace copmap::analytics {

namespace {

// Each node's neighbours in either direction with their mutual weight
// a(i,j) + a(j,i), sorted by neighbour, in CSR form.
struct Mutual {
  std::vector<uint64_t> offsets{0};
  std::vector<std::pair<LocalId, double>> entries;
  std::vector<double> total;

  double Weight(LocalId i, LocalId j) const {
    auto first = entries.begin() + static_cast<ptrdiff_t>(offsets[i]);
    auto last = entries.begin() + static_cast<ptrdiff_t>(offsets[i + 1]);
    auto it = std::lower_bound(first, last, std::make_pair(j, -std::numeric_limits<double>::infinity()));
    return it != last && it->first == j ? it->second : 0.0;
  }
  // Normalised mutual weight p(i,j).
  double P(LocalId i, LocalId j) const { return total[i] == 0 ? 0 : Weight(i, j) / total[i]; }
};

Mutual BuildMutual(const Projection& g) {
  const uint32_t n = g.num_nodes();
  Mutual m;
  m.total.assign(n, 0);
  std::vector<std::pair<LocalId, double>> row;
  for (LocalId i = 0; i < n; ++i) {
    row.clear();
    auto out = g.Out(i);
    auto out_w = g.OutWeights(i);
    for (size_t k = 0; k < out.size(); ++k) row.push_back({out[k], out_w[k]});
    // Undirected: In == Out, and networkx counts the one edge from both ends.
    auto in = g.In(i);
    auto in_w = g.InWeights(i);
    for (size_t k = 0; k < in.size(); ++k) row.push_back({in[k], in_w[k]});
    std::sort(row.begin(), row.end());
    for (const auto& [j, w] : row) {
      if (!m.entries.empty() && m.entries.size() > m.offsets[i] && m.entries.back().first == j) {
        m.entries.back().second += w;
      } else {
        m.entries.push_back({j, w});
      }
      m.total[i] += w;
    }
    m.offsets.push_back(m.entries.size());
  }
  return m;
}

}  // namespace

std::vector<double> BurtConstraint(const Projection& g, const std::vector<LocalId>& nodes) {
  Mutual m = BuildMutual(g);
  std::vector<double> result(nodes.size(), std::numeric_limits<double>::quiet_NaN());
  for (size_t k = 0; k < nodes.size(); ++k) {
    LocalId i = nodes[k];
    uint64_t first = m.offsets[i], last = m.offsets[i + 1];
    if (first == last) continue;
    double c = 0;
    for (uint64_t a = first; a < last; ++a) {
      LocalId j = m.entries[a].first;
      double direct = m.P(i, j);
      double indirect = 0;
      for (uint64_t b = first; b < last; ++b) {
        LocalId q = m.entries[b].first;
        if (q == i || q == j) continue;
        indirect += m.P(i, q) * m.P(q, j);
      }
      c += (direct + indirect) * (direct + indirect);
    }
    result[k] = c;
  }
  return result;
}

std::vector<double> BurtConstraint(const Projection& g) {
  std::vector<LocalId> all(g.num_nodes());
  for (LocalId v = 0; v < g.num_nodes(); ++v) all[v] = v;
  return BurtConstraint(g, all);
}

}  // namespace copmap::analytics
