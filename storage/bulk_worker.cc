#include "storage/bulk_worker.h"

namespace copmap::storage {

BulkWorker::BulkWorker(size_t max_pending_bytes)
    : max_pending_bytes_(max_pending_bytes), thread_([this] { Run(); }) {}

BulkWorker::~BulkWorker() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
    queue_.clear();
  }
  changed_.notify_all();
  thread_.join();
}

Status BulkWorker::Submit(std::function<Status()> task, size_t bytes) {
  std::unique_lock lock(mu_);
  // A task larger than the budget still runs, alone.
  changed_.wait(lock, [&] {
    return !error_.ok() || pending_bytes_ == 0 || pending_bytes_ + bytes <= max_pending_bytes_;
  });
  if (!error_.ok()) return error_;
  queue_.emplace_back(std::move(task), bytes);
  pending_bytes_ += bytes;
  changed_.notify_all();
  return Status::OK();
}

Status BulkWorker::Drain() {
  std::unique_lock lock(mu_);
  changed_.wait(lock, [&] { return queue_.empty() && !running_; });
  return error_;
}

void BulkWorker::Run() {
  std::unique_lock lock(mu_);
  while (true) {
    changed_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    if (stop_) return;
    auto [task, bytes] = std::move(queue_.front());
    queue_.pop_front();
    running_ = true;
    lock.unlock();
    Status s = task();
    task = nullptr;  // release what the task held before accounting for it
    lock.lock();
    running_ = false;
    pending_bytes_ -= bytes;
    if (!s.ok() && error_.ok()) {
      error_ = std::move(s);
      queue_.clear();
      pending_bytes_ = 0;
    }
    changed_.notify_all();
  }
}

}  // namespace copmap::storage
