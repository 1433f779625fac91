// Brandes' betweenness centrality on a Projection, exact or sampled.
//
// Exact: one shortest-path search per node, O(n*m) unweighted. Sampled: the
// same accumulation from k pivot sources drawn without replacement (seeded),
// scaled by n/k, an unbiased estimate (Brandes & Pich 2007).
//
// Normalisation follows networkx's betweenness_centrality: normalized scores
// are divided by (n-1)(n-2) (directed and undirected alike; for undirected
// graphs every pair is counted from both ends, which this divisor already
// accounts for); unnormalized undirected scores are halved. Endpoints are
// not counted. networkx does not scale sampled unnormalized directed scores
// by n/k; copmap always does, so every sampled score estimates the exact one.
#pragma once

#include <cstdint>
#include <vector>

#include "query/analytics/projection.h"
#include "storage/status.h"

namespace copmap::analytics {

struct BetweennessOptions {
  bool normalized = true;
  // Shortest paths by arc weight (Dijkstra) instead of hop count.
  bool weighted = false;
  // 0: exact. Otherwise the number of pivot sources (exact when >= n).
  uint32_t samples = 0;
  uint64_t seed = 42;
  // Confidence of the stated per-node error bound of a sampled run.
  double confidence = 0.95;
  // Worker threads (sources are split in fixed blocks; with one thread the
  // summation order, and so every bit of the result, depends only on the input).
  uint32_t threads = 1;
};

struct BetweennessResult {
  std::vector<double> score;  // by local id
  bool exact = true;
  uint32_t pivots = 0;  // sources used
  // Sampled runs: for each node, |estimate - exact| <= error_bound with
  // probability >= confidence (Hoeffding's inequality, which also holds for
  // sampling without replacement: each pivot contributes a term in
  // [0, n/(n-1)] in normalized units). In the units of `score`; 0 when exact.
  double error_bound = 0;
};

// InvalidArgument for a confidence outside (0, 1) or a negative weight.
Result<BetweennessResult> Betweenness(const Projection& g, const BetweennessOptions& options = {});

}  // namespace copmap::analytics
