// List, map and conversion functions: coalesce, head, last, tail, range,
// size, keys, properties, toString, toInteger, toFloat, toBoolean.
#include <algorithm>
#include <string>
#include <vector>

#include "query/runtime/convert.h"
#include "query/runtime/errors.h"
#include "query/runtime/function_table.h"
#include "query/runtime/lists.h"

namespace copmap::query::runtime {
namespace {

Result<Value> Coalesce(std::span<const Value> a) {
  for (const Value& v : a) {
    if (!v.is_null()) return v;
  }
  return Value();
}

Status ExpectList(const char* function, const Value& v) {
  return ExpectKind(function, 0, v, Value::Kind::kList, "a list");
}

Result<Value> Head(std::span<const Value> a) {
  COPMAP_RETURN_IF_ERROR(ExpectList("head", a[0]));
  const ValueList& l = a[0].as_list();
  return l.empty() ? Value() : l.front();
}

Result<Value> Last(std::span<const Value> a) {
  COPMAP_RETURN_IF_ERROR(ExpectList("last", a[0]));
  const ValueList& l = a[0].as_list();
  return l.empty() ? Value() : l.back();
}

Result<Value> Tail(std::span<const Value> a) {
  COPMAP_RETURN_IF_ERROR(ExpectList("tail", a[0]));
  const ValueList& l = a[0].as_list();
  if (l.empty()) return a[0];
  return Value(ValueList(l.begin() + 1, l.end()));
}

Result<Value> RangeFn(std::span<const Value> a) {
  return Range(a[0], a[1], a.size() == 3 ? a[2] : Value(int64_t{1}));
}

Result<Value> Size(std::span<const Value> a) {
  if (a[0].is_list()) return Value(static_cast<int64_t>(a[0].as_list().size()));
  if (a[0].is_string()) return Value(CodePointCount(a[0].as_string()));
  return TypeMismatch("size() expects a string or a list as argument 1", a[0]);
}

// The property map of a map, node or relationship; nullptr otherwise.
const ValueMap* PropertyMap(const Value& v) {
  if (v.is_map()) return &v.as_map();
  if (v.is_node()) return &v.as_node().properties;
  if (v.is_relationship()) return &v.as_relationship().properties;
  return nullptr;
}

Result<Value> Keys(std::span<const Value> a) {
  const ValueMap* map = PropertyMap(a[0]);
  if (map == nullptr) {
    return TypeMismatch("keys() expects a map, node or relationship as argument 1", a[0]);
  }
  // Sorted, so that the answer does not depend on how a node's properties
  // happened to be materialized. A map literal's null entries are listed
  // too, as openCypher does.
  std::vector<std::string> names;
  names.reserve(map->size());
  for (const auto& entry : *map) names.push_back(entry.first);
  std::sort(names.begin(), names.end());
  ValueList out(names.begin(), names.end());
  return Value(std::move(out));
}

Result<Value> Properties(std::span<const Value> a) {
  const ValueMap* map = PropertyMap(a[0]);
  if (map == nullptr) {
    return TypeMismatch("properties() expects a map, node or relationship as argument 1", a[0]);
  }
  return a[0].is_map() ? a[0] : Value(*map);
}

Result<Value> ToStringFn(std::span<const Value> a) { return ToStringValue(a[0]); }
Result<Value> ToIntegerFn(std::span<const Value> a) { return ToInteger(a[0]); }
Result<Value> ToFloatFn(std::span<const Value> a) { return ToFloat(a[0]); }
Result<Value> ToBooleanFn(std::span<const Value> a) { return ToBoolean(a[0]); }

}  // namespace

void AddListFunctions(std::vector<ScalarFunction>* t) {
  t->push_back({"coalesce", 1, -1, false, true, Coalesce, "coalesce(x, ...)"});
  t->push_back({"head", 1, 1, true, true, Head, "head(list)"});
  t->push_back({"last", 1, 1, true, true, Last, "last(list)"});
  t->push_back({"tail", 1, 1, true, true, Tail, "tail(list)"});
  t->push_back({"range", 2, 3, false, true, RangeFn, "range(start, end[, step])"});
  t->push_back({"size", 1, 1, true, true, Size, "size(s | list)"});
  t->push_back({"keys", 1, 1, true, true, Keys, "keys(map | node | relationship)"});
  t->push_back({"properties", 1, 1, true, true, Properties,
                "properties(map | node | relationship)"});
}

void AddConversionFunctions(std::vector<ScalarFunction>* t) {
  t->push_back({"toString", 1, 1, true, true, ToStringFn, "toString(x)"});
  t->push_back({"toInteger", 1, 1, true, true, ToIntegerFn, "toInteger(x)"});
  t->push_back({"toFloat", 1, 1, true, true, ToFloatFn, "toFloat(x)"});
  t->push_back({"toBoolean", 1, 1, true, true, ToBooleanFn, "toBoolean(x)"});
}

}  // namespace copmap::query::runtime
