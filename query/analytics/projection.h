// Projection: an in-memory compressed (CSR) adjacency of part of the graph.
//
// Graph algorithms never read the store per step: they run on a Projection
// built once from one Transaction's snapshot (or directly from an edge list,
// for tests and benchmarks). Nodes get dense local ids 0..n-1 in ascending
// NodeId order, so everything computed on a projection is deterministic.
//
// An undirected projection stores every edge in both directions; a directed
// one stores outgoing arcs and, separately, incoming arcs (for searches that
// run backwards). Neighbour lists are sorted by local id. Parallel edges
// between the same ordered pair (directed) or unordered pair (undirected)
// are merged by default, as networkx's Graph/DiGraph do; self loops are
// dropped by default; an undirected self loop, when kept, is stored once.
//
// Thread safety: a built Projection is immutable and may be read by any
// number of threads.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "storage/graph_store.h"
#include "storage/status.h"

namespace copmap::analytics {

using LocalId = uint32_t;
inline constexpr LocalId kNoLocal = UINT32_MAX;

// How parallel edges between the same pair are combined.
enum class ParallelEdges {
  kKeep,     // keep every edge (a multigraph)
  kMergeMax, // one edge; weight = the largest (e.g. the strongest trust tie)
  kMergeSum, // one edge; weight = the sum (e.g. interaction counts)
};

struct Edge {
  LocalId src = 0;
  LocalId dst = 0;
  double weight = 1.0;
};

// What to project from the store.
struct ProjectionSpec {
  // Nodes carrying any of these labels. Empty: every node.
  std::vector<std::string> node_labels;
  // Relationships of these types whose both ends are projected nodes.
  // Empty: every type. A name the store never interned matches nothing.
  std::vector<std::string> rel_types;
  bool directed = false;
  // A numeric relationship property read as the edge weight; empty: weight 1.
  std::string weight_property;
  // Weight of an edge lacking the property (or with a non-numeric value).
  double default_weight = 1.0;
  ParallelEdges parallel = ParallelEdges::kMergeMax;
  bool keep_self_loops = false;
};

class Projection {
 public:
  Projection() = default;

  // Builds from a store snapshot: label scans (or a scan of every node) and
  // one ordered scan of the relationship records per type, which carry both
  // ends and the weight (no read per node or per tie). Errors from the store
  // are returned as is.
  static Result<Projection> FromStore(storage::Transaction& txn, const ProjectionSpec& spec);

  // Builds from local-id edges over nodes 0..num_nodes-1 (NodeId i for local
  // i unless `node_ids` is given: then it must have num_nodes ascending
  // entries). InvalidArgument names the first edge with an end out of range.
  static Result<Projection> FromEdges(uint32_t num_nodes, std::vector<Edge> edges, bool directed,
                                      ParallelEdges parallel = ParallelEdges::kMergeMax,
                                      bool keep_self_loops = false,
                                      std::vector<storage::NodeId> node_ids = {});

  uint32_t num_nodes() const { return static_cast<uint32_t>(node_ids_.size()); }
  // Stored arcs: for an undirected projection each edge counts twice.
  uint64_t num_arcs() const { return out_targets_.size(); }
  // Edges as the graph has them: arcs, or arcs/2 (+ self loops) when undirected.
  uint64_t num_edges() const { return num_edges_; }
  bool directed() const { return directed_; }

  // Outgoing neighbours (all neighbours when undirected), sorted by local id.
  std::span<const LocalId> Out(LocalId v) const {
    return {out_targets_.data() + out_offsets_[v], out_targets_.data() + out_offsets_[v + 1]};
  }
  std::span<const double> OutWeights(LocalId v) const {
    return {out_weights_.data() + out_offsets_[v], out_weights_.data() + out_offsets_[v + 1]};
  }
  // Incoming neighbours (same as Out when undirected).
  std::span<const LocalId> In(LocalId v) const;
  std::span<const double> InWeights(LocalId v) const;
  uint32_t OutDegree(LocalId v) const {
    return static_cast<uint32_t>(out_offsets_[v + 1] - out_offsets_[v]);
  }

  // Sum of the weights of v's outgoing arcs (its weighted degree when undirected).
  double OutStrength(LocalId v) const;

  storage::NodeId Global(LocalId v) const { return node_ids_[v]; }
  // kNoLocal when the node is not part of the projection (binary search).
  LocalId Local(storage::NodeId id) const;
  const std::vector<storage::NodeId>& node_ids() const { return node_ids_; }

  // Replaces every weight w by f(w), e.g. trust strength -> path cost.
  template <typename F>
  void TransformWeights(F f) {
    for (double& w : out_weights_) w = f(w);
    for (double& w : in_weights_) w = f(w);
  }

 private:
  static void BuildCsr(uint32_t n, std::vector<Edge>& arcs, ParallelEdges parallel,
                       std::vector<uint64_t>* offsets, std::vector<LocalId>* targets,
                       std::vector<double>* weights);

  bool directed_ = false;
  uint64_t num_edges_ = 0;
  std::vector<storage::NodeId> node_ids_;
  std::vector<uint64_t> out_offsets_{0};
  std::vector<LocalId> out_targets_;
  std::vector<double> out_weights_;
  // Only filled when directed.
  std::vector<uint64_t> in_offsets_{0};
  std::vector<LocalId> in_targets_;
  std::vector<double> in_weights_;
};

// The subgraph induced by `keep` (local ids of g, any order, duplicates
// ignored): same direction and weights, node ids carried over.
// InvalidArgument for an id out of range.
Result<Projection> InducedSubgraph(const Projection& g, std::vector<LocalId> keep);

}  // namespace copmap::analytics
