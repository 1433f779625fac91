#include "server/copmap_service.h"

#include <chrono>
#include <filesystem>

#include "server/error_mapping.h"
#include "server/export_call.h"
#include "server/import_call.h"
#include "server/query_call.h"
#include "server/render_call.h"
#include "server/unary_call.h"
#include "server/value_codec.h"

namespace copmap::server {
namespace {

uint64_t MicrosSince(std::chrono::steady_clock::time_point start) {
  return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(
                                   std::chrono::steady_clock::now() - start)
                                   .count());
}

}  // namespace

grpc::ServerWriteReactor<v1::QueryResponse>* CopmapService::Query(
    grpc::CallbackServerContext* context, const v1::QueryRequest* request) {
  return new QueryCall(state_, context, request);
}

grpc::ServerUnaryReactor* CopmapService::Explain(grpc::CallbackServerContext* context,
                                                 const v1::ExplainRequest* request,
                                                 v1::ExplainResponse* response) {
  return RunUnary(state_, context, Method::kExplain, [this, request, response](const CallRecord&) {
    Result<ValueMap> params = FromProto(request->parameters(), "parameters");
    if (!params.ok()) return ToGrpcStatus(params.status());
    Result<bool> writes = state_->engine->IsWrite(request->query());
    if (!writes.ok()) return ToGrpcStatus(writes.status());
    Result<std::string> plan = state_->engine->Explain(request->query(), *params);
    if (!plan.ok()) return ToGrpcStatus(plan.status());
    response->set_plan(*plan);
    response->set_is_write(*writes);
    return grpc::Status::OK;
  });
}

grpc::ServerUnaryReactor* CopmapService::Stats(grpc::CallbackServerContext* context,
                                               const v1::StatsRequest*,
                                               v1::StatsResponse* response) {
  return RunUnary(state_, context, Method::kStats, [this, response](const CallRecord&) {
    Result<storage::StoreStats> stats = state_->engine->store().Stats();
    if (!stats.ok()) return ToGrpcStatus(stats.status());
    response->set_node_count(stats->node_count);
    response->set_relationship_count(stats->rel_count);
    response->set_disk_bytes(stats->disk_bytes);
    for (const auto& [name, count] : stats->nodes_by_label) {
      v1::NameCount* out = response->add_nodes_by_label();
      out->set_name(name);
      out->set_count(count);
    }
    for (const auto& [name, count] : stats->rels_by_type) {
      v1::NameCount* out = response->add_relationships_by_type();
      out->set_name(name);
      out->set_count(count);
    }
    return grpc::Status::OK;
  });
}

grpc::ServerUnaryReactor* CopmapService::Schema(grpc::CallbackServerContext* context,
                                                const v1::SchemaRequest*,
                                                v1::SchemaResponse* response) {
  return RunUnary(state_, context, Method::kSchema, [this, response](const CallRecord&) {
    std::unique_ptr<storage::Transaction> txn =
        state_->engine->store().Begin(storage::TransactionOptions{.read_only = true});
    for (const std::string& name : txn->AllLabels()) response->add_labels(name);
    for (const std::string& name : txn->AllRelTypes()) response->add_relationship_types(name);
    for (const std::string& name : txn->AllPropKeys()) response->add_property_keys(name);
    for (const storage::IndexInfo& info : txn->Indexes()) {
      v1::Index* index = response->add_indexes();
      index->set_name(info.name);
      index->set_unique(info.kind == storage::IndexKind::kUnique);
      index->set_label(txn->LabelName(info.label));
      index->set_property(txn->PropKeyName(info.property));
    }
    return grpc::Status::OK;
  });
}

grpc::ServerUnaryReactor* CopmapService::Backup(grpc::CallbackServerContext* context,
                                                const v1::BackupRequest* request,
                                                v1::BackupResponse* response) {
  return RunUnary(state_, context, Method::kBackup, [this, request, response](const CallRecord&) {
    const auto start = std::chrono::steady_clock::now();
    if (state_->options.backup_root.empty()) {
      return ToGrpcStatus(Status::NotSupported(
          "backups are disabled: start the server with a backup root directory"));
    }
    if (!IsPlainFileName(request->name())) {
      return ToGrpcStatus(Status::InvalidArgument(
          "backup name '" + request->name() +
          "' must be a plain name of letters, digits, '.', '_' and '-'"));
    }
    const std::string path =
        (std::filesystem::path(state_->options.backup_root) / request->name()).string();
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) {
      return ToGrpcStatus(Status::InvalidArgument("backup '" + request->name() +
                                                  "' already exists at " + path));
    }
    std::filesystem::create_directories(state_->options.backup_root, ec);
    Status status = state_->engine->store().Backup(path);
    if (!status.ok()) return ToGrpcStatus(status);
    response->set_path(path);
    response->set_elapsed_micros(MicrosSince(start));
    return grpc::Status::OK;
  });
}

grpc::ServerReadReactor<v1::ImportRequest>* CopmapService::Import(
    grpc::CallbackServerContext* context, v1::ImportResponse* response) {
  return new ImportCall(state_, context, response);
}

grpc::ServerWriteReactor<v1::ExportChunk>* CopmapService::Export(
    grpc::CallbackServerContext* context, const v1::ExportRequest* request) {
  return new ExportCall(state_, context, request);
}

grpc::ServerWriteReactor<v1::RenderChunk>* CopmapService::Render(
    grpc::CallbackServerContext* context, const v1::RenderRequest* request) {
  return new RenderCall(state_, context, request);
}

}  // namespace copmap::server
