// Label propagation community detection under the modularity constraint
// (Barber & Clark 2009, "LPAm"), with asynchronous updates in a seeded order.
//
// Every node starts with its own label. In each round the nodes, visited in
// an order shuffled by the seeded Rng, adopt the neighbouring label l that
// maximises  w(v, l) - k_v * K_l / 2m : the tie weight from v to the nodes
// holding l, less what a random graph with the same degrees would put there
// (k_v: v's weighted degree, K_l: the degree sum of l's other holders). A node
// keeps its label while it scores as high as the best; among equally best
// other labels the Rng picks one. After the first round a node is visited
// only when a neighbour's label changed since its last visit. Rounds stop
// when no label changes or after max_iterations. Each change raises the
// partition's modularity, so the rounds terminate and the result never
// scores below the singletons' Q.
//
// Why not the classic rule (adopt the label with the largest tie weight,
// Raghavan, Albert & Kumara 2007): on graphs where many ties cross groups and
// a few hubs are tied to everyone, as the workload generator's KNOWS graph
// (half of the ties outside the person's communities, a fifth to hubs), one
// label spreads through the hubs to every node, asynchronous updates and
// random tie breaks notwithstanding: networkx's asyn_lpa_communities gives one
// community (Q = 0) on the 10k-people graph, as the classic rule did here at
// 10k and 100k. The K_l term makes a label that already holds much of the
// graph's degree unattractive, which stops that spread.
//
// Directed projections are read as undirected (In and Out neighbours both
// count, and both arcs of a reciprocated tie add up).
#pragma once

#include <cstdint>

#include "query/analytics/louvain.h"
#include "query/analytics/projection.h"
#include "storage/status.h"

namespace copmap::analytics {

struct LabelPropagationOptions {
  uint64_t seed = 42;
  uint32_t max_iterations = 100;
};

// The partition's modularity is computed as by Modularity() on the graph;
// `iterations` counts the rounds run (the last one changed nothing unless
// max_iterations stopped it).
Result<Partition> LabelPropagation(const Projection& g,
                                   const LabelPropagationOptions& options = {});

}  // namespace copmap::analytics
