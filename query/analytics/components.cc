#include "query/analytics/components.h"

namespace copmap::analytics {

Components WeakComponents(const Projection& g) {
  const uint32_t n = g.num_nodes();
  Components result;
  result.component.assign(n, UINT32_MAX);
  std::vector<LocalId> stack;
  for (LocalId root = 0; root < n; ++root) {
    if (result.component[root] != UINT32_MAX) continue;
    uint32_t id = result.count();
    uint32_t size = 0;
    result.component[root] = id;
    stack.push_back(root);
    while (!stack.empty()) {
      LocalId v = stack.back();
      stack.pop_back();
      ++size;
      auto visit = [&](LocalId u) {
        if (result.component[u] != UINT32_MAX) return;
        result.component[u] = id;
        stack.push_back(u);
      };
      for (LocalId u : g.Out(v)) visit(u);
      if (g.directed()) {
        for (LocalId u : g.In(v)) visit(u);
      }
    }
    result.sizes.push_back(size);
  }
  return result;
}

}  // namespace copmap::analytics
