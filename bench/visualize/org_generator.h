// A synthetic organization as query-result values, for map benchmarks.
#pragma once

#include <cstdint>
#include <vector>

#include "storage/value.h"

namespace copmap::visualize::bench {

// `people` people in `communities` communities (about 1.3 memberships each,
// one leader per community), `domains` domains with experts, and KNOWS
// ties. Fixed seed: the same arguments give the same values.
std::vector<std::vector<Value>> SyntheticOrganization(int people, int communities, int domains,
                                                      uint32_t seed = 42);

}  // namespace copmap::visualize::bench
