// copmap_server_bench: Q1 (a person looked up by e-mail, the unique key) over
// gRPC on loopback, from N concurrent clients, each on its own channel.
//
//   copmap_server_bench [--persons N] [--seconds S] [--clients 1,16] [--target HOST:PORT]
//
// Without --target it starts a server in this process over a fresh database
// in a temporary directory with N generated persons (fixed seed). It prints,
// per client count: queries, queries/s, median and p99 round trip.
#include <grpcpp/grpcpp.h>
#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "copmap.grpc.pb.h"
#include "query/engine.h"
#include "server/server.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Flags {
  int persons = 10000;
  double seconds = 3;
  std::vector<int> clients = {1, 16};
  std::string target;
};

Flags ParseFlags(int argc, char** argv) {
  Flags flags;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i];
    const std::string value = argv[i + 1];
    if (name == "--persons") {
      flags.persons = std::stoi(value);
    } else if (name == "--seconds") {
      flags.seconds = std::stod(value);
    } else if (name == "--target") {
      flags.target = value;
    } else if (name == "--clients") {
      flags.clients.clear();
      std::stringstream list(value);
      for (std::string item; std::getline(list, item, ',');) flags.clients.push_back(std::stoi(item));
    } else {
      std::fprintf(stderr, "unknown flag %s\n", name.c_str());
      std::exit(2);
    }
  }
  return flags;
}

std::string Email(int i) { return "person" + std::to_string(i) + "@example.org"; }

// One Q1 round trip; false on any error.
bool Q1(copmap::v1::Copmap::Stub& stub, int person) {
  copmap::v1::QueryRequest request;
  request.set_query("MATCH (p:Person {email: $email}) RETURN p.name, p.title");
  auto* entry = request.mutable_parameters()->add_entries();
  entry->set_key("email");
  entry->mutable_value()->set_string_value(Email(person));
  grpc::ClientContext context;
  auto reader = stub.Query(&context, request);
  copmap::v1::QueryResponse response;
  size_t rows = 0;
  while (reader->Read(&response)) rows += response.rows_size();
  return reader->Finish().ok() && rows == 1;
}

void RunLoad(const std::string& target, int clients, const Flags& flags) {
  std::vector<std::vector<double>> latencies(clients);
  std::atomic<int> errors{0};
  const auto end = Clock::now() + std::chrono::duration<double>(flags.seconds);
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      auto stub = copmap::v1::Copmap::NewStub(
          grpc::CreateChannel(target, grpc::InsecureChannelCredentials()));
      std::mt19937 random(42 + c);
      Q1(*stub, 0);  // connect and warm up
      while (Clock::now() < end) {
        const int person = static_cast<int>(random() % flags.persons);
        const auto start = Clock::now();
        if (!Q1(*stub, person)) ++errors;
        latencies[c].push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
      }
    });
  }
  for (auto& t : threads) t.join();
  std::vector<double> all;
  for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  if (all.empty()) return;
  std::printf("Q1 persons=%d clients=%d queries=%zu errors=%d qps=%.0f median_us=%.0f p99_us=%.0f\n",
              flags.persons, clients, all.size(), errors.load(), all.size() / flags.seconds,
              all[all.size() / 2], all[std::min(all.size() - 1, all.size() * 99 / 100)]);
}

}  // namespace

int main(int argc, char** argv) {
  Flags flags = ParseFlags(argc, argv);
  std::unique_ptr<copmap::query::Engine> engine;
  std::unique_ptr<copmap::server::Server> server;
  std::string dir;
  if (flags.target.empty()) {
    std::string pattern = (std::filesystem::temp_directory_path() / "copmap-bench-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) return 3;
    dir = pattern;
    copmap::query::EngineOptions engine_options;
    engine_options.store.sync_commits = false;
    auto opened = copmap::query::Engine::Open(dir + "/db", engine_options);
    if (!opened.ok()) {
      std::fprintf(stderr, "%s\n", opened.status().ToString().c_str());
      return 3;
    }
    engine = std::move(opened).value();
    copmap::query::QueryOptions load;
    load.params = {{"n", copmap::Value(flags.persons)}};
    auto loaded = engine->Run(
        "UNWIND range(0, $n - 1) AS i CREATE (:Person {email: 'person' + toString(i) + "
        "'@example.org', name: 'Person ' + toString(i), title: 'Engineer'})",
        load);
    if (!loaded.ok()) {
      std::fprintf(stderr, "%s\n", loaded.status().ToString().c_str());
      return 3;
    }
    copmap::server::ServerOptions options;
    options.listen = "127.0.0.1:0";
    options.log_level = copmap::server::LogLevel::kWarn;
    auto started = copmap::server::Server::Start(options, engine.get());
    if (!started.ok()) {
      std::fprintf(stderr, "%s\n", started.status().ToString().c_str());
      return 3;
    }
    server = std::move(started).value();
    flags.target = server->address();
  }
  for (int clients : flags.clients) RunLoad(flags.target, clients, flags);
  server.reset();
  engine.reset();
  if (!dir.empty()) std::filesystem::remove_all(dir);
  return 0;
}
