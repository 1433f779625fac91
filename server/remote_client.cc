#include "server/remote_client.h"

#include <grpcpp/grpcpp.h>

#include <fstream>
#include <sstream>

#include "copmap.grpc.pb.h"
#include "server/error_mapping.h"
#include "server/grpc_runtime.h"
#include "server/value_codec.h"

namespace copmap::server {
namespace {

Result<std::string> ReadPem(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

class RemoteClient::Impl {
 public:
  Impl(std::shared_ptr<grpc::Channel> channel, std::string token)
      : channel_(std::move(channel)), stub_(v1::Copmap::NewStub(channel_)), token_(std::move(token)) {}

  Result<query::QuerySummary> Execute(std::string_view text, const query::QueryOptions& options,
                                      query::RowSink& sink) {
    v1::QueryRequest request;
    request.set_query(std::string(text));
    ToProto(options.params, request.mutable_parameters());
    request.set_read_only(options.read_only);
    request.set_max_rows(options.max_rows);
    request.set_include_plan(options.profile);
    grpc::ClientContext context;
    if (!token_.empty()) context.AddMetadata("authorization", "Bearer " + token_);
    if (options.timeout.count() > 0) {
      request.set_timeout_ms(static_cast<uint32_t>(options.timeout.count()));
      // A little slack so the server's own timeout, with its clearer message, wins.
      context.set_deadline(std::chrono::system_clock::now() + options.timeout +
                           std::chrono::milliseconds(500));
    }
    std::unique_ptr<grpc::ClientReader<v1::QueryResponse>> reader =
        stub_->Query(&context, request);
    v1::QueryResponse response;
    query::QuerySummary summary;
    Status sink_error;
    std::vector<Value> row;
    while (sink_error.ok() && reader->Read(&response)) {
      if (options.cancel != nullptr && options.cancel->load()) {
        sink_error = Status::Cancelled("the query was cancelled");
        break;
      }
      if (response.has_header()) {
        std::vector<std::string> columns(response.header().columns().begin(),
                                         response.header().columns().end());
        sink_error = sink.OnHeader(columns);
      }
      for (const v1::Row& wire_row : response.rows()) {
        if (!sink_error.ok()) break;
        row.clear();
        for (const v1::Value& wire_value : wire_row.values()) {
          Result<Value> value = FromProto(wire_value, "result");
          if (!value.ok()) {
            sink_error = value.status();
            break;
          }
          row.push_back(std::move(value).value());
        }
        if (sink_error.ok()) sink_error = sink.OnRow(row);
      }
      if (response.has_summary()) {
        const v1::Summary& s = response.summary();
        const v1::Counters& c = s.counters();
        summary.counters = query::QueryCounters{
            c.nodes_created(),  c.nodes_deleted(),   c.relationships_created(),
            c.relationships_deleted(), c.properties_set(), c.labels_added(),
            c.labels_removed(), c.indexes_added(),   c.indexes_removed()};
        summary.elapsed = std::chrono::microseconds(s.elapsed_micros());
        summary.plan = s.plan();
      }
    }
    if (!sink_error.ok()) {
      context.TryCancel();
      reader->Finish();
      return sink_error;
    }
    grpc::Status status = reader->Finish();
    if (!status.ok()) return FromGrpcStatus(status);
    return summary;
  }

  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::Copmap::Stub> stub_;
  std::string token_;
};

RemoteClient::RemoteClient(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RemoteClient::~RemoteClient() = default;

Result<std::unique_ptr<RemoteClient>> RemoteClient::Connect(const RemoteOptions& options) {
  UseReleaseModeAbseilMutexes();
  std::shared_ptr<grpc::ChannelCredentials> credentials;
  if (options.tls || !options.tls_ca_file.empty()) {
    grpc::SslCredentialsOptions ssl;
    if (!options.tls_ca_file.empty()) {
      COPMAP_ASSIGN_OR_RETURN(ssl.pem_root_certs, ReadPem(options.tls_ca_file));
    }
    if (!options.tls_client_cert_file.empty()) {
      COPMAP_ASSIGN_OR_RETURN(ssl.pem_cert_chain, ReadPem(options.tls_client_cert_file));
      COPMAP_ASSIGN_OR_RETURN(ssl.pem_private_key, ReadPem(options.tls_client_key_file));
    }
    credentials = grpc::SslCredentials(ssl);
  } else {
    credentials = grpc::InsecureChannelCredentials();
  }
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(options.max_message_bytes);
  args.SetMaxSendMessageSize(options.max_message_bytes);
  std::shared_ptr<grpc::Channel> channel =
      grpc::CreateCustomChannel(options.target, credentials, args);
  if (!channel->WaitForConnected(std::chrono::system_clock::now() + options.connect_timeout)) {
    return Status::IOError("cannot reach the copmap server at " + options.target);
  }
  return std::unique_ptr<RemoteClient>(
      new RemoteClient(std::make_unique<Impl>(std::move(channel), options.token)));
}

Result<query::QuerySummary> RemoteClient::Execute(std::string_view text,
                                                  const query::QueryOptions& options,
                                                  query::RowSink& sink) {
  return impl_->Execute(text, options, sink);
}

Result<query::QueryResult> RemoteClient::Run(std::string_view text,
                                             const query::QueryOptions& options) {
  // Keeps everything the stream delivers.
  struct Collect final : query::RowSink {
    query::QueryResult result;
    Status OnHeader(const std::vector<std::string>& columns) override {
      result.columns = columns;
      return Status::OK();
    }
    Status OnRow(const std::vector<Value>& row) override {
      result.rows.push_back(row);
      return Status::OK();
    }
  } collect;
  COPMAP_ASSIGN_OR_RETURN(collect.result.summary, Execute(text, options, collect));
  return std::move(collect.result);
}

}  // namespace copmap::server
