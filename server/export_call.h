// ExportCall: one Copmap.Export stream. Exports the graph on a worker and
// streams each file's bytes as ExportChunk messages.
#pragma once

#include "copmap.grpc.pb.h"
#include "server/chunk_call.h"

namespace copmap::server {

class ExportCall final : public ChunkCall<v1::ExportChunk> {
 public:
  ExportCall(ServiceState* state, grpc::CallbackServerContext* context,
             const v1::ExportRequest* request);

 private:
  Status Produce() override;

  const v1::ExportRequest* request_;
};

}  // namespace copmap::server
