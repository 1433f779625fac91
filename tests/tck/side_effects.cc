#include "tests/tck/side_effects.h"

#include <algorithm>
#include <iterator>

#include "tests/tck/tck_value.h"

namespace copmap::tck {
namespace {

template <typename Set>
int64_t CountMissing(const Set& from, const Set& in) {
  Set diff;
  std::set_difference(from.begin(), from.end(), in.begin(), in.end(),
                      std::inserter(diff, diff.end()));
  return static_cast<int64_t>(diff.size());
}

void AddProperties(storage::Transaction& txn, char kind, uint64_t id,
                   const storage::Properties& props, GraphSnapshot* snap) {
  for (const auto& [key, value] : props) {
    snap->properties.emplace(kind, id, txn.PropKeyName(key), Canonical(FromValue(value)));
  }
}

}  // namespace

Result<GraphSnapshot> TakeSnapshot(storage::GraphStore& store) {
  GraphSnapshot snap;
  auto txn = store.Begin(storage::TransactionOptions{.read_only = true});
  for (auto it = txn->ScanAllNodes(); it->Valid(); it->Next()) {
    COPMAP_ASSIGN_OR_RETURN(storage::NodeRecord node, txn->GetNode(it->id()));
    snap.nodes.insert(node.id);
    for (storage::LabelId l : node.labels) snap.labels.insert(txn->LabelName(l));
    AddProperties(*txn, 'n', node.id, node.properties, &snap);
  }
  for (auto it = txn->ScanAllRels(); it->Valid(); it->Next()) {
    COPMAP_ASSIGN_OR_RETURN(storage::RelRecord rel, txn->GetRel(it->id()));
    snap.rels.insert(rel.id);
    AddProperties(*txn, 'r', rel.id, rel.properties, &snap);
  }
  return snap;
}

std::map<std::string, int64_t> Diff(const GraphSnapshot& before, const GraphSnapshot& after) {
  std::map<std::string, int64_t> out = {
      {"+nodes", CountMissing(after.nodes, before.nodes)},
      {"-nodes", CountMissing(before.nodes, after.nodes)},
      {"+relationships", CountMissing(after.rels, before.rels)},
      {"-relationships", CountMissing(before.rels, after.rels)},
      {"+labels", CountMissing(after.labels, before.labels)},
      {"-labels", CountMissing(before.labels, after.labels)},
      {"+properties", CountMissing(after.properties, before.properties)},
      {"-properties", CountMissing(before.properties, after.properties)},
  };
  std::erase_if(out, [](const auto& kv) { return kv.second == 0; });
  return out;
}

}  // namespace copmap::tck
