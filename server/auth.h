// Roles and the tokens file: who may call what.
//
// Tokens file format (`--tokens FILE`), one entry per line:
//
//   <sha256-hex-of-token> <role> [name]
//
// e.g. `9f86d08188...15b0f00a08 reader dashboards`. The hash is the 64 hex
// digits `printf %s "$TOKEN" | sha256sum` prints (an optional "sha256:"
// prefix is accepted); the role is reader, writer or admin; the optional
// name says whose token it is and appears in the request log. Blank lines
// and lines starting with '#' are ignored. Plain tokens never appear in the
// file or in memory: a presented token is hashed and looked up.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "storage/status.h"

namespace copmap::server {

// Ordered: each role may do everything the one before it may.
enum class Role : uint8_t {
  kNone = 0,  // unauthenticated: may call no Copmap method
  kReader = 1,
  kWriter = 2,
  kAdmin = 3,
};

std::string_view RoleName(Role role);  // "reader", ...; "none" for kNone
std::optional<Role> ParseRole(std::string_view name);

// An authenticated caller.
struct Principal {
  Role role = Role::kNone;
  std::string name;  // from the tokens file; "anonymous" when auth is off
};

class TokenStore {
 public:
  TokenStore() = default;

  // Parses a tokens file's text. InvalidArgument names `source`, the line and
  // what is wrong (bad hash, unknown role, duplicate token).
  static Result<TokenStore> Parse(std::string_view text, std::string_view source);
  // Reads and parses a file; IOError when it cannot be read.
  static Result<TokenStore> LoadFile(const std::string& path);

  // The principal a presented (plain) token belongs to; nullopt if none.
  std::optional<Principal> Lookup(std::string_view token) const;

  size_t size() const { return by_hash_.size(); }

 private:
  std::unordered_map<std::string, Principal> by_hash_;  // sha256 hex -> principal
};

}  // namespace copmap::server
