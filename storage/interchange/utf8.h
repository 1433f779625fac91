// UTF-8 checks and printable excerpts of raw bytes, for the CSV reader's
// error messages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace copmap::interchange {

// Where a byte string stops being acceptable text.
struct Utf8Problem {
  bool found = false;
  size_t offset = 0;      // byte offset of the first bad byte
  std::string reason;     // "invalid UTF-8 byte 0xC3", "NUL byte"
};

// Checks that `bytes` is well-formed UTF-8 (no overlong forms, no
// surrogates, nothing above U+10FFFF) and holds no NUL byte.
Utf8Problem CheckUtf8Text(std::string_view bytes);

// A short, printable rendering of `bytes` for an error message: at most
// `max_bytes` bytes, non-printable and non-UTF-8 bytes as \xNN, "..." when cut.
std::string Excerpt(std::string_view bytes, size_t max_bytes = 60);

}  // namespace copmap::interchange
