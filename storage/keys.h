// The byte layout of every key copmap writes to RocksDB. Internal to storage/.
//
// All integers in keys are big-endian, so byte order equals numeric order:
// one prefix seek finds a node's relationships of one (direction, type), in
// neighbour-id order. Values holding counts are 8-byte little-endian int64
// (they are only ever read by the merge operator and the store).
//
// Column family | key                                              | value
// --------------+--------------------------------------------------+------------------------------
// meta          | "format"                                         | kFormatMarker
//               | "version"                                        | fixed32 format version
//               | 'l' name                    (label name -> id)   | fixed32 id
//               | 't' name                    (rel type name -> id)| fixed32 id
//               | 'p' name                    (prop key name -> id)| fixed32 id
//               | 'x' name                    (index definition)   | fixed32 index id, kind byte,
//               |                                                  | fixed32 label, fixed32 property
// nodes         | node(8)                                          | node record (codec.h)
// rels          | rel(8)                                           | rel record (codec.h)
// adj           | node(8) dir(1) type(4) neighbor(8) rel(8)        | empty
//               |   dir: 0 outgoing, 1 incoming (Direction)        |
// labels        | label(4) node(8)                 (label scan)    | empty
// reltypes      | type(4) rel(8)                   (type scan)     | empty
// index         | index(4) ordered-value           (unique index)  | node(8)
//               | index(4) ordered-value node(8)   (range index)   | empty
// counts        | 'D' node(8) dir(1) type(4)       (degree)        | int64 (merge: add)
//               |   type kAllTypes = 0xFFFFFFFF: every type        |
//               | 'L' label(4)                     (nodes by label)| int64 (merge: add)
//               | 'T' type(4)                      (rels by type)  | int64 (merge: add)
//               | 'N'                              (all nodes)     | int64 (merge: add)
//               | 'R'                              (all rels)      | int64 (merge: add)
//               | 'H' 'N' / 'H' 'R'                (id high-water) | int64 (merge: max)
//
// The catalog id -> name direction is rebuilt in memory at open. The
// ordered-value encoding of index keys is EncodeIndexValue() in codec.h.
//
// Prefix extractors: adj uses the fixed 9-byte (node, dir) prefix with a
// prefix bloom filter, so Expand() on a node without edges in a direction
// costs no disk read. nodes, rels and index use whole-key bloom filters for
// point lookups.
//
// Do not change any tag, column family name or field order: they are on disk.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "storage/graph_store.h"

