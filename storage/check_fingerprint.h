// Order-independent fingerprints of sets of keys, for Check(). Internal to
// storage/.
//
// Check() must compare, for example, the adjacency entries the relationship
// records imply (produced in relationship-id order) with the entries stored
// (in node order). Sorting one side costs memory proportional to the graph;
// a point read per entry costs a random seek each (the old Check: 87 s at
// 100k people). Instead each side is folded into a Fingerprint while it is
// scanned sequentially: a count and two sums of 64-bit hashes, which are
// equal for equal multisets whatever the order. Unequal fingerprints prove a
// difference; Check() then runs the slower explaining pass for that family
// only, to name each violation. Equal fingerprints of different multisets
// would need a 128-bit hash collision.
#pragma once

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string_view>

namespace copmap::storage {

// splitmix64's finalizer: a bijective, well-mixed 64-bit hash step.
inline uint64_t MixBits(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

inline uint64_t HashWords(std::initializer_list<uint64_t> words) {
  uint64_t h = 0x2545f4914f6cdd1dull;
  for (uint64_t w : words) h = MixBits(h ^ w);
  return h;
}

inline uint64_t HashBytes(std::string_view bytes, uint64_t seed = 0) {
  uint64_t h = MixBits(seed ^ bytes.size());
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    h = MixBits(h ^ w);
  }
  uint64_t tail = 0;
  std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
  return MixBits(h ^ tail);
}

struct Fingerprint {
  uint64_t count = 0;
  uint64_t sum = 0;
  uint64_t mixed_sum = 0;  // a second, independent lane

  void Add(uint64_t hash) {
    ++count;
    sum += hash;
    mixed_sum += MixBits(hash ^ 0x6a09e667f3bcc909ull);
  }
  bool operator==(const Fingerprint&) const = default;
};

}  // namespace copmap::storage
