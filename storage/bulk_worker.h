// BulkWorker: the second core of a bulk load. Internal to storage/.
//
// One background thread runs queued tasks in FIFO order (so the chunks of one
// output stream are written in the order they were queued). The queue is
// bounded by bytes: Submit() blocks while the tasks queued or running hold
// more than the budget, which bounds the memory a fast producer can pile up.
// The first failing task stops the worker; its error is returned by every
// later Submit() and by Drain(), and the remaining tasks are dropped.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "storage/status.h"

namespace copmap::storage {

class BulkWorker {
 public:
  explicit BulkWorker(size_t max_pending_bytes);
  // Drops the tasks not yet started and joins the thread.
  ~BulkWorker();
  BulkWorker(const BulkWorker&) = delete;
  BulkWorker& operator=(const BulkWorker&) = delete;

  // Queues `task`, which holds `bytes` of memory until it has run.
  Status Submit(std::function<Status()> task, size_t bytes);
  // Waits until every queued task has run; the first error, if any.
  Status Drain();

 private:
  void Run();

  const size_t max_pending_bytes_;
  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<std::pair<std::function<Status()>, size_t>> queue_;
  size_t pending_bytes_ = 0;  // queued plus running
  bool running_ = false;
  bool stop_ = false;
  Status error_;
  std::thread thread_;
};

// Buffers handed back by the worker for the producer to fill again. Large
// buffers recycled this way are not returned to the kernel and faulted in
// again for every run (page faults were a quarter of a load's CPU time).
template <typename T>
class BufferPool {
 public:
  void Put(T buffer) {
    buffer.clear();
    std::lock_guard lock(mu_);
    free_.push_back(std::move(buffer));
  }
  // Frees the buffers kept for reuse.
  void Clear() {
    std::lock_guard lock(mu_);
    free_.clear();
  }
  // A recycled buffer, or a new one with `capacity` reserved.
  T Take(size_t capacity) {
    {
      std::lock_guard lock(mu_);
      if (!free_.empty()) {
        T out = std::move(free_.back());
        free_.pop_back();
        return out;
      }
    }
    T out;
    out.reserve(capacity);
    return out;
  }

 private:
  std::mutex mu_;
  std::vector<T> free_;
};

}  // namespace copmap::storage
