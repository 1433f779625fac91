// RenderCall: one Copmap.Render stream. Runs the map's query on a worker,
// draws it with visualize/ and streams the document's bytes.
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
};

}  // namespace copmap::server
