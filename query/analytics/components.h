// Weakly connected components of a Projection (arc directions ignored).
#pragma once

#include <cstdint>
#include <vector>

#include "query/analytics/projection.h"

namespace copmap::analytics {

struct Components {
  // Component of each node, numbered 0.. in order of each component's
  // smallest local id (so node 0 is always in component 0).
  std::vector<uint32_t> component;
  std::vector<uint32_t> sizes;  // by component
  uint32_t count() const { return static_cast<uint32_t>(sizes.size()); }
};

Components WeakComponents(const Projection& g);

}  // namespace copmap::analytics
