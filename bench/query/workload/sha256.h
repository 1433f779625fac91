// Sha256: the SHA-256 digest (FIPS 180-4) of a byte stream, for the workload
// checksums. A local copy because server/sha256.h lives in the gRPC-linked
// server library, which the benchmark driver must not pull in.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace copmap::bench {

class Sha256 {
 public:
  Sha256();
  void Update(std::string_view bytes);
  // The digest as 64 lowercase hex digits. Call once; the object is spent.
  std::string HexDigest();

 private:
  void Block(const uint8_t* p);

  std::array<uint32_t, 8> h_;
  std::array<uint8_t, 64> buf_{};
  size_t buf_len_ = 0;
  uint64_t total_bytes_ = 0;
};

}  // namespace copmap::bench
