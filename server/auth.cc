#include "server/auth.h"

#include <fstream>
#include <sstream>
#include <vector>

#include "server/sha256.h"

namespace copmap::server {
namespace {

bool IsLowerHex(std::string_view s) {
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::vector<std::string_view> SplitWords(std::string_view line) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    if (i > start) words.push_back(line.substr(start, i - start));
  }
  return words;
}

}  // namespace

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kNone: return "none";
    case Role::kReader: return "reader";
    case Role::kWriter: return "writer";
    case Role::kAdmin: return "admin";
  }
  return "none";
}

std::optional<Role> ParseRole(std::string_view name) {
  if (name == "reader") return Role::kReader;
  if (name == "writer") return Role::kWriter;
  if (name == "admin") return Role::kAdmin;
  return std::nullopt;
}

Result<TokenStore> TokenStore::Parse(std::string_view text, std::string_view source) {
  TokenStore store;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    std::vector<std::string_view> words = SplitWords(line);
    if (words.empty() || words[0].front() == '#') continue;
    const std::string where = std::string(source) + ":" + std::to_string(line_no) + ": ";
    if (words.size() < 2 || words.size() > 3) {
      return Status::InvalidArgument(where + "expected '<sha256-hex> <role> [name]', got " +
                                     std::to_string(words.size()) + " fields");
    }
    std::string_view hash = words[0];
    if (hash.starts_with("sha256:")) hash.remove_prefix(7);
    if (hash.size() != 64 || !IsLowerHex(hash)) {
      return Status::InvalidArgument(
          where + "'" + std::string(words[0]) +
          "' is not a SHA-256 hash (64 lowercase hex digits; make one with "
          "`printf %s \"$TOKEN\" | sha256sum`)");
    }
    std::optional<Role> role = ParseRole(words[1]);
    if (!role) {
      return Status::InvalidArgument(where + "unknown role '" + std::string(words[1]) +
                                     "' (expected reader, writer or admin)");
    }
    Principal principal{*role, words.size() == 3 ? std::string(words[2])
                                                 : "token-line-" + std::to_string(line_no)};
    if (!store.by_hash_.emplace(std::string(hash), std::move(principal)).second) {
      return Status::InvalidArgument(where + "the same token appears twice");
    }
  }
  return store;
}

Result<TokenStore> TokenStore::LoadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot read tokens file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IOError("error reading tokens file " + path);
  return Parse(text.str(), path);
}

std::optional<Principal> TokenStore::Lookup(std::string_view token) const {
  if (token.empty()) return std::nullopt;
  auto it = by_hash_.find(Sha256Hex(token));
  if (it == by_hash_.end()) return std::nullopt;
  return it->second;
}

}  // namespace copmap::server
