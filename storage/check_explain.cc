// RocksStore::Check, explaining passes: run only for a family whose
// fingerprints differ (checker.h). Point reads in both directions name each
// missing or unexpected entry. Malformed keys were reported by the fast
// passes and are skipped here.
#include <algorithm>

#include "storage/checker.h"
#include "storage/keys.h"
#include "storage/rocks_status.h"

namespace copmap::storage {

Result<std::optional<NodeRecord>> Checker::LoadNode(NodeId id) {
  std::string v;
  if (!Has(Cf::kNodes, keys::IdKey(id), &v)) return std::optional<NodeRecord>();
  auto node = codec::DecodeNodeRecord(id, v);
  if (!node.ok()) return std::optional<NodeRecord>();
  return std::optional<NodeRecord>(std::move(node).value());
}

std::optional<RelRecord> Checker::LoadRel(RelId id) {
  std::string v;
  if (!Has(Cf::kRels, keys::IdKey(id), &v)) return std::nullopt;
  auto rel = codec::DecodeRelRecord(id, v);
  if (!rel.ok()) return std::nullopt;
  return std::move(rel).value();
}

namespace {

// Calls fn(id, record) for every decodable record of `cf` (nodes or rels).
template <typename Decode, typename Fn>
Status ForEachRecord(rocksdb::Iterator* it, Decode decode, Fn fn) {
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    if (it->key().size() != 8) continue;
    uint64_t id = keys::GetBig64(it->key().data());
    auto record = decode(id, it->value().ToStringView());
    if (record.ok()) fn(id, *record);
  }
  return FromRocks(it->status(), "checking records");
}

}  // namespace

Status Checker::ExplainLabelScan() {
  auto nodes = Iter(Cf::kNodes);
  COPMAP_RETURN_IF_ERROR(ForEachRecord(
      nodes.get(), codec::DecodeNodeRecord, [&](NodeId id, const NodeRecord& node) {
        for (LabelId l : node.labels) {
          if (!Has(Cf::kLabels, keys::ScanKey(l, id))) {
            Report("node " + std::to_string(id) + " has label :" + Label(l) +
                   " but no label scan entry");
          }
        }
      }));
  auto it = Iter(Cf::kLabels);
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    if (it->key().size() != 12) continue;
    LabelId label = keys::GetBig32(it->key().data());
    NodeId id = keys::GetBig64(it->key().data() + 4);
    COPMAP_ASSIGN_OR_RETURN(auto node, LoadNode(id));
    if (!node || !std::binary_search(node->labels.begin(), node->labels.end(), label)) {
      Report("label scan entry :" + Label(label) + " for node " + std::to_string(id) +
             " but the node does not have that label");
    }
  }
  return FromRocks(it->status(), "checking the label scan");
}

Status Checker::ExplainTypeScan() {
  auto rels = Iter(Cf::kRels);
  COPMAP_RETURN_IF_ERROR(ForEachRecord(
      rels.get(), codec::DecodeRelRecord, [&](RelId id, const RelRecord& rel) {
        if (!Has(Cf::kRelTypes, keys::ScanKey(rel.type, id))) {
          Report("relationship " + std::to_string(id) + " has no relationship type scan entry");
        }
      }));
  auto it = Iter(Cf::kRelTypes);
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    if (it->key().size() != 12) continue;
    RelTypeId type = keys::GetBig32(it->key().data());
    RelId id = keys::GetBig64(it->key().data() + 4);
    auto rel = LoadRel(id);
    if (!rel || rel->type != type) {
      Report("relationship type scan entry :" + Type(type) + " for relationship " +
             std::to_string(id) + " but no such relationship of that type exists");
    }
  }
  return FromRocks(it->status(), "checking the relationship type scan");
}

Status Checker::ExplainAdjacency() {
  auto rels = Iter(Cf::kRels);
  COPMAP_RETURN_IF_ERROR(ForEachRecord(
      rels.get(), codec::DecodeRelRecord, [&](RelId id, const RelRecord& rel) {
        std::string owner = "relationship " + std::to_string(id) + " (:" + Type(rel.type) + ")";
        if (!Has(Cf::kAdj, keys::AdjKey(rel.start, Direction::kOut, rel.type, rel.end, id))) {
          Report(owner + " has no outgoing adjacency entry at node " + std::to_string(rel.start));
        }
        if (!Has(Cf::kAdj, keys::AdjKey(rel.end, Direction::kIn, rel.type, rel.start, id))) {
          Report(owner + " has no incoming adjacency entry at node " + std::to_string(rel.end));
        }
      }));
  auto it = Iter(Cf::kAdj);
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::string_view key = it->key().ToStringView();
    if (!WellFormedAdjKey(key)) continue;
    auto p = keys::DecodeAdjKey(key);
    auto rel = LoadRel(p.entry.rel);
    bool out = p.entry.direction == Direction::kOut;
    if (!rel || rel->type != p.entry.type || (out ? rel->start : rel->end) != p.node ||
        (out ? rel->end : rel->start) != p.entry.neighbor) {
      Report(DirName(p.entry.direction) + " adjacency entry of node " + std::to_string(p.node) +
             " for relationship " + std::to_string(p.entry.rel) +
             " has no matching relationship record");
    }
  }
  return FromRocks(it->status(), "checking adjacency");
}

Status Checker::ExplainIndex() {
  auto nodes = Iter(Cf::kNodes);
  COPMAP_RETURN_IF_ERROR(ForEachRecord(
      nodes.get(), codec::DecodeNodeRecord, [&](NodeId id, const NodeRecord& node) {
        auto entries = NodeIndexEntries(*schema_, node);
        if (!entries.ok()) return;  // reported by ScanNodes
        std::string owner = "node " + std::to_string(id);
        for (const IndexEntry& e : *entries) {
          std::string holder;
          if (!Has(Cf::kIndex, e.key, &holder)) {
            Report(owner + " has no entry in index '" + e.index->info.name + "' for value " +
                   e.property->ToString());
          } else if (e.index->info.kind == IndexKind::kUnique && holder != e.value) {
            Report("unique constraint '" + e.index->info.name + "' broken: " + owner +
                   " and node " +
                   std::to_string(holder.size() == 8 ? keys::GetBig64(holder.data()) : 0) +
                   " share the value " + e.property->ToString());
          }
        }
      }));
  auto it = Iter(Cf::kIndex);
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::string key = it->key().ToString();
    const IndexDef* def = FindIndex(key);
    if (def == nullptr) continue;
    bool unique = def->info.kind == IndexKind::kUnique;
    std::string_view id_bytes = unique ? it->value().ToStringView()
                                       : std::string_view(key).substr(key.size() - 8);
    if (id_bytes.size() != 8 || (!unique && key.size() < 12)) continue;
    NodeId id = keys::GetBig64(id_bytes.data());
    COPMAP_ASSIGN_OR_RETURN(auto node, LoadNode(id));
    bool implied = false;
    if (node) {
      auto entries = NodeIndexEntries(*schema_, *node);
      if (entries.ok()) {
        for (const IndexEntry& e : *entries) implied |= e.index == def && e.key == key;
      }
    }
    if (!implied) {
      Report("index '" + def->info.name + "' has an entry for node " + std::to_string(id) +
             " that does not match the node's label and property value");
    }
  }
  return FromRocks(it->status(), "checking indexes");
}

}  // namespace copmap::storage
