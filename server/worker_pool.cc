#include "server/worker_pool.h"

#include <utility>

namespace copmap::server {
namespace {

// The pool whose task this thread is running and whether that task still
// holds its slot: set by Loop() around each task.
thread_local WorkerPool* running_pool = nullptr;
thread_local bool slot_held = false;

}  // namespace

WorkerPool::WorkerPool(size_t threads) {
  threads_.reserve(threads);
  for (size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { Loop(); });
}

WorkerPool::~WorkerPool() { Stop(); }

bool WorkerPool::TrySubmit(std::function<void()> task) {
  return TryReserve() && SubmitReserved(std::move(task));
}

bool WorkerPool::TryReserve() {
  std::lock_guard<std::mutex> lock(mu_);
  if (stopping_ || in_flight_ >= threads_.size()) return false;
  ++in_flight_;
  return true;
}

void WorkerPool::Unreserve() {
  std::lock_guard<std::mutex> lock(mu_);
  --in_flight_;
}

bool WorkerPool::SubmitReserved(std::function<void()> task) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) {
      --in_flight_;
      return false;
    }
    tasks_.push_back(std::move(task));
  }
  cv_.notify_one();
  return true;
}

void WorkerPool::ReleaseSlot() {
  if (running_pool != this || !slot_held) return;
  slot_held = false;
  std::lock_guard<std::mutex> lock(mu_);
  --in_flight_;
}

size_t WorkerPool::in_flight() const {
  std::lock_guard<std::mutex> lock(mu_);
  return in_flight_;
}

void WorkerPool::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
  }
  cv_.notify_all();
  for (std::thread& t : threads_) {
    if (t.joinable()) t.join();
  }
}

void WorkerPool::Loop() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock<std::mutex> lock(mu_);
      // Admitted tasks still run after Stop(): their callers wait on them.
      cv_.wait(lock, [this] { return !tasks_.empty() || stopping_; });
      if (tasks_.empty()) return;
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    running_pool = this;
    slot_held = true;
    task();
    ReleaseSlot();
    running_pool = nullptr;
  }
}

}  // namespace copmap::server
