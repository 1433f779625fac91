#include "storage/interchange/stored_node_finder.h"

#include "storage/interchange/field_value.h"

namespace copmap::interchange {

const std::vector<StoredNodeFinder::UniqueKey>& StoredNodeFinder::KeysFor(
    std::string_view space, std::string_view id_property) {
  auto slot = std::pair{std::string(space), std::string(id_property)};
  if (auto it = keys_.find(slot); it != keys_.end()) return it->second;
  std::vector<UniqueKey> all, of_space;
  auto property = snapshot_->FindPropKey(id_property);
  for (const storage::IndexInfo& info : snapshot_->Indexes()) {
    if (!property || info.kind != storage::IndexKind::kUnique || info.property != *property) {
      continue;
    }
    UniqueKey key{info.label, info.property, info.name};
    if (!space.empty() && snapshot_->LabelName(info.label) == space) of_space.push_back(key);
    all.push_back(std::move(key));
  }
  return keys_[slot] = of_space.empty() ? std::move(all) : std::move(of_space);
}

Result<std::optional<storage::NodeId>> StoredNodeFinder::Find(std::string_view space,
                                                              std::string_view id_property,
                                                              std::string_view id,
                                                              std::string* why_not) {
  if (!snapshot_) snapshot_ = store_.Begin({.read_only = true});
  const std::vector<UniqueKey>& keys = KeysFor(space, id_property);
  if (keys.empty()) {
    *why_not = "and no unique index on property '" + std::string(id_property) +
               "' to look for it among the stored nodes";
    return std::optional<storage::NodeId>();
  }
  Value value = IdPropertyValue(id);
  std::optional<storage::NodeId> found;
  std::string asked;
  for (const UniqueKey& key : keys) {
    asked += (asked.empty() ? "'" : ", '") + key.index_name + "'";
    COPMAP_ASSIGN_OR_RETURN(auto it, snapshot_->IndexSeek(key.label, key.property, value));
    if (!it->Valid()) {
      COPMAP_RETURN_IF_ERROR(it->status());
      continue;
    }
    if (found && *found != it->id()) {
      *why_not = "and stored nodes " + std::to_string(*found) +
                 " and " + std::to_string(it->id()) + " both have that id (unique indexes " +
                 asked + ")";
      return std::optional<storage::NodeId>();
    }
    found = it->id();
  }
  if (!found) *why_not = "nor among the stored nodes (unique index " + asked + ")";
  return found;
}

}  // namespace copmap::interchange
