// Comparing a detected partition with declared groups.
#pragma once

#include <cstdint>
#include <vector>

#include "storage/status.h"

namespace copmap::analytics {

// Normalized mutual information of two labelings of the same items,
// 2 I(A;B) / (H(A) + H(B)) (the arithmetic-mean normalisation of
// scikit-learn's normalized_mutual_info_score). 1 when both labelings are a
// single group. InvalidArgument when the sizes differ.
Result<double> NormalizedMutualInformation(const std::vector<uint32_t>& a,
                                           const std::vector<uint32_t>& b);

struct GroupMatch {
  uint32_t group = UINT32_MAX;  // index into `declared`; UINT32_MAX when none overlaps
  uint64_t shared = 0;          // members in both
  double jaccard = 0;           // shared / |union|
};

// For each detected community c (labels 0..k-1 in `community`), the declared
// group (lists of item indexes, may overlap) with the highest Jaccard
// similarity; ties go to the lower group index.
std::vector<GroupMatch> BestMatches(const std::vector<uint32_t>& community, uint32_t k,
                                    const std::vector<std::vector<uint32_t>>& declared);

}  // namespace copmap::analytics
