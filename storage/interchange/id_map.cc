#include "storage/interchange/id_map.h"

#include <algorithm>
#include <charconv>

namespace copmap::interchange {
namespace {

// A canonical decimal int64: what std::to_string would print.
bool CanonicalInt(std::string_view text, int64_t* out) {
  if (text.empty() || text.size() > 20) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  if (ec != std::errc() || end != text.data() + text.size()) return false;
  size_t digits_at = text[0] == '-' ? 1 : 0;
  if (text.size() > digits_at + 1 && text[digits_at] == '0') return false;
  return !(text == "-0");
}

// Dense slots are used while they stay within a few times the entries seen.
bool UseDense(int64_t v, size_t size) {
  return v >= 0 && static_cast<uint64_t>(v) < std::max<uint64_t>(1u << 20, 4 * (size + 1));
}

// Past this many runs, ids that start no longer run go to the other maps
// (ids in random order would otherwise make one run each).
constexpr size_t kMaxRuns = 4096;

}  // namespace

uint32_t IdMap::Space(std::string_view name) {
  for (uint32_t i = 0; i < spaces_.size(); ++i) {
    if (spaces_[i].name == name) return i;
  }
  spaces_.emplace_back();
  spaces_.back().name = std::string(name);
  return static_cast<uint32_t>(spaces_.size() - 1);
}

bool IdMap::Insert(uint32_t space, std::string_view id, storage::NodeId node) {
  SpaceMap& s = spaces_[space];
  int64_t v;
  bool inserted;
  bool number = CanonicalInt(id, &v);
  if (number) {
    if (InRun(s, v)) return false;
    if (AddToRuns(&s, v, node)) {
      ++s.size;
      return true;
    }
  }
  if (!number) {
    inserted = s.strings.emplace(std::string(id), node).second;
  } else if (UseDense(v, s.size) || (static_cast<uint64_t>(v) < s.dense.size())) {
    if (static_cast<uint64_t>(v) >= s.dense.size()) {
      s.dense.resize(std::max<size_t>(v + 1, s.dense.size() * 3 / 2), 0);
    }
    inserted = s.dense[v] == 0 && !s.ints.contains(v);
    if (inserted) s.dense[v] = node + 1;
  } else {
    inserted = s.ints.emplace(v, node).second;
  }
  if (inserted) ++s.size;
  return inserted;
}

std::optional<storage::NodeId> IdMap::Find(uint32_t space, std::string_view id) const {
  const SpaceMap& s = spaces_[space];
  int64_t v;
  if (!CanonicalInt(id, &v)) {
    auto it = s.strings.find(std::string(id));
    if (it == s.strings.end()) return std::nullopt;
    return it->second;
  }
  if (auto node = FromRun(s, v)) return node;
  if (v >= 0 && static_cast<uint64_t>(v) < s.dense.size() && s.dense[v] != 0) return s.dense[v] - 1;
  auto it = s.ints.find(v);
  if (it == s.ints.end()) return std::nullopt;
  return it->second;
}

}  // namespace copmap::interchange

namespace copmap::interchange {

std::optional<storage::NodeId> IdMap::FromRun(const SpaceMap& s, int64_t v) {
  auto after = std::upper_bound(s.runs.begin(), s.runs.end(), v,
                                [](int64_t x, const Run& r) { return x < r.first; });
  if (after == s.runs.begin()) return std::nullopt;
  const Run& r = *std::prev(after);
  if (v - r.first >= r.count) return std::nullopt;
  return r.node + uint64_t(v - r.first);
}

bool IdMap::AddToRuns(SpaceMap* s, int64_t v, storage::NodeId node) {
  if (InOtherMaps(*s, v)) return false;
  // REQUIRES (checked by the caller): `v` is in no run, so it cannot
  // overlap the run after it.
  auto after = std::upper_bound(s->runs.begin(), s->runs.end(), v,
                                [](int64_t x, const Run& r) { return x < r.first; });
  if (after != s->runs.begin()) {
    Run& before = *std::prev(after);
    if (v == before.first + before.count && node == before.node + uint64_t(before.count)) {
      ++before.count;
      return true;
    }
  }
  if (s->runs.size() >= kMaxRuns) return false;
  s->runs.insert(after, Run{v, 1, node});
  return true;
}

bool IdMap::InOtherMaps(const SpaceMap& s, int64_t v) {
  return (v >= 0 && static_cast<uint64_t>(v) < s.dense.size() && s.dense[v] != 0) ||
         s.ints.contains(v);
}

}  // namespace copmap::interchange