namespace copmap::storage::keys {

inline constexpr char kFormatMarker[] = "copmap property graph";
inline constexpr uint32_t kFormatVersion = 1;

// Column family names, in the order the store opens them (after "default").
inline constexpr const char* kMetaCf = "meta";
inline constexpr const char* kNodesCf = "nodes";
inline constexpr const char* kRelsCf = "rels";
inline constexpr const char* kAdjCf = "adj";
inline constexpr const char* kLabelsCf = "labels";
inline constexpr const char* kRelTypesCf = "reltypes";
inline constexpr const char* kIndexCf = "index";
inline constexpr const char* kCountsCf = "counts";

inline constexpr RelTypeId kAllTypes = 0xFFFFFFFFu;
inline constexpr size_t kAdjPrefixSize = 9;  // node(8) dir(1)
inline constexpr size_t kAdjKeySize = 29;

// Catalog tags in the meta column family.
inline constexpr char kLabelTag = 'l';
inline constexpr char kRelTypeTag = 't';
inline constexpr char kPropKeyTag = 'p';
inline constexpr char kIndexTag = 'x';
inline constexpr std::string_view kFormatKey = "format";
inline constexpr std::string_view kVersionKey = "version";

// Counts tags.
inline constexpr char kDegreeTag = 'D';
inline constexpr char kLabelCountTag = 'L';
inline constexpr char kTypeCountTag = 'T';
inline constexpr char kNodeCountTag = 'N';
inline constexpr char kRelCountTag = 'R';
inline constexpr char kHighWaterTag = 'H';

// --- fixed-width big-endian integers ---------------------------------------
inline void PutBig32(std::string* out, uint32_t v) {
  char b[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
  out->append(b, 4);
}
inline void PutBig64(std::string* out, uint64_t v) {
  PutBig32(out, uint32_t(v >> 32));
  PutBig32(out, uint32_t(v));
}
// REQUIRES: at least 4 (8) bytes at p.
inline uint32_t GetBig32(const char* p) {
  auto u = [p](int i) { return uint32_t(static_cast<unsigned char>(p[i])); };
  return u(0) << 24 | u(1) << 16 | u(2) << 8 | u(3);
}
inline uint64_t GetBig64(const char* p) { return uint64_t(GetBig32(p)) << 32 | GetBig32(p + 4); }

// --- little-endian count values ---------------------------------------------
inline std::string EncodeCount(int64_t v) {
  std::string out(8, '\0');
  for (int i = 0; i < 8; ++i) out[i] = char(uint64_t(v) >> (8 * i));
  return out;
}
// A malformed value (not 8 bytes) decodes as 0; Check() reports it.
inline int64_t DecodeCount(std::string_view s) {
  if (s.size() != 8) return 0;
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(s[i]);
  return int64_t(v);
}

// --- keys -------------------------------------------------------------------
inline std::string IdKey(uint64_t id) {
  std::string k;
  PutBig64(&k, id);
  return k;
}

inline std::string AdjPrefix(NodeId node, Direction dir) {
  std::string k;
  k.reserve(kAdjKeySize);
  PutBig64(&k, node);
  k.push_back(char(dir));
  return k;
}
inline std::string AdjTypePrefix(NodeId node, Direction dir, RelTypeId type) {
  std::string k = AdjPrefix(node, dir);
  PutBig32(&k, type);
  return k;
}
inline std::string AdjKey(NodeId node, Direction dir, RelTypeId type, NodeId neighbor, RelId rel) {
  std::string k = AdjTypePrefix(node, dir, type);
  PutBig64(&k, neighbor);
  PutBig64(&k, rel);
  return k;
}
// REQUIRES: key.size() == kAdjKeySize.
struct AdjKeyParts {
  NodeId node;
  AdjEntry entry;
};
inline AdjKeyParts DecodeAdjKey(std::string_view k) {
  AdjKeyParts p;
  p.node = GetBig64(k.data());
  p.entry.direction = static_cast<Direction>(k[8]);
  p.entry.type = GetBig32(k.data() + 9);
  p.entry.neighbor = GetBig64(k.data() + 13);
  p.entry.rel = GetBig64(k.data() + 21);
  return p;
}

// label(4) node(8) in labels; type(4) rel(8) in reltypes.
inline std::string ScanKey(uint32_t tag_id, uint64_t id) {
  std::string k;
  PutBig32(&k, tag_id);
  PutBig64(&k, id);
  return k;
}
inline std::string Big32Key(uint32_t v) {
  std::string k;
  PutBig32(&k, v);
  return k;
}

inline std::string DegreeKey(NodeId node, Direction dir, RelTypeId type) {
  std::string k(1, kDegreeTag);
  PutBig64(&k, node);
  k.push_back(char(dir));
  PutBig32(&k, type);
  return k;
}
inline std::string DegreeNodePrefix(NodeId node) {
  std::string k(1, kDegreeTag);
  PutBig64(&k, node);
  return k;
}
inline std::string LabelCountKey(LabelId label) {
  std::string k(1, kLabelCountTag);
  PutBig32(&k, label);
  return k;
}
inline std::string TypeCountKey(RelTypeId type) {
  std::string k(1, kTypeCountTag);
  PutBig32(&k, type);
  return k;
}
inline std::string NodeCountKey() { return std::string(1, kNodeCountTag); }
inline std::string RelCountKey() { return std::string(1, kRelCountTag); }
inline std::string NodeHighWaterKey() { return {kHighWaterTag, 'N'}; }
inline std::string RelHighWaterKey() { return {kHighWaterTag, 'R'}; }

inline std::string CatalogKey(char tag, std::string_view name) {
  std::string k(1, tag);
  k.append(name);
  return k;
}

// The smallest key greater than every key starting with `prefix`; empty when
// there is none (prefix of all 0xFF).
inline std::string PrefixSuccessor(std::string prefix) {
  while (!prefix.empty()) {
    auto c = static_cast<unsigned char>(prefix.back());
    if (c != 0xFF) {
      prefix.back() = char(c + 1);
      return prefix;
    }
    prefix.pop_back();
  }
  return prefix;
}

}  // namespace copmap::storage::keys
