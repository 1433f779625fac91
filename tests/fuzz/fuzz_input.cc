#include "tests/fuzz/fuzz_input.h"

#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <cstring>

namespace copmap::fuzz {

uint8_t FuzzInput::Byte() {
  if (rest_.empty()) return 0;
  uint8_t b = static_cast<uint8_t>(rest_.front());
  rest_.remove_prefix(1);
  return b;
}

uint64_t FuzzInput::Uint64() {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= uint64_t{Byte()} << (8 * i);
  return v;
}

std::string FuzzInput::String(size_t max_bytes) {
  size_t n = std::min({size_t{Byte()}, max_bytes, rest_.size()});
  std::string s(rest_.substr(0, n));
  rest_.remove_prefix(n);
  return s;
}

std::string_view FuzzInput::Rest() {
  std::string_view r = rest_;
  rest_ = {};
  return r;
}

Value FuzzInput::PropertyValue(bool allow_list) {
  switch (Below(allow_list ? 8 : 7)) {
    case 0: return Value();
    case 1: return Value(Byte() % 2 == 1);
    case 2: return Value(static_cast<int64_t>(Uint64()));
    case 3: {
      uint64_t bits = Uint64();
      double d;
      std::memcpy(&d, &bits, sizeof d);
      return Value(d);
    }
    case 4: return Value(String(64));
    case 5: return Value(Date{static_cast<int64_t>(Uint64())});
    case 6: return Value(DateTime{static_cast<int64_t>(Uint64())});
    default: {
      ValueList items(Below(5));
      for (Value& item : items) item = PropertyValue(false);
      return Value(std::move(items));
    }
  }
}

void FuzzCheck(bool ok, std::string_view what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant broken: %.*s\n", static_cast<int>(what.size()),
               what.data());
  std::abort();
}

}  // namespace copmap::fuzz
