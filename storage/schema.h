// Index definitions and the index entries a node record implies.
// Internal to storage/.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "storage/graph_store.h"

namespace copmap::storage {

struct IndexDef {
  uint32_t id = 0;  // key prefix in the index column family; never reused
  IndexInfo info;
};

// The set of indexes at one moment. Immutable once published; a schema
// change publishes a new Schema with a higher version.
struct Schema {
  uint64_t version = 0;
  std::vector<IndexDef> indexes;

  const IndexDef* Find(LabelId label, PropKeyId property) const;
  const IndexDef* FindByName(std::string_view name) const;
  uint32_t NextIndexId() const;
};

// Meta-column-family value of an index definition (see keys.h).
std::string EncodeIndexDef(const IndexDef& def);
Result<IndexDef> DecodeIndexDef(std::string_view name, std::string_view bytes);

// One index-column-family entry implied by a node.
struct IndexEntry {
  const IndexDef* index;
  std::string key;    // index(4) value [node(8) for range indexes]
  std::string value;  // node(8) for unique indexes, empty otherwise
  const Value* property;
  bool operator<(const IndexEntry& o) const { return key < o.key; }
};

// Every index entry `node` implies under `schema`, sorted by key.
// InvalidArgument when a property value cannot be encoded.
Result<std::vector<IndexEntry>> NodeIndexEntries(const Schema& schema, const NodeRecord& node);

// index(4) + encoded value: the unique key, or the range-key prefix for `v`.
Result<std::string> IndexValuePrefix(uint32_t index_id, const Value& v);

}  // namespace copmap::storage
