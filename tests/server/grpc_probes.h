// Calls to the standard services (health, reflection) without their generated
// C++ stubs: the wire formats are tiny, so well-known message types with the
// same field numbers stand in (HealthCheckRequest is {string service = 1},
// HealthCheckResponse is {enum status = 1}; reflection v1alpha has the same
// messages as v1).
#pragma once

#include <google/protobuf/wrappers.pb.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/codegen/client_unary_call.h>
#include <grpcpp/impl/codegen/proto_utils.h>  // protobuf messages over gRPC
#include <grpcpp/impl/codegen/sync_stream.h>

#include <string>
#include <vector>

#include "grpc/reflection/v1/reflection.pb.h"

namespace copmap::server::testing {

// grpc.health.v1.Health/Check; returns the status number (1 SERVING,
// 2 NOT_SERVING) or -1 with the call's failure in *status.
inline int HealthCheck(grpc::Channel* channel, const std::string& service,
                       grpc::Status* status = nullptr) {
  google::protobuf::StringValue request;
  request.set_value(service);
  google::protobuf::Int32Value response;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  grpc::Status s = grpc::internal::BlockingUnaryCall(
      channel,
      grpc::internal::RpcMethod("/grpc.health.v1.Health/Check", grpc::internal::RpcMethod::NORMAL_RPC),
      &context, request, &response);
  if (status != nullptr) *status = s;
  return s.ok() ? response.value() : -1;
}

// A grpc.health.v1.Health/Watch stream: the server sends the status at once
// and again on every change.
class HealthWatch {
 public:
  HealthWatch(grpc::Channel* channel, const std::string& service) {
    google::protobuf::StringValue request;
    request.set_value(service);
    reader_.reset(grpc::internal::ClientReaderFactory<google::protobuf::Int32Value>::Create(
        channel,
        grpc::internal::RpcMethod("/grpc.health.v1.Health/Watch",
                                  grpc::internal::RpcMethod::SERVER_STREAMING),
        &context_, request));
  }
  ~HealthWatch() {
    context_.TryCancel();
    reader_->Finish();
  }

  // The next status sent (1 SERVING, 2 NOT_SERVING), or -1 once the stream ended.
  int Next() {
    google::protobuf::Int32Value response;
    return reader_->Read(&response) ? response.value() : -1;
  }

 private:
  grpc::ClientContext context_;
  std::unique_ptr<grpc::ClientReader<google::protobuf::Int32Value>> reader_;
};

// Lists the services through reflection `version` ("v1" or "v1alpha").
inline std::vector<std::string> ReflectionListServices(grpc::Channel* channel,
                                                       const std::string& version) {
  using Request = grpc::reflection::v1::ServerReflectionRequest;
  using Response = grpc::reflection::v1::ServerReflectionResponse;
  const std::string method = "/grpc.reflection." + version + ".ServerReflection/ServerReflectionInfo";
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  std::unique_ptr<grpc::ClientReaderWriter<Request, Response>> stream(
      grpc::internal::ClientReaderWriterFactory<Request, Response>::Create(
          channel,
          grpc::internal::RpcMethod(method.c_str(), grpc::internal::RpcMethod::BIDI_STREAMING),
          &context));
  Request request;
  request.set_list_services("*");
  std::vector<std::string> names;
  if (!stream->Write(request)) return names;
  Response response;
  if (stream->Read(&response)) {
    for (const auto& service : response.list_services_response().service()) {
      names.push_back(service.name());
    }
  }
  stream->WritesDone();
  stream->Finish();
  return names;
}

}  // namespace copmap::server::testing
