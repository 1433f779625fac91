#include "query/analytics/cop_graph.h"

#include <algorithm>
#include <climits>

#include "query/analytics/procedure_options.h"

namespace copmap::analytics {

namespace {

template <typename F>
std::optional<uint32_t> Cached(std::map<std::string, std::optional<uint32_t>>& cache,
                               const std::string& name, F find) {
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  std::optional<uint32_t> id = find(name);
  cache.emplace(name, id);
  return id;
}

}  // namespace

std::optional<storage::LabelId> CopGraph::Label(const std::string& name) {
  return Cached(labels_, name, [this](const std::string& n) { return txn_.FindLabel(n); });
}
std::optional<storage::RelTypeId> CopGraph::RelType(const std::string& name) {
  return Cached(types_, name, [this](const std::string& n) { return txn_.FindRelType(n); });
}
std::optional<storage::PropKeyId> CopGraph::PropKey(const std::string& name) {
  return Cached(keys_, name, [this](const std::string& n) { return txn_.FindPropKey(n); });
}

Result<std::vector<storage::NodeId>> CopGraph::Nodes(const std::string& label) {
  std::vector<storage::NodeId> ids;
  std::optional<storage::LabelId> id = Label(label);
  if (!id) return ids;
  auto it = txn_.ScanLabel(*id);
  for (; it->Valid(); it->Next()) ids.push_back(it->id());
  COPMAP_RETURN_IF_ERROR(it->status());
  std::sort(ids.begin(), ids.end());
  return ids;
}

Result<std::vector<storage::AdjEntry>> CopGraph::Adjacent(storage::NodeId node,
                                                          storage::Direction dir,
                                                          const std::string& type) {
  std::vector<storage::AdjEntry> entries;
  std::optional<storage::RelTypeId> id = RelType(type);
  if (!id) return entries;
  auto it = txn_.Expand(node, dir, *id);
  for (; it->Valid(); it->Next()) entries.push_back(it->entry());
  COPMAP_RETURN_IF_ERROR(it->status());
  return entries;
}

Result<std::vector<storage::NodeId>> CopGraph::Neighbors(storage::NodeId node,
                                                         storage::Direction dir,
                                                         const std::string& type) {
  COPMAP_ASSIGN_OR_RETURN(auto entries, Adjacent(node, dir, type));
  std::vector<storage::NodeId> ids;
  ids.reserve(entries.size());
  for (const auto& e : entries) ids.push_back(e.neighbor);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

Result<Value> CopGraph::Prop(storage::NodeId node, const std::string& key) {
  std::optional<storage::PropKeyId> id = PropKey(key);
  if (!id) return Value();
  return txn_.GetNodeProperty(node, *id);
}

Result<Value> CopGraph::RelProp(storage::RelId rel, const std::string& key) {
  std::optional<storage::PropKeyId> id = PropKey(key);
  if (!id) return Value();
  return txn_.GetRelProperty(rel, *id);
}

Result<std::string> CopGraph::DisplayName(storage::NodeId node) {
  for (const char* key : {"name", "title", "email"}) {
    COPMAP_ASSIGN_OR_RETURN(Value v, Prop(node, key));
    if (v.is_string()) return v.as_string();
  }
  return "#" + std::to_string(node);
}

Result<Value> CopGraph::NodeValueOf(storage::NodeId node) {
  COPMAP_ASSIGN_OR_RETURN(storage::NodeRecord record, txn_.GetNode(node));
  NodeValue value;
  value.id = node;
  for (storage::LabelId l : record.labels) value.labels.push_back(txn_.LabelName(l));
  for (auto& [key, v] : record.properties) value.properties.emplace_back(txn_.PropKeyName(key), v);
  std::sort(value.properties.begin(), value.properties.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return Value(std::move(value));
}

Result<bool> CopGraph::HasLabel(storage::NodeId node, const std::string& label) {
  std::optional<storage::LabelId> id = Label(label);
  if (!id) return false;
  COPMAP_ASSIGN_OR_RETURN(storage::NodeRecord record, txn_.GetNode(node));
  return std::binary_search(record.labels.begin(), record.labels.end(), *id);
}

Result<storage::NodeId> CopGraph::FindByKey(const std::string& procedure, const std::string& label,
                                            const std::string& key, const Value& value) {
  auto not_found = [&] {
    return Status::NotFound(procedure + ": no " + label + " with " + key + " " + value.ToString());
  };
  std::optional<storage::LabelId> label_id = Label(label);
  std::optional<storage::PropKeyId> key_id = PropKey(key);
  if (!label_id || !key_id) return not_found();
  if (txn_.FindIndex(*label_id, *key_id)) {
    COPMAP_ASSIGN_OR_RETURN(auto it, txn_.IndexSeek(*label_id, *key_id, value));
    if (it->Valid()) return it->id();
    COPMAP_RETURN_IF_ERROR(it->status());
    return not_found();
  }
  auto it = txn_.ScanLabel(*label_id);
  for (; it->Valid(); it->Next()) {
    COPMAP_ASSIGN_OR_RETURN(Value v, txn_.GetNodeProperty(it->id(), *key_id));
    if (v == value) return it->id();
  }
  COPMAP_RETURN_IF_ERROR(it->status());
  return not_found();
}

Result<storage::NodeId> CopGraph::ResolvePerson(const std::string& procedure, const Value& who) {
  storage::NodeId id = 0;
  if (who.is_string()) return FindByKey(procedure, "Person", "email", who);
  if (who.is_int() && who.as_int() >= 0) {
    id = static_cast<storage::NodeId>(who.as_int());
  } else if (who.is_node()) {
    id = who.as_node().id;
  } else {
    return Status::InvalidArgument(procedure +
                                   ": a person is an email, a node id or a node, got " +
                                   who.ToString());
  }
  if (!txn_.NodeExists(id)) {
    return Status::NotFound(procedure + ": no node with id " + std::to_string(id));
  }
  COPMAP_ASSIGN_OR_RETURN(bool person, HasLabel(id, "Person"));
  if (!person) return Status::InvalidArgument(procedure + ": node " + std::to_string(id) +
                                              " is not a Person");
  return id;
}

Result<std::optional<int64_t>> CopGraph::EndOfAll(storage::NodeId person,
                                                   const std::string& type) {
  COPMAP_ASSIGN_OR_RETURN(auto rels, Adjacent(person, storage::Direction::kOut, type));
  if (rels.empty()) return std::optional<int64_t>();
  int64_t last = INT64_MIN;
  for (const auto& r : rels) {
    COPMAP_ASSIGN_OR_RETURN(Value until, RelProp(r.rel, "until"));
    std::optional<int64_t> day = ValueToDay(until);
    if (!day) return std::optional<int64_t>();  // one open relationship: still there
    last = std::max(last, *day);
  }
  return std::optional<int64_t>(last);
}

Result<std::optional<int64_t>> CopGraph::Departure(storage::NodeId person) {
  auto cached = departures_.find(person);
  if (cached != departures_.end()) return cached->second;
  COPMAP_ASSIGN_OR_RETURN(std::optional<int64_t> employment, EndOfAll(person, "WORKS_AT"));
  COPMAP_ASSIGN_OR_RETURN(std::optional<int64_t> membership, EndOfAll(person, "MEMBER_OF"));
  std::optional<int64_t> result = employment;
  if (membership && (!result || *membership < *result)) result = membership;
  departures_.emplace(person, result);
  return result;
}

Result<bool> CopGraph::IsGone(storage::NodeId person, int64_t as_of) {
  COPMAP_ASSIGN_OR_RETURN(std::optional<int64_t> day, Departure(person));
  return day.has_value() && *day <= as_of;
}

}  // namespace copmap::analytics
