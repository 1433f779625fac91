// FastReads: the statements the server has seen run as small, quick reads,
// which it then runs inline on the gRPC thread that received the call
// instead of handing them to a worker.
//
// Why: a point lookup costs tens of microseconds in the engine, while the
// hand-over to a worker and back costs several thread switches, which on a
// busy (virtualized) machine are the larger part of the round trip. Only what
// was measured to be cheap runs inline, and an inline run is capped (see
// QueryCall): a statement that turns out slow or large goes to a worker, and
// is forgotten here so that later calls go straight to a worker.
//
// A statement qualifies after a worker ran it without writing, returned all
// of its rows in one message, and took less than kMaxInlineRun.
//
// Thread safety: every method may be called from many threads at once.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_set>

namespace copmap::server {

class FastReads {
 public:
  // A run slower than this disqualifies a statement.
  static constexpr std::chrono::microseconds kMaxInlineRun{1000};
  // Statements remembered at most (the set is emptied when full: it refills
  // from the next worker runs).
  static constexpr size_t kMaxStatements = 1024;

  bool Contains(std::string_view text) const;
  // After a run of `text` that wrote nothing: remembers or forgets it by
  // whether it was quick and fit one message.
  void Observe(std::string_view text, std::chrono::microseconds elapsed, bool one_message);
  void Forget(std::string_view text);

 private:
  // Looks texts up by string_view without building a string per call.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };

  mutable std::mutex mu_;
  std::unordered_set<std::string, Hash, std::equal_to<>> texts_;
};

}  // namespace copmap::server
