#include "query/analytics/projection.h"

#include <algorithm>
#include <utility>

namespace copmap::analytics {

namespace {

// Reads every node id with one of `labels` (all nodes when empty), ascending.
Result<std::vector<storage::NodeId>> CollectNodes(storage::Transaction& txn,
                                                  const std::vector<std::string>& labels) {
  std::vector<storage::NodeId> ids;
  auto drain = [&ids](storage::NodeIterator& it) -> Status {
    for (; it.Valid(); it.Next()) ids.push_back(it.id());
    return it.status();
  };
  if (labels.empty()) {
    COPMAP_RETURN_IF_ERROR(drain(*txn.ScanAllNodes()));
  } else {
    for (const std::string& name : labels) {
      std::optional<storage::LabelId> label = txn.FindLabel(name);
      if (!label) continue;  // never interned: no node carries it
      COPMAP_RETURN_IF_ERROR(drain(*txn.ScanLabel(*label)));
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// The value of `key` in a record's properties (sorted by key), or nullptr.
const Value* FindProperty(const storage::Properties& props, storage::PropKeyId key) {
  auto it = std::lower_bound(props.begin(), props.end(), key,
                             [](const auto& p, storage::PropKeyId k) { return p.first < k; });
  return it != props.end() && it->first == key ? &it->second : nullptr;
}

}  // namespace

std::span<const LocalId> Projection::In(LocalId v) const {
  if (!directed_) return Out(v);
  return {in_targets_.data() + in_offsets_[v], in_targets_.data() + in_offsets_[v + 1]};
}

std::span<const double> Projection::InWeights(LocalId v) const {
  if (!directed_) return OutWeights(v);
  return {in_weights_.data() + in_offsets_[v], in_weights_.data() + in_offsets_[v + 1]};
}

double Projection::OutStrength(LocalId v) const {
  double sum = 0;
  for (double w : OutWeights(v)) sum += w;
  return sum;
}

LocalId Projection::Local(storage::NodeId id) const {
  auto it = std::lower_bound(node_ids_.begin(), node_ids_.end(), id);
  if (it == node_ids_.end() || *it != id) return kNoLocal;
  return static_cast<LocalId>(it - node_ids_.begin());
}

void Projection::BuildCsr(uint32_t n, std::vector<Edge>& arcs, ParallelEdges parallel,
                          std::vector<uint64_t>* offsets, std::vector<LocalId>* targets,
                          std::vector<double>* weights) {
  // Counting sort by source, then each segment by target: linear-ish and
  // stable, so kKeep preserves the input order of parallel edges.
  std::vector<uint64_t> count(static_cast<size_t>(n) + 1, 0);
  for (const Edge& e : arcs) ++count[e.src + 1];
  for (uint32_t v = 0; v < n; ++v) count[v + 1] += count[v];
  std::vector<std::pair<LocalId, double>> sorted(arcs.size());
  {
    std::vector<uint64_t> next(count.begin(), count.end() - 1);
    for (const Edge& e : arcs) sorted[next[e.src]++] = {e.dst, e.weight};
  }
  arcs.clear();
  arcs.shrink_to_fit();

  offsets->assign(static_cast<size_t>(n) + 1, 0);
  targets->clear();
  weights->clear();
  targets->reserve(sorted.size());
  weights->reserve(sorted.size());
  for (uint32_t v = 0; v < n; ++v) {
    auto first = sorted.begin() + static_cast<ptrdiff_t>(count[v]);
    auto last = sorted.begin() + static_cast<ptrdiff_t>(count[v + 1]);
    std::stable_sort(first, last,
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto it = first; it != last; ++it) {
      bool same = parallel != ParallelEdges::kKeep && targets->size() > (*offsets)[v] &&
                  targets->back() == it->first;
      if (!same) {
        targets->push_back(it->first);
        weights->push_back(it->second);
      } else if (parallel == ParallelEdges::kMergeMax) {
        weights->back() = std::max(weights->back(), it->second);
      } else {
        weights->back() += it->second;
      }
    }
    (*offsets)[v + 1] = targets->size();
  }
}

Result<Projection> Projection::FromEdges(uint32_t num_nodes, std::vector<Edge> edges,
                                         bool directed, ParallelEdges parallel,
                                         bool keep_self_loops,
                                         std::vector<storage::NodeId> node_ids) {
  if (!node_ids.empty()) {
    if (node_ids.size() != num_nodes) {
      return Status::InvalidArgument("projection: " + std::to_string(node_ids.size()) +
                                     " node ids given for " + std::to_string(num_nodes) +
                                     " nodes");
    }
    for (size_t i = 1; i < node_ids.size(); ++i) {
      if (node_ids[i] <= node_ids[i - 1]) {
        return Status::InvalidArgument("projection: node ids must ascend, but id " +
                                       std::to_string(node_ids[i]) + " follows " +
                                       std::to_string(node_ids[i - 1]));
      }
    }
  } else {
    node_ids.resize(num_nodes);
    for (uint32_t i = 0; i < num_nodes; ++i) node_ids[i] = i;
  }
  Projection p;
  p.directed_ = directed;
  p.node_ids_ = std::move(node_ids);

  std::vector<Edge> out_arcs;
  out_arcs.reserve(directed ? edges.size() : 2 * edges.size());
  for (size_t i = 0; i < edges.size(); ++i) {
    const Edge& e = edges[i];
    if (e.src >= num_nodes || e.dst >= num_nodes) {
      return Status::InvalidArgument("projection: edge " + std::to_string(i) + " (" +
                                     std::to_string(e.src) + " -> " + std::to_string(e.dst) +
                                     ") has an end outside 0.." +
                                     std::to_string(num_nodes == 0 ? 0 : num_nodes - 1));
    }
    if (e.src == e.dst) {
      if (keep_self_loops) out_arcs.push_back(e);
      continue;
    }
    out_arcs.push_back(e);
    if (!directed) out_arcs.push_back({e.dst, e.src, e.weight});
  }
  edges.clear();
  edges.shrink_to_fit();

  if (directed) {
    std::vector<Edge> in_arcs;
    in_arcs.reserve(out_arcs.size());
    for (const Edge& e : out_arcs) in_arcs.push_back({e.dst, e.src, e.weight});
    BuildCsr(num_nodes, in_arcs, parallel, &p.in_offsets_, &p.in_targets_, &p.in_weights_);
  }
  BuildCsr(num_nodes, out_arcs, parallel, &p.out_offsets_, &p.out_targets_, &p.out_weights_);

  if (directed) {
    p.num_edges_ = p.out_targets_.size();
  } else {
    uint64_t loops = 0;
    for (LocalId v = 0; v < num_nodes; ++v) {
      for (LocalId u : p.Out(v)) loops += (u == v);
    }
    p.num_edges_ = (p.out_targets_.size() - loops) / 2 + loops;
  }
  return p;
}

Result<Projection> Projection::FromStore(storage::Transaction& txn, const ProjectionSpec& spec) {
  COPMAP_ASSIGN_OR_RETURN(std::vector<storage::NodeId> ids, CollectNodes(txn, spec.node_labels));

  std::vector<std::optional<storage::RelTypeId>> types;
  if (spec.rel_types.empty()) {
    types.push_back(std::nullopt);
  } else {
    for (const std::string& name : spec.rel_types) {
      if (auto t = txn.FindRelType(name)) types.push_back(*t);
    }
  }
  std::optional<storage::PropKeyId> weight_key;
  if (!spec.weight_property.empty()) weight_key = txn.FindPropKey(spec.weight_property);

  auto local = [&ids](storage::NodeId id) -> LocalId {
    auto it = std::lower_bound(ids.begin(), ids.end(), id);
    return it == ids.end() || *it != id ? kNoLocal : static_cast<LocalId>(it - ids.begin());
  };

  // One ordered scan of the relationship records per type: the ends and the
  // weight come with each record, so no read per node or per tie.
  std::vector<Edge> edges;
  for (const auto& type : types) {
    auto it = txn.ScanRelRecords(type);
    for (; it->Valid(); it->Next()) {
      const storage::RelRecord& rel = it->record();
      LocalId v = local(rel.start);
      LocalId u = local(rel.end);
      if (v == kNoLocal || u == kNoLocal) continue;
      double weight = spec.default_weight;
      if (weight_key) {
        const Value* w = FindProperty(rel.properties, *weight_key);
        if (w != nullptr && w->is_number()) weight = w->as_number();
      }
      edges.push_back({v, u, weight});
    }
    COPMAP_RETURN_IF_ERROR(it->status());
  }
  uint32_t n = static_cast<uint32_t>(ids.size());
  return FromEdges(n, std::move(edges), spec.directed, spec.parallel, spec.keep_self_loops,
                   std::move(ids));
}

Result<Projection> InducedSubgraph(const Projection& g, std::vector<LocalId> keep) {
  std::sort(keep.begin(), keep.end());
  keep.erase(std::unique(keep.begin(), keep.end()), keep.end());
  if (!keep.empty() && keep.back() >= g.num_nodes()) {
    return Status::InvalidArgument("subgraph: node " + std::to_string(keep.back()) +
                                   " is outside 0.." + std::to_string(g.num_nodes() - 1));
  }
  std::vector<LocalId> renumber(g.num_nodes(), kNoLocal);
  std::vector<storage::NodeId> ids;
  for (LocalId i = 0; i < keep.size(); ++i) {
    renumber[keep[i]] = i;
    ids.push_back(g.Global(keep[i]));
  }
  std::vector<Edge> edges;
  for (LocalId v : keep) {
    auto targets = g.Out(v);
    auto weights = g.OutWeights(v);
    for (size_t i = 0; i < targets.size(); ++i) {
      LocalId u = renumber[targets[i]];
      // Undirected: take each edge from its lower end only.
      if (u == kNoLocal || (!g.directed() && targets[i] < v)) continue;
      edges.push_back({renumber[v], u, weights[i]});
    }
  }
  return Projection::FromEdges(static_cast<uint32_t>(keep.size()), std::move(edges), g.directed(),
                               ParallelEdges::kKeep, /*keep_self_loops=*/true, std::move(ids));
}

}  // namespace copmap::analytics
