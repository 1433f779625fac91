#include "server/server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <signal.h>

#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "server/copmap_service.h"
#include "server/grpc_runtime.h"
#include "server/listen_policy.h"
#include "server/reflection_v1.h"
#include "server/service_state.h"

namespace copmap::server {
namespace {

constexpr char kServiceName[] = "copmap.v1.Copmap";

Result<std::string> ReadFile(const std::string& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(std::string("cannot read ") + what + " " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Result<std::shared_ptr<grpc::ServerCredentials>> MakeCredentials(const ServerOptions& options) {
  if (options.tls_cert_file.empty()) return grpc::InsecureServerCredentials();
  grpc::SslServerCredentialsOptions ssl;
  grpc::SslServerCredentialsOptions::PemKeyCertPair pair;
  COPMAP_ASSIGN_OR_RETURN(pair.cert_chain, ReadFile(options.tls_cert_file, "TLS certificate"));
  COPMAP_ASSIGN_OR_RETURN(pair.private_key, ReadFile(options.tls_key_file, "TLS key"));
  ssl.pem_key_cert_pairs.push_back(std::move(pair));
  if (!options.tls_client_ca_file.empty()) {
    COPMAP_ASSIGN_OR_RETURN(ssl.pem_root_certs,
                            ReadFile(options.tls_client_ca_file, "TLS client CA"));
    ssl.client_certificate_request = GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY;
  }
  return grpc::SslServerCredentials(ssl);
}

}  // namespace

class Server::Impl {
 public:
  Impl(const ServerOptions& options, query::Engine* engine, std::unique_ptr<query::Engine> owned,
       std::optional<TokenStore> tokens)
      : owned_engine_(std::move(owned)),
        state_(engine, options, std::move(tokens)),
        service_(&state_)
#ifdef COPMAP_HAVE_REFLECTION_V1
        ,
        reflection_v1_({kServiceName, "grpc.health.v1.Health",
                        "grpc.reflection.v1.ServerReflection",
                        "grpc.reflection.v1alpha.ServerReflection"})
#endif
  {
  }

  Status Start() {
    const ServerOptions& options = state_.options;
    COPMAP_ASSIGN_OR_RETURN(std::shared_ptr<grpc::ServerCredentials> credentials,
                            MakeCredentials(options));
    grpc::EnableDefaultHealthCheckService(true);
    grpc::reflection::InitProtoReflectionServerBuilderPlugin();
    grpc::ServerBuilder builder;
    builder.AddListeningPort(options.listen, credentials, &port_);
    builder.SetMaxReceiveMessageSize(options.max_message_bytes);
    builder.SetMaxSendMessageSize(options.max_message_bytes);
    builder.RegisterService(&service_);
#ifdef COPMAP_HAVE_REFLECTION_V1
    builder.RegisterService(&reflection_v1_);
#endif
    server_ = builder.BuildAndStart();
    if (server_ == nullptr || port_ == 0) {
      return Status::IOError("cannot listen on " + options.listen +
                             " (address in use, or not an address of this machine?)");
    }
    grpc::HealthCheckServiceInterface* health = server_->GetHealthCheckService();
    health->SetServingStatus(true);
    health->SetServingStatus(kServiceName, true);
    std::string host;
    int ignored = 0;
    (void)SplitHostPort(options.listen, &host, &ignored);
    address_ = (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" +
               std::to_string(port_);
    state_.log.Event(LogLevel::kInfo, "listening address=" + address_ +
                                          (options.tls_cert_file.empty() ? " tls=off" : " tls=on") +
                                          (state_.tokens ? " auth=tokens" : " auth=off"));
    return Status::OK();
  }

  void Shutdown() {
    std::lock_guard<std::mutex> lock(shutdown_mu_);
    if (stopped_) return;
    stopped_ = true;
    state_.log.Event(LogLevel::kInfo,
                     "shutting-down drain_notice_ms=" +
                         std::to_string(state_.options.drain_notice.count()) +
                         " grace_ms=" + std::to_string(state_.options.grace_period.count()));
    // Load balancers and probes see NOT_SERVING before anything stops: Watch
    // streams get it pushed, and Check polls answer it while the port still
    // accepts calls for the drain notice.
    grpc::HealthCheckServiceInterface* health = server_->GetHealthCheckService();
    health->SetServingStatus(kServiceName, false);
    health->SetServingStatus(false);
    std::this_thread::sleep_for(state_.options.drain_notice);
    // Stops accepting at once; calls still running after the grace period are
    // cancelled, which reaches their queries through QueryOptions::cancel.
    server_->Shutdown(std::chrono::system_clock::now() + state_.options.grace_period);
    state_.pool.Stop();
    owned_engine_.reset();
    state_.log.Event(LogLevel::kInfo, "stopped");
    done_cv_.notify_all();
  }

  void Wait() {
    std::unique_lock<std::mutex> lock(shutdown_mu_);
    done_cv_.wait(lock, [this] { return stopped_; });
  }

  int port() const { return port_; }
  size_t running_requests() const { return state_.pool.in_flight(); }
  const std::string& address() const { return address_; }
  RequestLog& log() { return state_.log; }

 private:
  std::unique_ptr<query::Engine> owned_engine_;
  ServiceState state_;
  CopmapService service_;
#ifdef COPMAP_HAVE_REFLECTION_V1
  ReflectionV1Service reflection_v1_;
#endif
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
  std::string address_;
  std::mutex shutdown_mu_;
  std::condition_variable done_cv_;
  bool stopped_ = false;
};

namespace {

Result<std::unique_ptr<Server::Impl>> MakeImpl(const ServerOptions& options,
                                               query::Engine* engine,
                                               std::unique_ptr<query::Engine> owned) {
  if (engine == nullptr) return Status::InvalidArgument("the server needs an open engine");
  COPMAP_RETURN_IF_ERROR(CheckListenPolicy(options));
  UseReleaseModeAbseilMutexes();
  if (options.max_concurrent_requests < 1 || options.max_message_bytes < 1024) {
    return Status::InvalidArgument(
        "max_concurrent_requests must be at least 1 and max_message_bytes at least 1024");
  }
  std::optional<TokenStore> tokens;
  if (!options.tokens_file.empty()) {
    COPMAP_ASSIGN_OR_RETURN(TokenStore loaded, TokenStore::LoadFile(options.tokens_file));
    if (loaded.size() == 0) {
      return Status::InvalidArgument("tokens file " + options.tokens_file +
                                     " holds no tokens: nobody could call the server");
    }
    tokens = std::move(loaded);
  }
  auto impl = std::make_unique<Server::Impl>(options, engine, std::move(owned), std::move(tokens));
  COPMAP_RETURN_IF_ERROR(impl->Start());
  return impl;
}

}  // namespace

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() { Shutdown(); }

Result<std::unique_ptr<Server>> Server::Start(const ServerOptions& options,
                                              query::Engine* engine) {
  COPMAP_ASSIGN_OR_RETURN(std::unique_ptr<Impl> impl, MakeImpl(options, engine, nullptr));
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Result<std::unique_ptr<Server>> Server::Start(const ServerOptions& options,
                                              std::unique_ptr<query::Engine> engine) {
  query::Engine* raw = engine.get();
  COPMAP_ASSIGN_OR_RETURN(std::unique_ptr<Impl> impl, MakeImpl(options, raw, std::move(engine)));
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

int Server::port() const { return impl_->port(); }
std::string Server::address() const { return impl_->address(); }
size_t Server::running_requests() const { return impl_->running_requests(); }
void Server::Wait() { impl_->Wait(); }
void Server::Shutdown() {
  if (impl_) impl_->Shutdown();
}

Status ServeUntilSignal(const ServerOptions& options, std::unique_ptr<query::Engine> engine) {
  // Block the signals before gRPC starts its threads (they inherit the mask),
  // so that only sigwait() below receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  sigset_t previous;
  pthread_sigmask(SIG_BLOCK, &signals, &previous);
  Result<std::unique_ptr<Server>> server = Server::Start(options, std::move(engine));
  if (!server.ok()) {
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return server.status();
  }
  int received = 0;
  sigwait(&signals, &received);
  (*server)->Shutdown();
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  return Status::OK();
}

}  // namespace copmap::server
