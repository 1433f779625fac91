#include "server/value_codec.h"

#include <string>
#include <utility>

namespace copmap::server {
namespace {

void NodeToProto(const NodeValue& node, v1::Node* out) {
  out->set_id(node.id);
  for (const std::string& label : node.labels) out->add_labels(label);
  ToProto(node.properties, out->mutable_properties());
}

void RelToProto(const RelationshipValue& rel, v1::Relationship* out) {
  out->set_id(rel.id);
  out->set_type(rel.type);
  out->set_start(rel.start);
  out->set_end(rel.end);
  ToProto(rel.properties, out->mutable_properties());
}

Result<NodeValue> NodeFromProto(const v1::Node& in, std::string_view where) {
  NodeValue node;
  node.id = in.id();
  node.labels.assign(in.labels().begin(), in.labels().end());
  COPMAP_ASSIGN_OR_RETURN(node.properties, FromProto(in.properties(), where));
  return node;
}

Result<RelationshipValue> RelFromProto(const v1::Relationship& in, std::string_view where) {
  RelationshipValue rel;
  rel.id = in.id();
  rel.type = in.type();
  rel.start = in.start();
  rel.end = in.end();
  COPMAP_ASSIGN_OR_RETURN(rel.properties, FromProto(in.properties(), where));
  return rel;
}

Result<Value> PathFromProto(const v1::Path& in, std::string_view where) {
  const int nodes = in.nodes_size();
  const int rels = in.relationships_size();
  if (!(nodes == 0 && rels == 0) && nodes != rels + 1) {
    return Status::InvalidArgument(std::string(where) + ": a path with " +
                                   std::to_string(rels) + " relationships needs " +
                                   std::to_string(rels + 1) + " nodes, got " +
                                   std::to_string(nodes));
  }
  PathValue path;
  for (const v1::Node& n : in.nodes()) {
    COPMAP_ASSIGN_OR_RETURN(NodeValue node, NodeFromProto(n, where));
    path.nodes.push_back(std::move(node));
  }
  for (int i = 0; i < rels; ++i) {
    COPMAP_ASSIGN_OR_RETURN(RelationshipValue rel, RelFromProto(in.relationships(i), where));
    const uint64_t a = path.nodes[i].id;
    const uint64_t b = path.nodes[i + 1].id;
    if (!((rel.start == a && rel.end == b) || (rel.start == b && rel.end == a))) {
      return Status::InvalidArgument(
          std::string(where) + ": path relationship " + std::to_string(i) + " (id " +
          std::to_string(rel.id) + ") does not connect nodes " + std::to_string(a) +
          " and " + std::to_string(b));
    }
    path.relationships.push_back(std::move(rel));
  }
  return Value(std::move(path));
}

}  // namespace

void ToProto(const ValueMap& map, v1::ValueMap* out) {
  out->Clear();
  out->mutable_entries()->Reserve(static_cast<int>(map.size()));
  for (const auto& [key, value] : map) {
    v1::MapEntry* entry = out->add_entries();
    entry->set_key(key);
    ToProto(value, entry->mutable_value());
  }
}

void ToProto(const Value& value, v1::Value* out) {
  out->Clear();
  switch (value.kind()) {
    case Value::Kind::kNull:
      out->mutable_null_value();
      return;
    case Value::Kind::kBool:
      out->set_bool_value(value.as_bool());
      return;
    case Value::Kind::kInt:
      out->set_int_value(value.as_int());
      return;
    case Value::Kind::kFloat:
      out->set_float_value(value.as_float());
      return;
    case Value::Kind::kString:
      out->set_string_value(value.as_string());
      return;
    case Value::Kind::kDate:
      out->mutable_date_value()->set_days(value.as_date().days);
      return;
    case Value::Kind::kDateTime:
      out->mutable_datetime_value()->set_micros(value.as_datetime().micros);
      return;
    case Value::Kind::kList: {
      v1::ValueList* list = out->mutable_list_value();
      list->mutable_values()->Reserve(static_cast<int>(value.as_list().size()));
      for (const Value& element : value.as_list()) ToProto(element, list->add_values());
      return;
    }
    case Value::Kind::kMap:
      ToProto(value.as_map(), out->mutable_map_value());
      return;
    case Value::Kind::kNode:
      NodeToProto(value.as_node(), out->mutable_node_value());
      return;
    case Value::Kind::kRelationship:
      RelToProto(value.as_relationship(), out->mutable_relationship_value());
      return;
    case Value::Kind::kPath: {
      v1::Path* path = out->mutable_path_value();
      for (const NodeValue& node : value.as_path().nodes) NodeToProto(node, path->add_nodes());
      for (const RelationshipValue& rel : value.as_path().relationships) {
        RelToProto(rel, path->add_relationships());
      }
      return;
    }
  }
}

Result<ValueMap> FromProto(const v1::ValueMap& map, std::string_view where) {
  ValueMap out;
  out.reserve(map.entries_size());
  for (const v1::MapEntry& entry : map.entries()) {
    COPMAP_ASSIGN_OR_RETURN(Value value, FromProto(entry.value(), where));
    out.emplace_back(entry.key(), std::move(value));
  }
  // Value's map constructor sorts and lets a later duplicate win; reuse it so
  // the wire and the embedded API agree on that rule.
  Value normalized(std::move(out));
  return normalized.as_map();
}

Result<Value> FromProto(const v1::Value& value, std::string_view where) {
  switch (value.kind_case()) {
    case v1::Value::KIND_NOT_SET:
    case v1::Value::kNullValue:
      return Value();
    case v1::Value::kBoolValue:
      return Value(value.bool_value());
    case v1::Value::kIntValue:
      return Value(static_cast<int64_t>(value.int_value()));
    case v1::Value::kFloatValue:
      return Value(value.float_value());
    case v1::Value::kStringValue:
      return Value(value.string_value());
    case v1::Value::kDateValue:
      return Value(Date{value.date_value().days()});
    case v1::Value::kDatetimeValue:
      return Value(DateTime{value.datetime_value().micros()});
    case v1::Value::kListValue: {
      ValueList list;
      list.reserve(value.list_value().values_size());
      for (const v1::Value& element : value.list_value().values()) {
        COPMAP_ASSIGN_OR_RETURN(Value v, FromProto(element, where));
        list.push_back(std::move(v));
      }
      return Value(std::move(list));
    }
    case v1::Value::kMapValue: {
      COPMAP_ASSIGN_OR_RETURN(ValueMap map, FromProto(value.map_value(), where));
      return Value(std::move(map));
    }
    case v1::Value::kNodeValue: {
      COPMAP_ASSIGN_OR_RETURN(NodeValue node, NodeFromProto(value.node_value(), where));
      return Value(std::move(node));
    }
    case v1::Value::kRelationshipValue: {
      COPMAP_ASSIGN_OR_RETURN(RelationshipValue rel,
                              RelFromProto(value.relationship_value(), where));
      return Value(std::move(rel));
    }
    case v1::Value::kPathValue:
      return PathFromProto(value.path_value(), where);
  }
  return Status::InvalidArgument(std::string(where) + ": unknown value kind " +
                                 std::to_string(static_cast<int>(value.kind_case())));
}

}  // namespace copmap::server
