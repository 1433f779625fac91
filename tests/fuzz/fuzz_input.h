// FuzzInput: reads typed choices (integers, strings, values) from the front
// of a fuzzer's byte string, so that a target can turn bytes into structured
// input. Reading past the end yields zeros and empty strings, never an error:
// every byte string is a valid input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "storage/value.h"

namespace copmap::fuzz {

class FuzzInput {
 public:
  FuzzInput(const uint8_t* data, size_t size)
      : rest_(reinterpret_cast<const char*>(data), size) {}

  bool empty() const { return rest_.empty(); }
  uint8_t Byte();
  uint64_t Uint64();  // 8 bytes, little-endian
  // A number in [0, bound); REQUIRES: bound > 0.
  size_t Below(size_t bound) { return Byte() % bound; }
  // A string of up to `max_bytes` bytes: length byte, then the bytes.
  std::string String(size_t max_bytes);
  // Everything not yet read.
  std::string_view Rest();
  // A property value (null, bool, int, float, string, date, datetime or a
  // list of those, lists one level deep as properties allow).
  Value PropertyValue(bool allow_list = true);

 private:
  std::string_view rest_;
};

// Stops the process with `what` when an invariant of the code under test
// does not hold: libFuzzer records the input, and the regression test fails.
void FuzzCheck(bool ok, std::string_view what);

}  // namespace copmap::fuzz
