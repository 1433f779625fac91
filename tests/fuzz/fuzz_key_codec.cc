// The ordered index-value encoding and the adjacency keys (storage/codec.h,
// storage/keys.h): what makes index scans and 1-hop expansion correct.
#include <cstring>
#include <string>
#include <tuple>

#include "query/runtime/compare.h"
#include "storage/codec.h"
#include "storage/keys.h"
#include "tests/fuzz/fuzz_input.h"
#include "tests/fuzz/fuzz_targets.h"

namespace copmap::fuzz {
namespace {

namespace codec = storage::codec;
namespace keys = storage::keys;

int Sign(int v) { return (v > 0) - (v < 0); }

void CheckIndexValues(const Value& a, const Value& b) {
  std::string ea, eb;
  Status sa = codec::EncodeIndexValue(a, &ea);
  Status sb = codec::EncodeIndexValue(b, &eb);
  FuzzCheck(sa.ok() != a.is_null(), "every property value except null encodes");
  if (!sa.ok() || !sb.ok()) return;
  FuzzCheck(uint8_t(ea[0]) == codec::IndexDomainTag(a), "the first byte is the domain tag");
  const bool equivalent = query::runtime::Equivalent(a, b);
  FuzzCheck((ea == eb) == equivalent, "equal encodings exactly for equivalent values");
  if (ea == eb) return;
  FuzzCheck(!ea.starts_with(eb) && !eb.starts_with(ea), "encodings are prefix-free");
  // Byte order is value order within one domain. Lists are left out: ORDER BY
  // ranks kinds inside a list differently from the domain tags, by design.
  if (ea[0] == eb[0] && !a.is_list()) {
    FuzzCheck(Sign(ea.compare(eb)) == Sign(query::runtime::OrderCompare(a, b)),
              "byte order equals value order");
  }
}

void CheckAdjacencyKey(FuzzInput& in) {
  const storage::NodeId node = in.Uint64();
  const auto dir = static_cast<storage::Direction>(in.Below(2));
  const storage::RelTypeId type = static_cast<storage::RelTypeId>(in.Uint64());
  const storage::NodeId neighbor = in.Uint64();
  const storage::RelId rel = in.Uint64();
  std::string key = keys::AdjKey(node, dir, type, neighbor, rel);
  FuzzCheck(key.size() == keys::kAdjKeySize, "an adjacency key has its fixed size");
  FuzzCheck(key.starts_with(keys::AdjTypePrefix(node, dir, type)), "the key has its prefix");
  keys::AdjKeyParts parts = keys::DecodeAdjKey(key);
  FuzzCheck(parts.node == node && parts.entry.direction == dir && parts.entry.type == type &&
                parts.entry.neighbor == neighbor && parts.entry.rel == rel,
            "an adjacency key round-trips");
  const uint64_t other = in.Uint64();
  std::string other_key = keys::AdjKey(node, dir, type, other, rel);
  FuzzCheck(Sign(key.compare(other_key)) == Sign((neighbor > other) - (neighbor < other)),
            "adjacency keys sort by neighbour");
}

}  // namespace

int FuzzKeyCodec(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  Value a = in.PropertyValue();
  Value b = in.PropertyValue();
  CheckIndexValues(a, b);
  CheckAdjacencyKey(in);
  return 0;
}

}  // namespace copmap::fuzz
