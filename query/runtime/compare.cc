#include "query/runtime/compare.h"

#include <cmath>
#include <cstdint>
#include <functional>
#include <string_view>

namespace copmap::query::runtime {
namespace {

using Kind = Value::Kind;

int Sign(int64_t x) { return (x > 0) - (x < 0); }

// Exact three-way comparison of an int64 with a non-NaN double. Converting
// the int to double would round above 2^53 and call unequal values equal.
int CompareIntDouble(int64_t i, double d) {
  if (d >= 9223372036854775808.0) return -1;   // 2^63: above every int64
  if (d < -9223372036854775808.0) return 1;    // below every int64
  const double t = std::trunc(d);
  const int64_t ti = static_cast<int64_t>(t);
  if (i != ti) return i < ti ? -1 : 1;
  if (d > t) return -1;
  if (d < t) return 1;
  return 0;
}

// Three-way comparison of two numbers, neither NaN.
int CompareNumbers(const Value& a, const Value& b) {
  if (a.is_int() && b.is_int()) return Sign((a.as_int() > b.as_int()) - (a.as_int() < b.as_int()));
  if (a.is_int()) return CompareIntDouble(a.as_int(), b.as_float());
  if (b.is_int()) return -CompareIntDouble(b.as_int(), a.as_float());
  const double x = a.as_float(), y = b.as_float();
  return (x > y) - (x < y);
}

bool IsNaN(const Value& v) { return v.is_float() && std::isnan(v.as_float()); }

int CompareStrings(const std::string& a, const std::string& b) {
  // std::string::compare uses char_traits<char>, which compares as unsigned
  // char: UTF-8 byte order equals code point order.
  const int c = a.compare(b);
  return (c > 0) - (c < 0);
}

Value Ternary(bool b) { return Value(b); }

Value EqualsLists(const ValueList& a, const ValueList& b) {
  if (a.size() != b.size()) return Value(false);
  bool unknown = false;
  for (size_t i = 0; i < a.size(); ++i) {
    const Value e = Equals(a[i], b[i]);
    if (e.is_null()) {
      unknown = true;
    } else if (!e.as_bool()) {
      return Value(false);
    }
  }
  return unknown ? Value() : Value(true);
}

Value EqualsMaps(const ValueMap& a, const ValueMap& b) {
  if (a.size() != b.size()) return Value(false);
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].first != b[i].first) return Value(false);
  }
  bool unknown = false;
  for (size_t i = 0; i < a.size(); ++i) {
    const Value e = Equals(a[i].second, b[i].second);
    if (e.is_null()) {
      unknown = true;
    } else if (!e.as_bool()) {
      return Value(false);
    }
  }
  return unknown ? Value() : Value(true);
}

bool SamePath(const PathValue& a, const PathValue& b) {
  if (a.nodes.size() != b.nodes.size() || a.relationships.size() != b.relationships.size()) {
    return false;
  }
  for (size_t i = 0; i < a.nodes.size(); ++i) {
    if (a.nodes[i].id != b.nodes[i].id) return false;
  }
  for (size_t i = 0; i < a.relationships.size(); ++i) {
    if (a.relationships[i].id != b.relationships[i].id) return false;
  }
  return true;
}

// Partial three-way comparison for < <= > >=: nullopt when incomparable.
// `nan` is set when a NaN took part (every comparison is then false).
struct PartialOrder {
  bool comparable = false;
  bool nan = false;
  int cmp = 0;
};

