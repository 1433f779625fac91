// WorkerPool: the server's own threads, where queries, imports, exports and
// renders run so that gRPC's reactions never block.
//
// Admission is bounded: at most `threads` tasks are in the pool (running or
// about to run). TrySubmit() refuses a task beyond that instead of queueing
// it, so overload turns into RESOURCE_EXHAUSTED, never into a growing queue.
//
// Thread safety: all methods may be called from any thread.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace copmap::server {

class WorkerPool {
 public:
  explicit WorkerPool(size_t threads);
  ~WorkerPool();  // Stop()s

  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Runs `task` on a pool thread; false (and `task` dropped) when the pool is
  // full or stopped.
  bool TrySubmit(std::function<void()> task);

  // Admission without a task, for work a caller runs on its own thread (a
  // fast read on the gRPC thread): takes a slot, or false when the pool is
  // full or stopped. The slot is then either given back with Unreserve() or
  // handed to a task with SubmitReserved(), which runs it like TrySubmit()
  // (false, and the slot given back, when the pool stopped meanwhile).
  bool TryReserve();
  void Unreserve();
  bool SubmitReserved(std::function<void()> task);

  // Frees the admission slot of the task running on the calling thread before
  // that task returns. A call finishes by handing its status to gRPC, and the
  // client may send its next request at once: calling this just before the
  // hand-over means a client that saw its call end is never told the server
  // is busy because of that very call. The thread itself stays busy a moment
  // longer, so a task admitted meanwhile waits for it briefly (the queue stays
  // bounded by capacity()). No effect outside a task of this pool, or when
  // called twice.
  void ReleaseSlot();

  // Tasks admitted and whose slot was not yet released.
  size_t in_flight() const;
  size_t capacity() const { return threads_.size(); }

  // Waits for admitted tasks to finish, then joins the threads. Later
  // TrySubmit() calls fail.
  void Stop();

 private:
  void Loop();

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> tasks_;
  size_t in_flight_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace copmap::server
