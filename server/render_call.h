// RenderCall: one Copmap.Render stream. Runs a named map's queries (or the
// request's read query) on a worker, draws the map with visualize/ and streams
// the document's bytes. Queries and layout share the call's deadline.
#pragma once

#include "copmap.grpc.pb.h"
#include "server/chunk_call.h"

namespace copmap::server {

class RenderCall final : public ChunkCall<v1::RenderChunk> {
 public:
  RenderCall(ServiceState* state, grpc::CallbackServerContext* context,
             const v1::RenderRequest* request);

 private:
  Status Produce() override;

  const v1::RenderRequest* request_;
  std::chrono::system_clock::time_point context_deadline_;
};

}  // namespace copmap::server
