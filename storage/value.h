// Value: one value copmap stores, computes with or returns.
//
// Property values (what the store persists) are null, bool, int64, double,
// string, date, datetime and lists of those. Query results may also hold
// maps, nodes, relationships and paths; those are materialized (they carry
// their labels and properties) so that everything above the query layer can
// use a result without reading the store.
//
// Values are immutable once built and cheap to copy: compound kinds share
// their contents.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "storage/status.h"

namespace copmap {

// A calendar date, as days since 1970-01-01 (proleptic Gregorian).
struct Date {
  int64_t days = 0;
  friend bool operator==(Date, Date) = default;
  friend auto operator<=>(Date, Date) = default;
};

// An instant, as microseconds since 1970-01-01T00:00:00Z. Offsets in the
// input are applied on parse; output is always UTC with a trailing 'Z'.
struct DateTime {
  int64_t micros = 0;
  friend bool operator==(DateTime, DateTime) = default;
  friend auto operator<=>(DateTime, DateTime) = default;
};

class Value;
using ValueList = std::vector<Value>;
// A map sorted by key with unique keys.
using ValueMap = std::vector<std::pair<std::string, Value>>;

struct NodeValue;
struct RelationshipValue;
struct PathValue;

class Value {
 public:
  // The numeric values are written to disk by the record codec: do not change.
  enum class Kind : uint8_t {
    kNull = 0,
    kBool = 1,
    kInt = 2,
    kFloat = 3,
    kString = 4,
    kDate = 5,
    kDateTime = 6,
    kList = 7,
    kMap = 8,
    kNode = 9,
    kRelationship = 10,
    kPath = 11,
  };

  Value() = default;  // null
  Value(std::nullptr_t) {}
  Value(bool b) : v_(b) {}
  Value(int v) : v_(int64_t{v}) {}
  Value(int64_t v) : v_(v) {}
  Value(double v) : v_(v) {}
  Value(std::string s) : v_(std::move(s)) {}
  Value(std::string_view s) : v_(std::string(s)) {}
  Value(const char* s) : v_(std::string(s)) {}
  Value(Date d) : v_(d) {}
  Value(DateTime t) : v_(t) {}
  Value(ValueList list);
  Value(ValueMap map);  // sorts by key; a later duplicate key wins
  Value(NodeValue node);
  Value(RelationshipValue rel);
  Value(PathValue path);

  Kind kind() const { return static_cast<Kind>(v_.index()); }
  bool is_null() const { return kind() == Kind::kNull; }
  bool is_bool() const { return kind() == Kind::kBool; }
  bool is_int() const { return kind() == Kind::kInt; }
  bool is_float() const { return kind() == Kind::kFloat; }
  bool is_number() const { return is_int() || is_float(); }
  bool is_string() const { return kind() == Kind::kString; }
  bool is_list() const { return kind() == Kind::kList; }
  bool is_map() const { return kind() == Kind::kMap; }
  bool is_node() const { return kind() == Kind::kNode; }
  bool is_relationship() const { return kind() == Kind::kRelationship; }
  bool is_path() const { return kind() == Kind::kPath; }
  // True for the kinds a property may hold (lists must hold such kinds too).
  bool IsPropertyValue() const;

  // REQUIRES: the matching kind.
  bool as_bool() const { return std::get<bool>(v_); }
  int64_t as_int() const { return std::get<int64_t>(v_); }
  double as_float() const { return std::get<double>(v_); }
  // int or float as double. REQUIRES: is_number().
  double as_number() const { return is_int() ? static_cast<double>(as_int()) : as_float(); }
  const std::string& as_string() const { return std::get<std::string>(v_); }
  Date as_date() const { return std::get<Date>(v_); }
  DateTime as_datetime() const { return std::get<DateTime>(v_); }
  const ValueList& as_list() const { return *std::get<std::shared_ptr<const ValueList>>(v_); }
  const ValueMap& as_map() const { return *std::get<std::shared_ptr<const ValueMap>>(v_); }
  const NodeValue& as_node() const { return *std::get<std::shared_ptr<const NodeValue>>(v_); }
  const RelationshipValue& as_relationship() const {
    return *std::get<std::shared_ptr<const RelationshipValue>>(v_);
  }
  const PathValue& as_path() const { return *std::get<std::shared_ptr<const PathValue>>(v_); }

  // Structural equality: same kind and same contents (1 != 1.0 here; the
  // query layer applies openCypher's comparison rules on top).
  friend bool operator==(const Value& a, const Value& b);

  // A readable literal: null, true, 42, 1.5, 'text', date('2024-01-31'),
  // [1, 2], {k: 1}, (:Person {name: 'Ada'}), [:KNOWS {..}].
  std::string ToString() const;

  static std::string_view KindName(Kind kind);

 private:
  std::variant<std::monostate, bool, int64_t, double, std::string, Date, DateTime,
               std::shared_ptr<const ValueList>, std::shared_ptr<const ValueMap>,
               std::shared_ptr<const NodeValue>, std::shared_ptr<const RelationshipValue>,
               std::shared_ptr<const PathValue>>
      v_;
};

// A node as a query returns it: id, label names, properties.
struct NodeValue {
  uint64_t id = 0;
  std::vector<std::string> labels;
  ValueMap properties;
  friend bool operator==(const NodeValue&, const NodeValue&) = default;
};

// A relationship as a query returns it.
struct RelationshipValue {
  uint64_t id = 0;
  std::string type;
  uint64_t start = 0;
  uint64_t end = 0;
  ValueMap properties;
  friend bool operator==(const RelationshipValue&, const RelationshipValue&) = default;
};

// nodes.size() == relationships.size() + 1 for a non-empty path.
struct PathValue {
  std::vector<NodeValue> nodes;
  std::vector<RelationshipValue> relationships;
  friend bool operator==(const PathValue&, const PathValue&) = default;
};

// ISO-8601 conversions used by the codec, the importer and the query functions.
// ParseDate accepts YYYY-MM-DD; ParseDateTime accepts YYYY-MM-DD[THH:MM[:SS[.ffffff]]][Z|+HH:MM|-HH:MM]
// (no offset means UTC).
Result<Date> ParseDate(std::string_view text);
Result<DateTime> ParseDateTime(std::string_view text);
std::string FormatDate(Date date);          // "2024-01-31"
std::string FormatDateTime(DateTime time);  // "2024-01-31T09:30:00Z", fraction only when non-zero
// Days since the epoch for a civil date; REQUIRES month 1..12, day valid for the month.
int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day);
void CivilFromDays(int64_t days, int64_t* year, unsigned* month, unsigned* day);

}  // namespace copmap
