// Tools for the LDBC ACID isolation tests (docs/RELIABILITY.md, "Isolation").
//
// copmap runs each statement in one transaction, so the paper's
// "T1 writes, sleeps, then commits or aborts" becomes a statement that is
// paused at its first result row: by then its reads and writes so far are
// done and nothing is committed. The test runs other transactions in that
// window, then lets the paused one commit or makes it abort (its sink fails,
// and the engine rolls the statement back).
#pragma once

#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "query/engine.h"

namespace copmap::reliability {

class PausedQuery {
 public:
  // Starts `text` on its own thread; it pauses when it delivers its first row.
  PausedQuery(query::Engine& engine, std::string text, ValueMap params = {});
  // Lets a still paused query commit, and waits for it.
  ~PausedQuery();

  // Waits until the query is paused at its first row; false when it ended
  // before producing one (Finish() then tells how).
  bool WaitUntilPaused();
  const std::vector<Value>& first_row() const { return first_row_; }
  // Lets the query run on and commit; its whole result.
  Result<query::QueryResult> Commit();
  // Fails the query at its first row, so that it rolls back; the status it ended with.
  Status Abort();

 private:
  class GateSink;
  enum class Decision { kNone, kCommit, kAbort };
  Result<query::QueryResult> Finish(Decision decision);

  std::mutex mu_;
  std::condition_variable cv_;
  bool paused_ = false;
  bool ended_ = false;
  Decision decision_ = Decision::kNone;
  std::vector<Value> first_row_;
  std::unique_ptr<GateSink> sink_;
  Result<query::QueryResult> result_{Status::Internal("not finished")};
  std::thread thread_;
};

// The two outcomes of an interleaving.
struct Interleaving {
  Result<query::QueryResult> outer{Status::Internal("did not run")};
  Result<query::QueryResult> inner{Status::Internal("did not run")};
};

// Runs `outer` up to its first row, then `inner` from start to commit, then
// lets `outer` go on and commit: inner runs wholly inside outer's lifetime.
// outer fails with Internal when it ended before its first row.
Interleaving Interleave(query::Engine& engine, std::string outer, ValueMap outer_params,
                        std::string_view inner, ValueMap inner_params);

// The retryable error of an optimistic conflict, as copmap reports it.
bool IsRetryableConflict(const Status& status);

// Runs a statement as a client would: again while it fails with Conflict.
// Adds the number of retries to `*retries` when given.
Result<query::QueryResult> RunRetrying(query::Engine& engine, std::string_view text,
                                       ValueMap params = {}, int* retries = nullptr);

// Runs fn(thread, i) for i in [0, per_thread) on each of `threads` threads.
void Concurrently(int threads, int per_thread, const std::function<void(int, int)>& fn);

// A fresh engine in a temporary directory (durability off: isolation only).
class IsolationTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  query::Engine& engine() { return *engine_; }
  // Runs a statement that must succeed.
  query::QueryResult Run(std::string_view text, ValueMap params = {});
  // The single integer a read returns.
  int64_t Int(std::string_view text, ValueMap params = {});

 private:
  std::filesystem::path dir_;
  std::unique_ptr<query::Engine> engine_;
};

// Shorthand for parameter maps of integers.
ValueMap Ints(std::initializer_list<std::pair<const char*, int64_t>> values);

}  // namespace copmap::reliability
