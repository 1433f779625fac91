// RunUnary: the shape of every unary Copmap method. Authenticates on the gRPC
// thread, then runs `work` on the WorkerPool (reactions never block) and
// finishes the default reactor from there; logs one line.
#pragma once

#include <grpcpp/grpcpp.h>

#include <memory>
#include <utility>

#include "server/service_state.h"

namespace copmap::server {

// `work` is a callable `grpc::Status(const CallRecord&)` that fills the
// response; it runs on a worker thread.
template <typename Work>
grpc::ServerUnaryReactor* RunUnary(ServiceState* state, grpc::CallbackServerContext* context,
                                   Method method, Work work) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  auto record = std::make_shared<CallRecord>(state, context, method);
  grpc::Status admitted = record->Admit();
  if (!admitted.ok()) {
    record->Finished(admitted);
    reactor->Finish(admitted);
    return reactor;
  }
  const bool submitted = state->pool.TrySubmit([record, reactor, work = std::move(work)]() mutable {
    grpc::Status status = work(*record);
    record->Finished(status);
    reactor->Finish(status);
  });
  if (!submitted) {
    grpc::Status busy = record->Busy();
    record->Finished(busy);
    reactor->Finish(busy);
  }
  return reactor;
}

}  // namespace copmap::server
