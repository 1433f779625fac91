// Encodings of records and index values. Internal to storage/.
//
// Record encoding (values of the nodes and rels column families), compact
// and not ordered:
//   properties := varint(count) { varint(key id) kind(1) payload }*
//     kind is Value::Kind's numeric value (persisted: do not change).
//     payload: bool 1 byte (0/1); int zigzag varint; float 8 bytes IEEE-754
//     little-endian; string varint(length) bytes; date zigzag varint(days);
//     datetime zigzag varint(micros); list varint(count) { kind(1) payload }*
//     (elements are never lists); null only inside lists (no payload).
//   node record := varint(label count) { varint(label id) }* properties
//   rel record  := varint(type) varint(start) varint(end) properties
//
// Ordered index-value encoding (index keys): byte order equals value order
// within one kind domain, and the encoding is prefix-free, so that
// "all entries with value v" is exactly one key prefix.
//   null     08                     (only as a list element)
//   bool     10 00|01
//   number   20 ordered-double(8) ordered-int16 diff(2)
//   string   30 escaped bytes 00 01  (00 escaped as 00 FF)
//   date     40 ordered-int64(8)
//   datetime 50 ordered-int64(8)
//   list     60 { element }* 00
// Tags are persisted: do not change.
//
// Numbers: ints and floats share one domain, ordered by numeric value, so an
// index answers n.x = 1 for a stored 1.0 and a range 1 <= x < 2.5 covers both
// kinds, as openCypher compares them. The 8 bytes are the nearest double,
// sign-aware flipped (negatives inverted, positives with the sign bit set), so
// -inf < negatives < 0 < positives < +inf < NaN. -0.0 is encoded as 0.0 (they
// are equal) and every NaN as one canonical NaN, after +inf. An int beyond
// 2^53 that has no exact double carries its exact difference from that double
// (at most 1024) in the 2 trailing bytes (biased by 0x8000), so large ints
// keep their exact order; for every other number those bytes are 80 00.
// Consequence: a unique constraint treats 1 and 1.0 as the same value.
// Kinds of different domains order by tag (bool < number < string < date <
// datetime < list), but queries never compare across domains.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "storage/graph_store.h"
#include "storage/status.h"
#include "storage/value.h"

namespace copmap::storage::codec {

// --- varints ------------------------------------------------------------------
void PutVarint64(std::string* out, uint64_t v);
// Consumes a varint from the front of *in; false when truncated or too long.
bool GetVarint64(std::string_view* in, uint64_t* v);
inline uint64_t ZigZag(int64_t v) { return (uint64_t(v) << 1) ^ uint64_t(v >> 63); }
inline int64_t UnZigZag(uint64_t v) { return int64_t(v >> 1) ^ -int64_t(v & 1); }

// --- records ------------------------------------------------------------------
// REQUIRES: every value IsPropertyValue() and is not null.
void EncodeProperties(const Properties& props, std::string* out);
// Consumes properties from the front of *in. Corruption on malformed input.
Status DecodeProperties(std::string_view* in, Properties* out);

std::string EncodeNodeRecord(const NodeRecord& node);  // the id is the key, not stored
Result<NodeRecord> DecodeNodeRecord(NodeId id, std::string_view bytes);
std::string EncodeRelRecord(const RelRecord& rel);
// The same encodings appended to *out (bulk loads build runs without a
// string per record).
void AppendNodeRecord(const NodeRecord& node, std::string* out);
void AppendRelRecord(const RelRecord& rel, std::string* out);
Result<RelRecord> DecodeRelRecord(RelId id, std::string_view bytes);

// --- ordered index values -----------------------------------------------------
inline constexpr uint8_t kNullTag = 0x08;
inline constexpr uint8_t kBoolTag = 0x10;
inline constexpr uint8_t kNumberTag = 0x20;
inline constexpr uint8_t kStringTag = 0x30;
inline constexpr uint8_t kDateTag = 0x40;
inline constexpr uint8_t kDateTimeTag = 0x50;
inline constexpr uint8_t kListTag = 0x60;

// Appends the ordered encoding of `v`. InvalidArgument for kinds a property
// cannot hold (maps, nodes, ...) and for null outside a list.
Status EncodeIndexValue(const Value& v, std::string* out);
// The first byte EncodeIndexValue writes for `v` (its comparison domain).
// REQUIRES: v is a non-null property value.
uint8_t IndexDomainTag(const Value& v);

// Building blocks, exposed for tests.
uint64_t OrderedDouble(double d);
uint64_t OrderedInt64(int64_t v);

}  // namespace copmap::storage::codec
