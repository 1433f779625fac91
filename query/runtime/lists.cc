#include "query/runtime/lists.h"

#include <algorithm>
#include <string>

#include "query/runtime/errors.h"

namespace copmap::query::runtime {
namespace {

Value LookupKey(const ValueMap& map, const std::string& key) {
  auto it = std::lower_bound(map.begin(), map.end(), key,
                             [](const auto& entry, const std::string& k) { return entry.first < k; });
  if (it != map.end() && it->first == key) return it->second;
  return Value();
}

// Resolves a possibly negative slice bound against a list of size n,
// clamped to [0, n].
int64_t ClampBound(int64_t bound, int64_t n) {
  if (bound < 0) bound += n;
  return std::clamp<int64_t>(bound, 0, n);
}

}  // namespace

Result<Value> Subscript(const Value& container, const Value& index) {
  if (container.is_null() || index.is_null()) return Value();
  if (container.is_list()) {
    if (!index.is_int()) return TypeMismatch("a list index must be an integer", index);
    const ValueList& list = container.as_list();
    const int64_t n = static_cast<int64_t>(list.size());
    int64_t i = index.as_int();
    if (i < 0) i += n;
    if (i < 0 || i >= n) return Value();
    return list[static_cast<size_t>(i)];
  }
  const ValueMap* map = nullptr;
  if (container.is_map()) map = &container.as_map();
  if (container.is_node()) map = &container.as_node().properties;
  if (container.is_relationship()) map = &container.as_relationship().properties;
  if (map == nullptr) {
    return TypeMismatch("only lists, maps, nodes and relationships can be subscripted",
                        container);
  }
  if (!index.is_string()) {
    return TypeMismatch("a map key must be a string", index, kMapElementAccessByNonString);
  }
  return LookupKey(*map, index.as_string());
}

Result<Value> Slice(const Value& list, const std::optional<Value>& from,
                    const std::optional<Value>& to) {
  if (list.is_null() || (from && from->is_null()) || (to && to->is_null())) return Value();
  if (!list.is_list()) return TypeMismatch("only lists can be sliced", list);
  if (from && !from->is_int()) return TypeMismatch("a slice bound must be an integer", *from);
  if (to && !to->is_int()) return TypeMismatch("a slice bound must be an integer", *to);
  const ValueList& items = list.as_list();
  const int64_t n = static_cast<int64_t>(items.size());
  const int64_t begin = from ? ClampBound(from->as_int(), n) : 0;
  const int64_t end = to ? ClampBound(to->as_int(), n) : n;
  if (begin >= end) return Value(ValueList{});
  return Value(ValueList(items.begin() + begin, items.begin() + end));
}

Result<Value> Range(const Value& start, const Value& end, const Value& step,
                    uint64_t max_elements) {
  for (const Value* arg : {&start, &end, &step}) {
    // openCypher raises ArgumentError (not TypeError) here.
    if (!arg->is_int()) {
      return ArgumentError(kInvalidArgumentType,
                           "range() expects integer arguments, got " + DescribeValue(*arg));
    }
  }
  const int64_t a = start.as_int(), b = end.as_int(), s = step.as_int();
  if (s == 0) return ArgumentError(kNumberOutOfRange, "range() step must not be 0");
  if ((s > 0 && a > b) || (s < 0 && a < b)) return Value(ValueList{});
  // Count in unsigned 128-bit-free arithmetic: |b - a| fits in uint64.
  const uint64_t span = s > 0 ? static_cast<uint64_t>(b) - static_cast<uint64_t>(a)
                              : static_cast<uint64_t>(a) - static_cast<uint64_t>(b);
  const uint64_t abs_step = s > 0 ? static_cast<uint64_t>(s) : 0 - static_cast<uint64_t>(s);
  const uint64_t count = span / abs_step + 1;
  if (count > max_elements) {
    return Status::ResourceExhausted("range(" + std::to_string(a) + ", " + std::to_string(b) +
                                     ", " + std::to_string(s) + ") would hold " +
                                     std::to_string(count) + " elements; the limit is " +
                                     std::to_string(max_elements));
  }
  ValueList out;
  out.reserve(count);
  int64_t v = a;
  for (uint64_t i = 0; i < count; ++i) {
    out.emplace_back(v);
    if (i + 1 < count) v += s;  // the last step could overflow past b
  }
  return Value(std::move(out));
}

}  // namespace copmap::query::runtime
