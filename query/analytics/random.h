// Rng: a small seeded generator (SplitMix64) whose sequence is the same on
// every platform and standard library, unlike std::uniform_int_distribution.
// Analytics that sample or shuffle draw from it so that a seed fixes the result.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace copmap::analytics {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  // Uniform in [0, bound). REQUIRES: bound > 0. Rejection keeps it unbiased.
  uint64_t Uniform(uint64_t bound) {
    uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    uint64_t x;
    do {
      x = Next();
    } while (x >= limit);
    return x % bound;
  }

  // Fisher-Yates shuffle.
  template <typename T>
  void Shuffle(std::vector<T>& items) {
    for (size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[Uniform(i)]);
  }

 private:
  uint64_t state_;
};

}  // namespace copmap::analytics
