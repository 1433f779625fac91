#include "tests/fuzz/throwaway_engine.h"

#include "tests/fuzz/fuzz_input.h"

namespace copmap::fuzz {

ThrowAwayEngine::ThrowAwayEngine(std::string setup, int writes_per_store)
    : setup_(std::move(setup)), writes_per_store_(writes_per_store) {
  Reset();
}

void ThrowAwayEngine::AfterWrite() {
  if (++writes_ < writes_per_store_) return;
  Result<std::vector<storage::Violation>> violations = store().Check();
  FuzzCheck(violations.ok() && violations->empty(), "the store passes Check() after writes");
  Reset();
}

std::pair<uint64_t, uint64_t> ThrowAwayEngine::Counts() {
  Result<storage::StoreStats> stats = store().Stats();
  FuzzCheck(stats.ok(), "Stats() works");
  return {stats->node_count, stats->rel_count};
}

void ThrowAwayEngine::Reset() {
  engine_.reset();
  dir_.emplace();
  query::EngineOptions options;
  // Small limits keep each input fast: a fuzzer finds a 2,000-row explosion
  // as surely as a 10-million-row one.
  options.store.sync_commits = false;
  options.store.cache_bytes = 8 << 20;
  options.default_max_rows = 2000;
  options.default_timeout = std::chrono::milliseconds(500);
  options.max_var_length_depth = 4;
  Result<std::unique_ptr<query::Engine>> opened = query::Engine::Open(*dir_ / "db", options);
  FuzzCheck(opened.ok(), "the fuzz store opens");
  engine_ = std::move(*opened);
  if (!setup_.empty()) FuzzCheck(engine_->Run(setup_).ok(), "the fixed graph loads");
  writes_ = 0;
}

}  // namespace copmap::fuzz
