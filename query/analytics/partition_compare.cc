#include "query/analytics/partition_compare.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <unordered_map>

namespace copmap::analytics {

namespace {

double Entropy(const std::unordered_map<uint32_t, uint64_t>& counts, double n) {
  double h = 0;
  for (const auto& [label, c] : counts) {
    double p = static_cast<double>(c) / n;
    h -= p * std::log(p);
  }
  return h;
}

}  // namespace

Result<double> NormalizedMutualInformation(const std::vector<uint32_t>& a,
                                           const std::vector<uint32_t>& b) {
  if (a.size() != b.size()) {
    return Status::InvalidArgument("nmi: labelings have " + std::to_string(a.size()) + " and " +
                                   std::to_string(b.size()) + " items");
  }
  if (a.empty()) return 1.0;
  const double n = static_cast<double>(a.size());
  std::unordered_map<uint32_t, uint64_t> ca, cb;
  std::map<std::pair<uint32_t, uint32_t>, uint64_t> joint;
  for (size_t i = 0; i < a.size(); ++i) {
    ++ca[a[i]];
    ++cb[b[i]];
    ++joint[{a[i], b[i]}];
  }
  double ha = Entropy(ca, n), hb = Entropy(cb, n);
  if (ha + hb == 0) return 1.0;
  double mi = 0;
  for (const auto& [key, c] : joint) {
    double pxy = static_cast<double>(c) / n;
    double px = static_cast<double>(ca[key.first]) / n;
    double py = static_cast<double>(cb[key.second]) / n;
    mi += pxy * std::log(pxy / (px * py));
  }
  return std::clamp(2 * mi / (ha + hb), 0.0, 1.0);
}

std::vector<GroupMatch> BestMatches(const std::vector<uint32_t>& community, uint32_t k,
                                    const std::vector<std::vector<uint32_t>>& declared) {
  std::vector<uint64_t> size(k, 0);
  for (uint32_t c : community) ++size[c];
  std::vector<GroupMatch> best(k);
  std::vector<uint64_t> shared(k, 0);
  for (uint32_t g = 0; g < declared.size(); ++g) {
    std::vector<uint32_t> members = declared[g];
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    std::fill(shared.begin(), shared.end(), 0);
    for (uint32_t item : members) {
      if (item < community.size()) ++shared[community[item]];
    }
    for (uint32_t c = 0; c < k; ++c) {
      if (shared[c] == 0) continue;
      double jaccard = static_cast<double>(shared[c]) /
                       static_cast<double>(size[c] + members.size() - shared[c]);
      if (jaccard > best[c].jaccard) best[c] = {g, shared[c], jaccard};
    }
  }
  return best;
}

}  // namespace copmap::analytics
