// StoredNodeFinder: finds the nodes of earlier imports that a relationship
// file names, so that relationships can be imported into a store that
// already holds their end nodes.
//
// An import id that is not in the current import is looked up as the value
// of the id property (the name of the :ID column, "id" by default) through
// the store's unique indexes on that property: those of the label named by
// the id space when there is one (":START_ID(Person)" -> Person.id), else of
// every label. Reads use one snapshot taken at the first lookup.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/graph_store.h"
#include "storage/status.h"

namespace copmap::interchange {

class StoredNodeFinder {
 public:
  explicit StoredNodeFinder(storage::GraphStore& store) : store_(store) {}

  // The node whose `id_property` equals `id` (typed as the importer types
  // :ID values), or nullopt with `*why_not` completing "no node with id 'X'
  // in this import, ...": which indexes were asked, or that there is none,
  // or that several nodes match.
  Result<std::optional<storage::NodeId>> Find(std::string_view space,
                                              std::string_view id_property, std::string_view id,
                                              std::string* why_not);

 private:
  struct UniqueKey {
    storage::LabelId label;
    storage::PropKeyId property;
    std::string index_name;
  };
  const std::vector<UniqueKey>& KeysFor(std::string_view space, std::string_view id_property);

  storage::GraphStore& store_;
  std::unique_ptr<storage::Transaction> snapshot_;
  std::map<std::pair<std::string, std::string>, std::vector<UniqueKey>> keys_;
};

}  // namespace copmap::interchange
