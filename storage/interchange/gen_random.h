// Random draws of the workload generator: one seeded stream of doubles in
// [0, 1), weighted choice by bisection on cumulative weights, Zipf weights
// and Fisher-Yates permutations, mirroring gen_cop.py's helpers (the stream
// itself is SplitMix64, not Python's Mersenne Twister, so the output has the
// same shape but not the same bytes).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <vector>

namespace copmap::interchange {

class GenRandom {
 public:
  explicit GenRandom(uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull) {}
  // A double in [0, 1) with 53 random bits.
  double operator()() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return static_cast<double>(z >> 11) * 0x1.0p-53;
  }
  // An index in [0, n).
  size_t Index(size_t n) { return static_cast<size_t>((*this)() * static_cast<double>(n)); }

 private:
  uint64_t state_;
};

// Draws an index with probability proportional to its weight.
class Weighted {
 public:
  Weighted() = default;
  explicit Weighted(const std::vector<double>& weights) : cum_(weights.size()) {
    std::partial_sum(weights.begin(), weights.end(), cum_.begin());
    total_ = cum_.empty() ? 0 : cum_.back();
  }
  size_t Draw(double u) const {
    size_t i = std::upper_bound(cum_.begin(), cum_.end(), u * total_) - cum_.begin();
    return i < cum_.size() ? i : cum_.size() - 1;
  }
  bool empty() const { return cum_.empty(); }

 private:
  std::vector<double> cum_;
  double total_ = 0;
};

inline std::vector<double> ZipfWeights(size_t n, double s) {
  std::vector<double> w(n);
  for (size_t k = 0; k < n; ++k) w[k] = 1.0 / std::pow(static_cast<double>(k + 1), s);
  return w;
}

inline std::vector<uint32_t> Permute(size_t n, GenRandom& rnd) {
  std::vector<uint32_t> p(n);
  std::iota(p.begin(), p.end(), 0);
  for (size_t i = n; i-- > 1;) std::swap(p[i], p[rnd.Index(i + 1)]);
  return p;
}

}  // namespace copmap::interchange
