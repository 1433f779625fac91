// ThrowAwayEngine: an engine over a store in a temp directory, reused across
// fuzz inputs (opening RocksDB per input would make a target a hundred times
// slower) and replaced after a number of inputs that wrote, so the data stays
// small. Before a store is dropped, Check() must find it clean.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "query/engine.h"
#include "tests/fuzz/temp_dir.h"

namespace copmap::fuzz {

class ThrowAwayEngine {
 public:
  // `setup` is run on every new store (empty: none).
  ThrowAwayEngine(std::string setup, int writes_per_store);

  query::Engine& engine() { return *engine_; }
  storage::GraphStore& store() { return engine_->store(); }
  // A scratch directory for input files, valid until the next call.
  std::string ScratchPath(const std::string& name) { return *dir_ / name; }

  // Call after an input that wrote: checks and replaces the store every
  // writes_per_store calls.
  void AfterWrite();

  // (node count, relationship count), to show that a failure changed nothing.
  std::pair<uint64_t, uint64_t> Counts();

 private:
  void Reset();

  std::string setup_;
  int writes_per_store_;
  int writes_ = 0;
  std::optional<FuzzTempDir> dir_;
  std::unique_ptr<query::Engine> engine_;
};

}  // namespace copmap::fuzz
