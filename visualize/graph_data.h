// The nodes and relationships found in query results, gathered for drawing.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "storage/value.h"

namespace copmap::visualize {

// Nodes and relationships by id (so iteration order is deterministic).
struct GraphData {
  std::map<uint64_t, NodeValue> nodes;
  std::map<uint64_t, RelationshipValue> relationships;
};

// Adds every node, relationship and path held by `value`, looking inside
// lists and maps too. Scalars are ignored. A node or relationship seen twice
// is kept once.
void CollectValue(const Value& value, GraphData* data);
GraphData CollectRows(const std::vector<std::vector<Value>>& rows);

// The property `key` of a node or relationship, or nullptr.
const Value* FindProperty(const ValueMap& properties, std::string_view key);
// The property as text ("" when absent; numbers and dates as written).
std::string PropertyText(const ValueMap& properties, std::string_view key);
bool HasLabel(const NodeValue& node, std::string_view label);

// The first label the theme knows (Person, Community, ...), else the first
// label, else "Node".
std::string PrimaryLabel(const NodeValue& node);
// The key property of a CoP label: email for Person, title for Practice,
// name for the others; "name" for unknown labels.
std::string_view KeyProperty(std::string_view label);
// What a node is called on the map: its name, else its key, else
// "<Label> #<id>".
std::string DisplayName(const NodeValue& node);
// A stable identity: "<Label>: <key value>", or "<Label> #<id>" when the node
// has no key value. Becomes the SVG <title> of the node.
std::string NodeKey(const NodeValue& node);

}  // namespace copmap::visualize
