// Json: a small JSON document model for the workload driver, which reads the
// dataset's params.json / meta.json and writes the runners' result.json.
// (No JSON library is installed on the build machines; this one covers
// RFC 8259 values without \u escapes beyond the Basic Multilingual Plane's
// ASCII part, which is all those files contain.)
//
// Objects keep insertion order so that result.json reads like the peers'.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/status.h"

namespace copmap::bench {

class Json {
 public:
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };

  Json() = default;
  Json(bool b) : kind_(Kind::kBool), bool_(b) {}
  Json(int v) : Json(int64_t{v}) {}
  Json(int64_t v) : kind_(Kind::kNumber), num_(static_cast<double>(v)), int_(v), integral_(true) {}
  Json(uint64_t v) : Json(static_cast<int64_t>(v)) {}
  Json(double v) : kind_(Kind::kNumber), num_(v) {}
  Json(std::string s) : kind_(Kind::kString), str_(std::move(s)) {}
  Json(std::string_view s) : Json(std::string(s)) {}
  Json(const char* s) : Json(std::string(s)) {}
  Json(std::vector<std::string> strings);  // an array of strings

  static Json Array() { Json j; j.kind_ = Kind::kArray; return j; }
  static Json Object() { Json j; j.kind_ = Kind::kObject; return j; }
  // Parses a whole document; InvalidArgument names the byte offset.
  static Result<Json> Parse(std::string_view text);

  Kind kind() const { return kind_; }
  bool is_int() const { return kind_ == Kind::kNumber && integral_; }
  int64_t as_int() const { return integral_ ? int_ : static_cast<int64_t>(num_); }
  double as_double() const { return num_; }
  const std::string& as_string() const { return str_; }

  // Arrays.
  size_t size() const { return items_.size(); }
  const Json& operator[](size_t i) const { return items_[i]; }
  void push_back(Json v) { items_.push_back(std::move(v)); }
  const std::vector<Json>& items() const { return items_; }

  // Objects: Find returns nullptr when the key is missing; Set replaces or appends.
  const Json* Find(std::string_view key) const;
  Json& Set(std::string_view key, Json v);

  // Text with one space of indentation per level when indent is true.
  std::string Dump(bool indent = true) const;

 private:
  void DumpTo(std::string& out, bool indent, int depth) const;

  Kind kind_ = Kind::kNull;
  bool bool_ = false;
  double num_ = 0;
  int64_t int_ = 0;
  bool integral_ = false;
  std::string str_;
  std::vector<Json> items_;                           // array elements
  std::vector<std::pair<std::string, Json>> fields_;  // object members
};

}  // namespace copmap::bench