PartialOrder ComparePartial(const Value& a, const Value& b) {
  PartialOrder r;
  if (a.is_null() || b.is_null()) return r;
  if (a.is_number() && b.is_number()) {
    r.comparable = true;
    if (IsNaN(a) || IsNaN(b)) {
      r.nan = true;
    } else {
      r.cmp = CompareNumbers(a, b);
    }
    return r;
  }
  if (a.kind() != b.kind()) return r;
  switch (a.kind()) {
    case Kind::kString:
      r.comparable = true;
      r.cmp = CompareStrings(a.as_string(), b.as_string());
      return r;
    case Kind::kBool:
      r.comparable = true;
      r.cmp = int{a.as_bool()} - int{b.as_bool()};
      return r;
    case Kind::kDate:
      r.comparable = true;
      r.cmp = Sign(a.as_date().days - b.as_date().days);
      return r;
    case Kind::kDateTime:
      r.comparable = true;
      r.cmp = (a.as_datetime().micros > b.as_datetime().micros) -
              (a.as_datetime().micros < b.as_datetime().micros);
      return r;
    case Kind::kList: {
      const ValueList& x = a.as_list();
      const ValueList& y = b.as_list();
      const size_t n = std::min(x.size(), y.size());
      for (size_t i = 0; i < n; ++i) {
        PartialOrder e = ComparePartial(x[i], y[i]);
        if (!e.comparable) return r;  // unknown before a decision
        if (e.nan) return e;
        if (e.cmp != 0) return e;
      }
      r.comparable = true;
      r.cmp = (x.size() > y.size()) - (x.size() < y.size());
      return r;
    }
    default:
      return r;  // maps, nodes, relationships, paths: not comparable
  }
}

// Rank of a kind in the ORDER BY total order.
int OrderRank(const Value& v) {
  switch (v.kind()) {
    case Kind::kMap: return 0;
    case Kind::kNode: return 1;
    case Kind::kRelationship: return 2;
    case Kind::kList: return 3;
    case Kind::kPath: return 4;
    case Kind::kDateTime: return 5;
    case Kind::kDate: return 6;
    case Kind::kString: return 7;
    case Kind::kBool: return 8;
    case Kind::kInt:
    case Kind::kFloat: return 9;
    case Kind::kNull: return 10;
  }
  return 11;
}

template <typename T>
int CompareU(T a, T b) {
  return (a > b) - (a < b);
}

int OrderCompareMaps(const ValueMap& a, const ValueMap& b) {
  const size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    if (int c = CompareStrings(a[i].first, b[i].first)) return c;
    if (int c = OrderCompare(a[i].second, b[i].second)) return c;
  }
  return CompareU(a.size(), b.size());
}

int OrderComparePaths(const PathValue& a, const PathValue& b) {
  const size_t n = std::min(a.nodes.size(), b.nodes.size());
  for (size_t i = 0; i < n; ++i) {
    if (int c = CompareU(a.nodes[i].id, b.nodes[i].id)) return c;
    if (i < a.relationships.size() && i < b.relationships.size()) {
      if (int c = CompareU(a.relationships[i].id, b.relationships[i].id)) return c;
    }
  }
  return CompareU(a.nodes.size(), b.nodes.size());
}

void HashCombine(size_t& seed, size_t h) {
  seed ^= h + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
}

size_t HashNumber(const Value& v) {
  // Integral floats within int64 range hash as the int they equal.
  if (v.is_int()) return std::hash<int64_t>{}(v.as_int());
  const double d = v.as_float();
  if (std::isnan(d)) return 0x7ff8;
  if (d >= -9223372036854775808.0 && d < 9223372036854775808.0 && d == std::trunc(d)) {
    return std::hash<int64_t>{}(static_cast<int64_t>(d));
  }
  return std::hash<double>{}(d);
}

}  // namespace

Value Equals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (a.is_number() && b.is_number()) {
    if (IsNaN(a) || IsNaN(b)) return Value(false);
    return Ternary(CompareNumbers(a, b) == 0);
  }
  if (a.kind() != b.kind()) return Value(false);
  switch (a.kind()) {
    case Kind::kList: return EqualsLists(a.as_list(), b.as_list());
    case Kind::kMap: return EqualsMaps(a.as_map(), b.as_map());
    case Kind::kNode: return Ternary(a.as_node().id == b.as_node().id);
    case Kind::kRelationship: return Ternary(a.as_relationship().id == b.as_relationship().id);
    case Kind::kPath: return Ternary(SamePath(a.as_path(), b.as_path()));
    default: return Ternary(a == b);  // bool, string, date, datetime
  }
}

Value NotEquals(const Value& a, const Value& b) {
  const Value e = Equals(a, b);
  return e.is_null() ? e : Value(!e.as_bool());
}

