// ReflectionV1Service: grpc.reflection.v1.ServerReflection.
//
// gRPC 1.51's reflection plugin serves only grpc.reflection.v1alpha; newer
// tools (grpcurl, Postman, grpcui) ask for v1 first. The v1 protocol is the
// v1alpha one under a new package name, so this service answers it from the
// same source, the process's generated descriptor pool. It needs no token.
// Built only when Debian's grpc-proto ships reflection/v1 (COPMAP_HAVE_REFLECTION_V1).
#pragma once

#ifdef COPMAP_HAVE_REFLECTION_V1

#include <string>
#include <vector>

#include "grpc/reflection/v1/reflection.grpc.pb.h"

namespace copmap::server {

class ReflectionV1Service final : public grpc::reflection::v1::ServerReflection::CallbackService {
 public:
  // `services`: the full names list_services reports.
  explicit ReflectionV1Service(std::vector<std::string> services) : services_(std::move(services)) {}

  grpc::ServerBidiReactor<grpc::reflection::v1::ServerReflectionRequest,
                          grpc::reflection::v1::ServerReflectionResponse>*
  ServerReflectionInfo(grpc::CallbackServerContext* context) override;

  // Answers one request (pure; exposed for tests).
  grpc::reflection::v1::ServerReflectionResponse Answer(
      const grpc::reflection::v1::ServerReflectionRequest& request) const;

 private:
  std::vector<std::string> services_;
};

}  // namespace copmap::server

#endif  // COPMAP_HAVE_REFLECTION_V1
