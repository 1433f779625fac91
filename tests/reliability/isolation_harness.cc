#include "tests/reliability/isolation_harness.h"

#include <random>

namespace copmap::reliability {

class PausedQuery::GateSink final : public query::RowSink {
 public:
  explicit GateSink(PausedQuery* owner) : owner_(owner) {}
  Status OnHeader(const std::vector<std::string>& columns) override {
    result_.columns = columns;
    return Status::OK();
  }
  Status OnRow(const std::vector<Value>& row) override {
    result_.rows.push_back(row);
    if (result_.rows.size() > 1) return Status::OK();
    std::unique_lock<std::mutex> lock(owner_->mu_);
    owner_->first_row_ = row;
    owner_->paused_ = true;
    owner_->cv_.notify_all();
    owner_->cv_.wait(lock, [&] { return owner_->decision_ != Decision::kNone; });
    if (owner_->decision_ == Decision::kAbort) {
      return Status::Cancelled("the test aborted this transaction");
    }
    return Status::OK();
  }
  query::QueryResult& result() { return result_; }

 private:
  PausedQuery* owner_;
  query::QueryResult result_;
};

PausedQuery::PausedQuery(query::Engine& engine, std::string text, ValueMap params)
    : sink_(std::make_unique<GateSink>(this)) {
  thread_ = std::thread([this, &engine, text = std::move(text), params = std::move(params)] {
    query::QueryOptions options;
    options.params = params;
    Result<query::QuerySummary> summary = engine.Execute(text, options, *sink_);
    std::lock_guard<std::mutex> lock(mu_);
    if (summary.ok()) {
      sink_->result().summary = *summary;
      result_ = std::move(sink_->result());
    } else {
      result_ = summary.status();
    }
    ended_ = true;
    cv_.notify_all();
  });
}

PausedQuery::~PausedQuery() {
  if (thread_.joinable()) Finish(Decision::kCommit);
}

bool PausedQuery::WaitUntilPaused() {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [&] { return paused_ || ended_; });
  return paused_;
}

Result<query::QueryResult> PausedQuery::Commit() { return Finish(Decision::kCommit); }

Status PausedQuery::Abort() { return Finish(Decision::kAbort).status(); }

Result<query::QueryResult> PausedQuery::Finish(Decision decision) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    decision_ = decision;
    cv_.notify_all();
  }
  thread_.join();
  return result_;
}

Interleaving Interleave(query::Engine& engine, std::string outer, ValueMap outer_params,
                        std::string_view inner, ValueMap inner_params) {
  Interleaving out;
  PausedQuery paused(engine, std::move(outer), std::move(outer_params));
  if (!paused.WaitUntilPaused()) {
    Result<query::QueryResult> ended = paused.Commit();
    out.outer = Status::Internal("the outer statement ended before its first row: " +
                                 (ended.ok() ? std::string("no rows") : ended.status().ToString()));
    return out;
  }
  query::QueryOptions options;
  options.params = std::move(inner_params);
  out.inner = engine.Run(inner, options);
  out.outer = paused.Commit();
  return out;
}

bool IsRetryableConflict(const Status& status) {
  return status.IsConflict() && status.message().find("retry") != std::string::npos;
}

Result<query::QueryResult> RunRetrying(query::Engine& engine, std::string_view text,
                                       ValueMap params, int* retries) {
  query::QueryOptions options;
  options.params = std::move(params);
  std::mt19937 rng(std::random_device{}());
  for (int attempt = 0;; ++attempt) {
    Result<query::QueryResult> result = engine.Run(text, options);
    if (result.ok() || !result.status().IsConflict() || attempt == 10'000) return result;
    EXPECT_TRUE(IsRetryableConflict(result.status())) << result.status().ToString();
    if (retries != nullptr) ++*retries;
    // A little jitter so that colliding writers stop colliding.
    std::this_thread::sleep_for(std::chrono::microseconds(rng() % (50 * (1 + attempt % 8))));
  }
}

void Concurrently(int threads, int per_thread, const std::function<void(int, int)>& fn) {
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (int i = 0; i < per_thread; ++i) fn(t, i);
    });
  }
  for (auto& w : workers) w.join();
}

void IsolationTest::SetUp() {
  std::random_device rd;
  dir_ = std::filesystem::temp_directory_path() /
         ("copmap-isolation-" + std::to_string(rd()) + std::to_string(rd()));
  query::EngineOptions options;
  options.store.sync_commits = false;
  options.store.cop_schema = false;
  auto engine = query::Engine::Open(dir_.string(), options);
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  engine_ = std::move(engine).value();
}

void IsolationTest::TearDown() {
  engine_.reset();
  std::filesystem::remove_all(dir_);
}

query::QueryResult IsolationTest::Run(std::string_view text, ValueMap params) {
  query::QueryOptions options;
  options.params = std::move(params);
  auto r = engine_->Run(text, options);
  EXPECT_TRUE(r.ok()) << text << "\n" << r.status().ToString();
  return r.ok() ? std::move(r).value() : query::QueryResult{};
}

int64_t IsolationTest::Int(std::string_view text, ValueMap params) {
  query::QueryResult r = Run(text, std::move(params));
  EXPECT_EQ(r.rows.size(), 1u) << text;
  return r.rows.size() == 1 && r.rows[0].size() == 1 ? r.rows[0][0].as_int() : -1;
}

ValueMap Ints(std::initializer_list<std::pair<const char*, int64_t>> values) {
  ValueMap map;
  for (const auto& [name, v] : values) map.emplace_back(name, Value(v));
  return map;
}

}  // namespace copmap::reliability
