// CopGraph: the CoP schema (DESIGN.md section 2) read through one Transaction.
//
// Resolves and caches the interned ids of the schema's names (a name the
// store never saw simply matches nothing), finds people, domains and
// communities by their keys, reads properties by name, and materializes
// nodes for result rows. The procedures use it for the small, per-entity
// reads; whole-graph algorithms use a Projection instead.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/graph_store.h"
#include "storage/status.h"
#include "storage/value.h"

namespace copmap::analytics {

class CopGraph {
 public:
  explicit CopGraph(storage::Transaction& txn) : txn_(txn) {}

  storage::Transaction& txn() { return txn_; }

  std::optional<storage::LabelId> Label(const std::string& name);
  std::optional<storage::RelTypeId> RelType(const std::string& name);
  std::optional<storage::PropKeyId> PropKey(const std::string& name);

  // Every node with the label, ascending id (empty when the label is unknown).
  Result<std::vector<storage::NodeId>> Nodes(const std::string& label);
  // A node's relationships of one type in one direction (empty when the
  // type is unknown), in the store's order.
  Result<std::vector<storage::AdjEntry>> Adjacent(storage::NodeId node, storage::Direction dir,
                                                  const std::string& type);
  // The distinct other ends of those relationships, ascending.
  Result<std::vector<storage::NodeId>> Neighbors(storage::NodeId node, storage::Direction dir,
                                                 const std::string& type);

  // A property by name; null when absent.
  Result<Value> Prop(storage::NodeId node, const std::string& key);
  Result<Value> RelProp(storage::RelId rel, const std::string& key);
  // A readable name: the `name`, `title` or `email` property, else "#<id>".
  Result<std::string> DisplayName(storage::NodeId node);
  // The node with its labels and properties, as a result row holds it.
  Result<Value> NodeValueOf(storage::NodeId node);
  Result<bool> HasLabel(storage::NodeId node, const std::string& label);

  // The node with `label` whose `key` property equals `value` (through an
  // index when there is one). NotFound "<procedure>: no <label> with
  // <key> '<value>'" when there is none.
  Result<storage::NodeId> FindByKey(const std::string& procedure, const std::string& label,
                                    const std::string& key, const Value& value);
  // A person given as an email (string), a node id (integer) or a node.
  Result<storage::NodeId> ResolvePerson(const std::string& procedure, const Value& who);

  // The day a person leaves or left their organization or their communities:
  // the earlier of the latest WORKS_AT `until` (when every WORKS_AT has one)
  // and the latest MEMBER_OF `until` (when every MEMBER_OF has one); nullopt
  // while they stay (an open relationship of each kind, or none at all).
  Result<std::optional<int64_t>> Departure(storage::NodeId person);
  // Gone: departed on or before `as_of`.
  Result<bool> IsGone(storage::NodeId person, int64_t as_of);

 private:
  // The latest `until` of the person's relationships of `type` when all have
  // one; nullopt when there are none or one is open.
  Result<std::optional<int64_t>> EndOfAll(storage::NodeId person, const std::string& type);

  storage::Transaction& txn_;
  std::map<std::string, std::optional<uint32_t>> labels_, types_, keys_;
  std::map<storage::NodeId, std::optional<int64_t>> departures_;
};

}  // namespace copmap::analytics
