#include "query/runtime/aggregates.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <unordered_set>
#include <vector>

#include "query/runtime/compare.h"
#include "query/runtime/errors.h"
#include "query/runtime/functions.h"

namespace copmap::query::runtime {
namespace {

class CountStar final : public Aggregator {
 public:
  Status Add(const Value&) override {
    ++count_;
    return Status::OK();
  }
  Result<Value> Finish() override { return Value(count_); }

 private:
  int64_t count_ = 0;
};

class Count final : public Aggregator {
 public:
  Status Add(const Value& v) override {
    if (!v.is_null()) ++count_;
    return Status::OK();
  }
  Result<Value> Finish() override { return Value(count_); }

 private:
  int64_t count_ = 0;
};

class Collect final : public Aggregator {
 public:
  Status Add(const Value& v) override {
    if (!v.is_null()) items_.push_back(v);
    return Status::OK();
  }
  Result<Value> Finish() override { return Value(std::move(items_)); }

 private:
  ValueList items_;
};

// sum: exact int64 while every value is an int, double once a float appears.
class Sum final : public Aggregator {
 public:
  Status Add(const Value& v) override {
    if (v.is_null()) return Status::OK();
    if (!v.is_number()) return TypeMismatch("sum() expects numbers", v);
    if (v.is_float() || is_float_) {
      if (!is_float_) float_sum_ = static_cast<double>(int_sum_);
      is_float_ = true;
      float_sum_ += v.as_number();
      return Status::OK();
    }
    if (__builtin_add_overflow(int_sum_, v.as_int(), &int_sum_)) {
      return ArgumentError(kArithmeticError, "integer overflow in sum()");
    }
    return Status::OK();
  }
  Result<Value> Finish() override { return is_float_ ? Value(float_sum_) : Value(int_sum_); }

 private:
  bool is_float_ = false;
  int64_t int_sum_ = 0;
  double float_sum_ = 0;
};

// avg and the standard deviations share Welford's running mean, which stays
// accurate where a naive sum of squares cancels catastrophically.
class Moments final : public Aggregator {
 public:
  enum class Output { kAvg, kStDevSample, kStDevPopulation };
  explicit Moments(Output output) : output_(output) {}

  Status Add(const Value& v) override {
    if (v.is_null()) return Status::OK();
    if (!v.is_number()) return TypeMismatch(std::string(Name()) + "() expects numbers", v);
    const double x = v.as_number();
    ++n_;
    const double delta = x - mean_;
    mean_ += delta / static_cast<double>(n_);
    m2_ += delta * (x - mean_);
    return Status::OK();
  }

  Result<Value> Finish() override {
    switch (output_) {
      case Output::kAvg: return n_ == 0 ? Value() : Value(mean_);
      case Output::kStDevSample:
        return Value(n_ < 2 ? 0.0 : std::sqrt(m2_ / static_cast<double>(n_ - 1)));
      case Output::kStDevPopulation:
        return Value(n_ == 0 ? 0.0 : std::sqrt(m2_ / static_cast<double>(n_)));
    }
    return Value();
  }

 private:
  const char* Name() const {
    return output_ == Output::kAvg ? "avg" : output_ == Output::kStDevSample ? "stDev" : "stDevP";
  }
  Output output_;
  int64_t n_ = 0;
  double mean_ = 0;
  double m2_ = 0;
};

// min and max by the ORDER BY total order, so mixed kinds have an answer.
class Extreme final : public Aggregator {
 public:
  explicit Extreme(bool max) : max_(max) {}
  Status Add(const Value& v) override {
    if (v.is_null()) return Status::OK();
    if (best_.is_null()) {
      best_ = v;
      return Status::OK();
    }
    const int c = OrderCompare(v, best_);
    if (max_ ? c > 0 : c < 0) best_ = v;
    return Status::OK();
  }
  Result<Value> Finish() override { return best_; }

 private:
  bool max_;
  Value best_;
};

class Percentile final : public Aggregator {
 public:
  explicit Percentile(bool continuous) : continuous_(continuous) {}

  Status Add(const Value&) override {
    return Status::Internal("percentile aggregates need the percentile argument");
  }

