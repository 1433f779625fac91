#include "query/runtime/predicates.h"

#include <list>
#include <memory>
#include <mutex>
#include <regex>
#include <string>
#include <unordered_map>

#include "query/runtime/compare.h"
#include "query/runtime/errors.h"

namespace copmap::query::runtime {
namespace {

bool BothStrings(const Value& a, const Value& b) { return a.is_string() && b.is_string(); }

// A small LRU cache of compiled patterns: compiling a std::regex costs far
// more than matching a short string, and a WHERE clause applies the same
// pattern to every row.
class RegexCache {
 public:
  Result<std::shared_ptr<const std::regex>> Get(const std::string& pattern) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = index_.find(pattern);
    if (it != index_.end()) {
      order_.splice(order_.begin(), order_, it->second);
      return it->second->second;
    }
    std::shared_ptr<const std::regex> compiled;
    try {
      compiled = std::make_shared<const std::regex>(pattern, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
      return ArgumentError(kInvalidArgumentValue,
                           "invalid regular expression '" + pattern + "': " + e.what());
    }
    order_.emplace_front(pattern, compiled);
    index_[pattern] = order_.begin();
    if (order_.size() > kCapacity) {
      index_.erase(order_.back().first);
      order_.pop_back();
    }
    return compiled;
  }

 private:
  static constexpr size_t kCapacity = 256;
  using Entry = std::pair<std::string, std::shared_ptr<const std::regex>>;
  std::mutex mu_;
  std::list<Entry> order_;
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

RegexCache& Cache() {
  static RegexCache* cache = new RegexCache();  // never destroyed: used until exit
  return *cache;
}

}  // namespace

Value StartsWith(const Value& a, const Value& b) {
  if (!BothStrings(a, b)) return Value();
  return Value(std::string_view(a.as_string()).starts_with(b.as_string()));
}

Value EndsWith(const Value& a, const Value& b) {
  if (!BothStrings(a, b)) return Value();
  return Value(std::string_view(a.as_string()).ends_with(b.as_string()));
}

Value Contains(const Value& a, const Value& b) {
  if (!BothStrings(a, b)) return Value();
  return Value(a.as_string().find(b.as_string()) != std::string::npos);
}

Result<Value> RegexMatch(const Value& text, const Value& pattern) {
  if (!BothStrings(text, pattern)) return Value();
  COPMAP_ASSIGN_OR_RETURN(auto re, Cache().Get(pattern.as_string()));
  return Value(std::regex_match(text.as_string(), *re));
}

Result<Value> In(const Value& x, const Value& list) {
  if (list.is_null()) return Value();
  if (!list.is_list()) return TypeMismatch("IN expects a list on its right", list);
  bool unknown = false;
  for (const Value& e : list.as_list()) {
    const Value eq = Equals(x, e);
    if (eq.is_null()) {
      unknown = true;
    } else if (eq.as_bool()) {
      return Value(true);
    }
  }
  return unknown ? Value() : Value(false);
}

}  // namespace copmap::query::runtime
