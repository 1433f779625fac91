// WorkerStream<Msg>: a server-streaming reactor fed by a worker thread.
//
// The worker (a WorkerPool thread) produces messages and calls Send(); gRPC's
// threads only run the reactions (OnWriteDone, OnCancel, OnDone), which never
// block: they flip a flag and wake the worker. Send() blocks the *worker*
// while the previous message is still being written, so at most one message
// is in flight and one more being built: a slow reader slows the producer
// instead of making the server buffer the whole stream.
//
// Life cycle: the handler constructs the reactor and returns it; the worker
// calls Close() exactly once (directly, or the handler does when the call is
// refused before reaching the worker) and must not touch the object after
// that; OnDone() deletes it.
#pragma once

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <utility>

namespace copmap::server {

template <typename Msg>
class WorkerStream : public grpc::ServerWriteReactor<Msg> {
 public:
  // Worker side. Waits until the previous message was written, then starts
  // writing `msg`. False when the client cancelled or went away (the stream
  // is then dead; the worker should stop and Close()).
  bool Send(Msg&& msg) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return !in_flight_ || broken_; });
    if (broken_) return false;
    out_ = std::move(msg);
    in_flight_ = true;
    lock.unlock();
    this->StartWrite(&out_);
    return true;
  }

  // Worker side. Waits until the previous message was written (or the
  // stream broke), so that what follows, such as freeing the call's worker
  // slot, happens only once the call is really about to end.
  void AwaitWritten() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return !in_flight_ || broken_; });
  }

  // Worker side, last call. With `last` and an OK status, writes `last`
  // together with the end of the stream.
  void Close(const grpc::Status& status, Msg* last = nullptr) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return !in_flight_ || broken_; });
    const bool write_last = last != nullptr && status.ok() && !broken_;
    if (write_last) out_ = std::move(*last);
    lock.unlock();
    if (write_last) {
      this->StartWriteAndFinish(&out_, grpc::WriteOptions(), status);
    } else {
      this->Finish(status);
    }
  }

  // Set when the client cancelled, its deadline passed, or a write failed;
  // the engine polls it (QueryOptions::cancel).
  const std::atomic<bool>* cancel_flag() const { return &cancelled_; }
  bool cancelled() const { return cancelled_.load(std::memory_order_relaxed); }

  void OnWriteDone(bool ok) override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      in_flight_ = false;
      if (!ok) {
        broken_ = true;
        cancelled_.store(true);
      }
    }
    cv_.notify_all();
  }

  void OnCancel() override {
    cancelled_.store(true);
    {
      std::lock_guard<std::mutex> lock(mu_);
      broken_ = true;
    }
    cv_.notify_all();
  }

  void OnDone() override { delete this; }

 protected:
  WorkerStream() = default;
  ~WorkerStream() override = default;

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool in_flight_ = false;  // a StartWrite has not seen its OnWriteDone yet
  bool broken_ = false;     // no more writes will succeed
  std::atomic<bool> cancelled_{false};
  Msg out_;                 // the message being written; gRPC reads it until OnWriteDone
};

}  // namespace copmap::server