  Status Add(const Value& v, const Value& p) override {
    const char* name = continuous_ ? "percentileCont" : "percentileDisc";
    if (p.is_null() || !p.is_number()) {
      return TypeMismatch(std::string(name) + "() expects a number as the percentile", p);
    }
    const double pv = p.as_number();
    if (!(pv >= 0.0 && pv <= 1.0)) {
      return ArgumentError(kNumberOutOfRange, std::string(name) +
                                                  "() percentile must be in [0, 1], got " +
                                                  Value(p).ToString());
    }
    percentile_ = pv;
    if (v.is_null()) return Status::OK();
    if (!v.is_number()) return TypeMismatch(std::string(name) + "() expects numbers", v);
    values_.push_back(v);
    return Status::OK();
  }

  Result<Value> Finish() override {
    if (values_.empty()) return Value();
    std::sort(values_.begin(), values_.end(),
              [](const Value& a, const Value& b) { return OrderCompare(a, b) < 0; });
    const double n = static_cast<double>(values_.size());
    if (!continuous_) {
      // The smallest value whose cumulative share reaches the percentile.
      const double rank = std::ceil(percentile_ * n) - 1;
      return values_[static_cast<size_t>(std::max(0.0, rank))];
    }
    const double pos = percentile_ * (n - 1);
    const size_t lo = static_cast<size_t>(std::floor(pos));
    const size_t hi = static_cast<size_t>(std::ceil(pos));
    const double a = values_[lo].as_number(), b = values_[hi].as_number();
    return Value(a + (b - a) * (pos - static_cast<double>(lo)));
  }

 private:
  bool continuous_;
  double percentile_ = 0;
  ValueList values_;
};

// Forwards each value to `inner` the first time an Equivalent value appears.
class Distinct final : public Aggregator {
 public:
  explicit Distinct(std::unique_ptr<Aggregator> inner) : inner_(std::move(inner)) {}
  Status Add(const Value& v) override {
    if (v.is_null() || !seen_.insert(v).second) return Status::OK();
    return inner_->Add(v);
  }
  Status Add(const Value& v, const Value& p) override {
    if (!v.is_null() && !seen_.insert(v).second) return Status::OK();
    return inner_->Add(v, p);
  }
  Result<Value> Finish() override { return inner_->Finish(); }

 private:
  std::unique_ptr<Aggregator> inner_;
  std::unordered_set<Value, ValueHash, ValueEquivalent> seen_;
};

std::unique_ptr<Aggregator> MakeBase(const std::string& lower) {
  if (lower == "count") return std::make_unique<Count>();
  if (lower == "collect") return std::make_unique<Collect>();
  if (lower == "sum") return std::make_unique<Sum>();
  if (lower == "avg") return std::make_unique<Moments>(Moments::Output::kAvg);
  if (lower == "stdev") return std::make_unique<Moments>(Moments::Output::kStDevSample);
  if (lower == "stdevp") return std::make_unique<Moments>(Moments::Output::kStDevPopulation);
  if (lower == "min") return std::make_unique<Extreme>(false);
  if (lower == "max") return std::make_unique<Extreme>(true);
  if (lower == "percentilecont") return std::make_unique<Percentile>(true);
  if (lower == "percentiledisc") return std::make_unique<Percentile>(false);
  return nullptr;
}

}  // namespace

Status Aggregator::Add(const Value&, const Value&) {
  return Status::Internal("this aggregate takes one argument");
}

bool IsAggregateFunction(std::string_view name) {
  return MakeBase(FoldName(name)) != nullptr;
}

int AggregateArity(std::string_view name) {
  const std::string lower = FoldName(name);
  return lower == "percentilecont" || lower == "percentiledisc" ? 2 : 1;
}

Result<std::unique_ptr<Aggregator>> MakeAggregator(std::string_view name, bool distinct,
                                                   bool star) {
  const std::string lower = FoldName(name);
  if (star) {
    if (lower != "count") {
      return Status::SyntaxError("InvalidArgumentType: only count() accepts *, not " +
                                 std::string(name) + "(*)");
    }
    if (distinct) return Status::SyntaxError("UnexpectedSyntax: count(DISTINCT *) is not allowed");
    return std::unique_ptr<Aggregator>(std::make_unique<CountStar>());
  }
  std::unique_ptr<Aggregator> base = MakeBase(lower);
  if (base == nullptr) {
    return Status::SyntaxError(std::string(kUnknownFunction) + ": unknown aggregate function '" +
                               std::string(name) + "'");
  }
  if (distinct) return std::unique_ptr<Aggregator>(std::make_unique<Distinct>(std::move(base)));
  return base;
}

}  // namespace copmap::query::runtime
