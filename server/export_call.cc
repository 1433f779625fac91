#include "server/export_call.h"

namespace copmap::server {

ExportCall::ExportCall(ServiceState* state, grpc::CallbackServerContext* context,
                       const v1::ExportRequest* request)
    : ChunkCall(state, context, Method::kExport), request_(request) {
  Start();
}

Status ExportCall::Produce() {
  // The exporter (storage/interchange/) is not part of the build yet; until it
  // lands the method says so.
  (void)request_;
  return Status::NotSupported(
      "Export is not available in this build: the exporter (storage/interchange/) is not part "
      "of it yet");
}

}  // namespace copmap::server
