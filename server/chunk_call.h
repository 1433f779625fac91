// ChunkCall<Chunk>: a server stream of byte chunks (Export, Render) produced
// on a worker. Subclasses implement Produce(), which calls SendBytes() as the
// data appears; ChunkCall cuts it into chunks small enough for one message
// and applies WorkerStream's flow control.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include "server/error_mapping.h"
#include "server/service_state.h"
#include "server/worker_stream.h"

namespace copmap::server {

template <typename Chunk>
class ChunkCall : public WorkerStream<Chunk> {
 protected:
  static constexpr size_t kChunkBytes = 256 << 10;

  ChunkCall(ServiceState* state, grpc::CallbackServerContext* context, Method method)
      : state_(state), record_(state, context, method) {}

  // Call at the end of the subclass constructor: admits the call and hands
  // Produce() to a worker.
  void Start() {
    grpc::Status admitted = record_.Admit();
    if (!admitted.ok()) return Done(admitted);
    if (!state_->pool.TrySubmit([this] { Done(ToGrpcStatus(Produce())); })) Done(record_.Busy());
  }

  // Runs on a worker; streams the data with SendBytes().
  virtual Status Produce() = 0;

  // Sends `bytes` as one or more chunks; `first` is applied to the first
  // chunk only (to set names or content types). Cancelled when the client
  // went away.
  template <typename Decorate>
  Status SendBytes(std::string_view bytes, Decorate first) {
    bool is_first = true;
    do {
      Chunk chunk;
      if (is_first) first(&chunk);
      const size_t n = std::min(bytes.size(), kChunkBytes);
      chunk.set_data(std::string(bytes.substr(0, n)));
      bytes.remove_prefix(n);
      is_first = false;
      if (!this->Send(std::move(chunk))) {
        return Status::Cancelled("the client cancelled the call or stopped reading");
      }
    } while (!bytes.empty());
    return Status::OK();
  }

  ServiceState* state_;
  CallRecord record_;

 private:
  void Done(const grpc::Status& status) {
    this->AwaitWritten();
    record_.Finished(status);
    this->Close(status);  // may delete this object
  }
};

}  // namespace copmap::server