Value Compare(CompareOp op, const Value& a, const Value& b) {
  const PartialOrder r = ComparePartial(a, b);
  if (!r.comparable) return Value();
  if (r.nan) return Value(false);
  switch (op) {
    case CompareOp::kLess: return Value(r.cmp < 0);
    case CompareOp::kLessEqual: return Value(r.cmp <= 0);
    case CompareOp::kGreater: return Value(r.cmp > 0);
    case CompareOp::kGreaterEqual: return Value(r.cmp >= 0);
  }
  return Value();
}

int OrderCompare(const Value& a, const Value& b) {
  const int ra = OrderRank(a), rb = OrderRank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (a.kind()) {
    case Kind::kNull: return 0;
    case Kind::kInt:
    case Kind::kFloat: {
      const bool na = IsNaN(a), nb = IsNaN(b);
      if (na || nb) return int{na} - int{nb};  // NaN after every number
      return CompareNumbers(a, b);
    }
    case Kind::kBool: return int{a.as_bool()} - int{b.as_bool()};
    case Kind::kString: return CompareStrings(a.as_string(), b.as_string());
    case Kind::kDate: return CompareU(a.as_date().days, b.as_date().days);
    case Kind::kDateTime: return CompareU(a.as_datetime().micros, b.as_datetime().micros);
    case Kind::kList: {
      const ValueList& x = a.as_list();
      const ValueList& y = b.as_list();
      const size_t n = std::min(x.size(), y.size());
      for (size_t i = 0; i < n; ++i) {
        if (int c = OrderCompare(x[i], y[i])) return c;
      }
      return CompareU(x.size(), y.size());
    }
    case Kind::kMap: return OrderCompareMaps(a.as_map(), b.as_map());
    case Kind::kNode: return CompareU(a.as_node().id, b.as_node().id);
    case Kind::kRelationship: return CompareU(a.as_relationship().id, b.as_relationship().id);
    case Kind::kPath: return OrderComparePaths(a.as_path(), b.as_path());
  }
  return 0;
}

bool Equivalent(const Value& a, const Value& b) { return OrderCompare(a, b) == 0; }

size_t HashValue(const Value& v) {
  size_t seed = static_cast<size_t>(OrderRank(v)) * 0x100000001b3ULL;
  switch (v.kind()) {
    case Kind::kNull: break;
    case Kind::kBool: HashCombine(seed, v.as_bool()); break;
    case Kind::kInt:
    case Kind::kFloat: HashCombine(seed, HashNumber(v)); break;
    case Kind::kString: HashCombine(seed, std::hash<std::string_view>{}(v.as_string())); break;
    case Kind::kDate: HashCombine(seed, std::hash<int64_t>{}(v.as_date().days)); break;
    case Kind::kDateTime: HashCombine(seed, std::hash<int64_t>{}(v.as_datetime().micros)); break;
    case Kind::kList:
      for (const Value& e : v.as_list()) HashCombine(seed, HashValue(e));
      break;
    case Kind::kMap:
      for (const auto& [k, e] : v.as_map()) {
        HashCombine(seed, std::hash<std::string_view>{}(k));
        HashCombine(seed, HashValue(e));
      }
      break;
    case Kind::kNode: HashCombine(seed, std::hash<uint64_t>{}(v.as_node().id)); break;
    case Kind::kRelationship:
      HashCombine(seed, std::hash<uint64_t>{}(v.as_relationship().id));
      break;
    case Kind::kPath:
      for (const auto& n : v.as_path().nodes) HashCombine(seed, n.id);
      for (const auto& r : v.as_path().relationships) HashCombine(seed, r.id);
      break;
  }
  return seed;
}

size_t RowHash::operator()(const ValueList& row) const {
  size_t seed = row.size();
  for (const Value& v : row) HashCombine(seed, HashValue(v));
  return seed;
}

bool RowEquivalent::operator()(const ValueList& a, const ValueList& b) const {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!Equivalent(a[i], b[i])) return false;
  }
  return true;
}

}  // namespace copmap::query::runtime
