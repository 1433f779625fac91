// FingerprintSet: the unique-index keys a bulk load has added, as 64-bit
// hashes. Internal to storage/.
//
// A set of the keys themselves cost two allocations per node (a 1M-people
// load held 1.5M e-mail strings, and freeing them at the end took seconds);
// 8 bytes per key in one open-addressing array suffice to answer "certainly
// new" for nearly every key. A hit only says "maybe seen": the loader then
// compares the real key (RocksBulkLoader::AddedByThisLoad), so a hash
// collision never rejects a good row.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace copmap::storage {

class FingerprintSet {
 public:
  static uint64_t Of(std::string_view key) {
    uint64_t h = std::hash<std::string_view>()(key);
    return h == 0 ? 1 : h;  // 0 marks an empty slot
  }
  bool MaybeContains(uint64_t f) const {
    if (slots_.empty()) return false;
    for (size_t i = f & mask_;; i = (i + 1) & mask_) {
      if (slots_[i] == f) return true;
      if (slots_[i] == 0) return false;
    }
  }
  void Insert(uint64_t f) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    for (size_t i = f & mask_;; i = (i + 1) & mask_) {
      if (slots_[i] == f) return;
      if (slots_[i] == 0) {
        slots_[i] = f;
        ++size_;
        return;
      }
    }
  }
  size_t size() const { return size_; }

 private:
  void Grow() {
    std::vector<uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : 2 * old.size(), 0);
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (uint64_t f : old) {
      if (f != 0) Insert(f);
    }
  }

  std::vector<uint64_t> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace copmap::storage
