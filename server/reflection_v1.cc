#include "server/reflection_v1.h"

#ifdef COPMAP_HAVE_REFLECTION_V1

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>

#include <set>

namespace copmap::server {
namespace {

namespace rv1 = grpc::reflection::v1;
using google::protobuf::DescriptorPool;
using google::protobuf::FileDescriptor;

// Adds `file` and everything it imports, each once, dependencies last (the
// order gRPC's own implementation uses; clients accept any order).
void AddFileWithDeps(const FileDescriptor* file, std::set<std::string>* seen,
                     rv1::FileDescriptorResponse* out) {
  if (!seen->insert(file->name()).second) return;
  google::protobuf::FileDescriptorProto proto;
  file->CopyTo(&proto);
  out->add_file_descriptor_proto(proto.SerializeAsString());
  for (int i = 0; i < file->dependency_count(); ++i) AddFileWithDeps(file->dependency(i), seen, out);
}

void SetError(rv1::ServerReflectionResponse* response, grpc::StatusCode code,
              const std::string& message) {
  response->mutable_error_response()->set_error_code(static_cast<int>(code));
  response->mutable_error_response()->set_error_message(message);
}

class InfoReactor final
    : public grpc::ServerBidiReactor<rv1::ServerReflectionRequest, rv1::ServerReflectionResponse> {
 public:
  explicit InfoReactor(const ReflectionV1Service* service) : service_(service) {
    StartRead(&request_);
  }
  // Reflection answers are CPU-only lookups in the descriptor pool: cheap
  // enough to compute inside the reaction.
  void OnReadDone(bool ok) override {
    if (!ok) return Finish(grpc::Status::OK);
    response_ = service_->Answer(request_);
    StartWrite(&response_);
  }
  void OnWriteDone(bool ok) override {
    if (!ok) return Finish(grpc::Status(grpc::StatusCode::UNKNOWN, "write failed"));
    StartRead(&request_);
  }
  void OnDone() override { delete this; }

 private:
  const ReflectionV1Service* service_;
  rv1::ServerReflectionRequest request_;
  rv1::ServerReflectionResponse response_;
};

}  // namespace

grpc::ServerBidiReactor<rv1::ServerReflectionRequest, rv1::ServerReflectionResponse>*
ReflectionV1Service::ServerReflectionInfo(grpc::CallbackServerContext*) {
  return new InfoReactor(this);
}

rv1::ServerReflectionResponse ReflectionV1Service::Answer(
    const rv1::ServerReflectionRequest& request) const {
  const DescriptorPool* pool = DescriptorPool::generated_pool();
  rv1::ServerReflectionResponse response;
  response.set_valid_host(request.host());
  *response.mutable_original_request() = request;
  std::set<std::string> seen;
  switch (request.message_request_case()) {
    case rv1::ServerReflectionRequest::kListServices:
      for (const std::string& name : services_) {
        response.mutable_list_services_response()->add_service()->set_name(name);
      }
      break;
    case rv1::ServerReflectionRequest::kFileByFilename: {
      const FileDescriptor* file = pool->FindFileByName(request.file_by_filename());
      if (file == nullptr) {
        SetError(&response, grpc::StatusCode::NOT_FOUND, "file not found");
      } else {
        AddFileWithDeps(file, &seen, response.mutable_file_descriptor_response());
      }
      break;
    }
    case rv1::ServerReflectionRequest::kFileContainingSymbol: {
      const FileDescriptor* file = pool->FindFileContainingSymbol(request.file_containing_symbol());
      if (file == nullptr) {
        SetError(&response, grpc::StatusCode::NOT_FOUND, "symbol not found");
      } else {
        AddFileWithDeps(file, &seen, response.mutable_file_descriptor_response());
      }
      break;
    }
    case rv1::ServerReflectionRequest::kFileContainingExtension: {
      const auto& ext = request.file_containing_extension();
      const auto* type = pool->FindMessageTypeByName(ext.containing_type());
      const auto* field =
          type == nullptr ? nullptr : pool->FindExtensionByNumber(type, ext.extension_number());
      if (field == nullptr) {
        SetError(&response, grpc::StatusCode::NOT_FOUND, "extension not found");
      } else {
        AddFileWithDeps(field->file(), &seen, response.mutable_file_descriptor_response());
      }
      break;
    }
    case rv1::ServerReflectionRequest::kAllExtensionNumbersOfType: {
      const auto* type = pool->FindMessageTypeByName(request.all_extension_numbers_of_type());
      if (type == nullptr) {
        SetError(&response, grpc::StatusCode::NOT_FOUND, "type not found");
      } else {
        std::vector<const google::protobuf::FieldDescriptor*> extensions;
        pool->FindAllExtensions(type, &extensions);
        auto* out = response.mutable_all_extension_numbers_response();
        out->set_base_type_name(type->full_name());
        for (const auto* field : extensions) out->add_extension_number(field->number());
      }
      break;
    }
    case rv1::ServerReflectionRequest::MESSAGE_REQUEST_NOT_SET:
      SetError(&response, grpc::StatusCode::UNIMPLEMENTED, "empty reflection request");
      break;
  }
  return response;
}

}  // namespace copmap::server

#endif  // COPMAP_HAVE_REFLECTION_V1
