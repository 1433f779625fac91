// CopmapService: the copmap.v1.Copmap service on gRPC's callback API.
//
// Each handler only builds a reactor: unary methods use RunUnary (the default
// reactor, finished from a worker), Query uses QueryCall, Import ImportCall,
// Export and Render their own stream calls. The work itself always runs on
// the ServiceState's WorkerPool.
#pragma once

#include "copmap.grpc.pb.h"
#include "server/service_state.h"

namespace copmap::server {

class CopmapService final : public v1::Copmap::CallbackService {
 public:
  explicit CopmapService(ServiceState* state) : state_(state) {}

  grpc::ServerWriteReactor<v1::QueryResponse>* Query(grpc::CallbackServerContext* context,
                                                     const v1::QueryRequest* request) override;
  grpc::ServerUnaryReactor* Explain(grpc::CallbackServerContext* context,
                                    const v1::ExplainRequest* request,
                                    v1::ExplainResponse* response) override;
  grpc::ServerReadReactor<v1::ImportRequest>* Import(grpc::CallbackServerContext* context,
                                                     v1::ImportResponse* response) override;
  grpc::ServerWriteReactor<v1::ExportChunk>* Export(grpc::CallbackServerContext* context,
                                                    const v1::ExportRequest* request) override;
  grpc::ServerWriteReactor<v1::RenderChunk>* Render(grpc::CallbackServerContext* context,
                                                    const v1::RenderRequest* request) override;
  grpc::ServerUnaryReactor* Stats(grpc::CallbackServerContext* context,
                                  const v1::StatsRequest* request,
                                  v1::StatsResponse* response) override;
  grpc::ServerUnaryReactor* Schema(grpc::CallbackServerContext* context,
                                   const v1::SchemaRequest* request,
                                   v1::SchemaResponse* response) override;
  grpc::ServerUnaryReactor* Backup(grpc::CallbackServerContext* context,
                                   const v1::BackupRequest* request,
                                   v1::BackupResponse* response) override;

 private:
  ServiceState* state_;
};

}  // namespace copmap::server
