#include "visualize/graph_data.h"

#include "visualize/theme.h"

namespace copmap::visualize {

void CollectValue(const Value& value, GraphData* data) {
  switch (value.kind()) {
    case Value::Kind::kNode:
      data->nodes.try_emplace(value.as_node().id, value.as_node());
      break;
    case Value::Kind::kRelationship:
      data->relationships.try_emplace(value.as_relationship().id, value.as_relationship());
      break;
    case Value::Kind::kPath:
      for (const NodeValue& node : value.as_path().nodes) data->nodes.try_emplace(node.id, node);
      for (const RelationshipValue& rel : value.as_path().relationships) {
        data->relationships.try_emplace(rel.id, rel);
      }
      break;
    case Value::Kind::kList:
      for (const Value& item : value.as_list()) CollectValue(item, data);
      break;
    case Value::Kind::kMap:
      for (const auto& [key, item] : value.as_map()) CollectValue(item, data);
      break;
    default:
      break;
  }
}

GraphData CollectRows(const std::vector<std::vector<Value>>& rows) {
  GraphData data;
  for (const auto& row : rows) {
    for (const Value& value : row) CollectValue(value, &data);
  }
  return data;
}

const Value* FindProperty(const ValueMap& properties, std::string_view key) {
  for (const auto& [k, v] : properties) {
    if (k == key) return &v;
  }
  return nullptr;
}

std::string PropertyText(const ValueMap& properties, std::string_view key) {
  const Value* v = FindProperty(properties, key);
  if (v == nullptr || v->is_null()) return "";
  if (v->is_string()) return v->as_string();
  if (v->kind() == Value::Kind::kDate) return FormatDate(v->as_date());
  if (v->kind() == Value::Kind::kDateTime) return FormatDateTime(v->as_datetime());
  return v->ToString();
}

bool HasLabel(const NodeValue& node, std::string_view label) {
  for (const std::string& l : node.labels) {
    if (l == label) return true;
  }
  return false;
}

std::string PrimaryLabel(const NodeValue& node) {
  for (const std::string& known : KnownLabels()) {
    if (HasLabel(node, known)) return known;
  }
  return node.labels.empty() ? "Node" : node.labels.front();
}

std::string_view KeyProperty(std::string_view label) {
  if (label == "Person") return "email";
  if (label == "Practice") return "title";
  return "name";
}

std::string DisplayName(const NodeValue& node) {
  for (std::string_view key : {"name", "title", "email"}) {
    std::string text = PropertyText(node.properties, key);
    if (!text.empty()) return text;
  }
  return PrimaryLabel(node) + " #" + std::to_string(node.id);
}

std::string NodeKey(const NodeValue& node) {
  const std::string label = PrimaryLabel(node);
  const std::string key = PropertyText(node.properties, KeyProperty(label));
  if (key.empty()) return label + " #" + std::to_string(node.id);
  return label + ": " + key;
}

}  // namespace copmap::visualize
