// SHA-256 of a byte string, as 64 lowercase hex digits (what `sha256sum`
// prints). Tokens are stored and compared only in this form.
#pragma once

#include <string>
#include <string_view>

namespace copmap::server {

std::string Sha256Hex(std::string_view data);

}  // namespace copmap::server
