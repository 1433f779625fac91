// copmap_server_bench: a point lookup over gRPC on loopback, from N
// concurrent clients, each on its own channel.
//
//   copmap_server_bench [--persons N] [--seconds S] [--clients 1,16] [--target HOST:PORT]
//                       [--data DATASET_DIR] [--server-pid PID] [--stop-trials T]
//                       [--client-retries on|off]
//
// With --target and --data it runs Q1 of the CoP workload
// (../shared/bench/WORKLOAD.md) against a running `copmap serve` whose store
// was imported from DATASET_DIR (`copmap gen` + `copmap import`, plus the
// workload's index on Person.id), cycling through the dataset's params.json
// Q1 draws (each client draws at random with its own seed). Every call must return one row.
//
// Without --target it starts a server in this process over a fresh database
// in a temporary directory with N generated persons (fixed seed) and looks a
// person up by e-mail (the unique key).
//
// It prints, per client count: queries, queries/s, median and p99 round
// trip, and the CPU time (user+sys) this client process spent, and with
// --server-pid that of the server process during the same interval.
//
// With --stop-trials T (in-process server only) it also measures how fast a
// running heavy query (a four-way cartesian count over 200 nodes, minutes of
// work) stops: T times after a client's cancellation and T times after the
// call's deadline, each from that moment until the server has released the
// query's worker and transaction (Server::running_requests() back to 0).
#include <grpcpp/grpcpp.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "bench/query/workload/json.h"
#include "bench/query/workload/workload_queries.h"
#include "copmap.grpc.pb.h"
#include "query/engine.h"
#include "server/grpc_runtime.h"
#include "server/server.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Flags {
  int persons = 10000;
  double seconds = 3;
  std::vector<int> clients = {1, 16};
  std::string target;
  std::string data;
  int server_pid = 0;
  int stop_trials = 0;
  bool client_retries = true;  // gRPC's retry support on the client channels
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
    } else if (name == "--stop-trials") {
      flags.stop_trials = std::stoi(value);
    } else if (name == "--target") {
      flags.target = value;
    } else if (name == "--data") {
      flags.data = value;
    } else if (name == "--client-retries") {
      flags.client_retries = value != "off";
    } else if (name == "--server-pid") {
      flags.server_pid = std::stoi(value);
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

// The lookup every client repeats: one query text and its parameter draws.
struct Lookup {
  std::string text;
  std::string param;
  std::vector<copmap::v1::Value> draws;
};

Lookup EmailLookup(int persons) {
  Lookup lookup{"MATCH (p:Person {email: $email}) RETURN p.name, p.title", "email", {}};
  lookup.draws.resize(static_cast<size_t>(persons));
  for (int i = 0; i < persons; ++i) lookup.draws[static_cast<size_t>(i)].set_string_value(Email(i));
  return lookup;
}

// Q1 of the workload with the ids of DATASET_DIR/params.json.
Lookup WorkloadQ1(const std::string& data_dir) {
  const std::string path = data_dir + "/params.json";
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  auto params = copmap::bench::Json::Parse(text.str());
  const copmap::bench::Json* ids = params.ok() ? params->Find("Q1") : nullptr;
  if (ids == nullptr || ids->size() == 0) {
    std::fprintf(stderr, "cannot read the Q1 draws of %s\n", path.c_str());
    std::exit(2);
  }
  Lookup lookup{std::string(copmap::bench::ReadQueries().front().text), "id", {}};
  for (const copmap::bench::Json& id : ids->items()) lookup.draws.emplace_back().set_int_value(id.as_int());
  return lookup;
}

// One round trip; false on any error or an answer other than one row.
bool RoundTrip(copmap::v1::Copmap::Stub& stub, const Lookup& lookup, size_t draw) {
  copmap::v1::QueryRequest request;
  request.set_query(lookup.text);
  auto* entry = request.mutable_parameters()->add_entries();
  entry->set_key(lookup.param);
  *entry->mutable_value() = lookup.draws[draw % lookup.draws.size()];
  grpc::ClientContext context;
  auto reader = stub.Query(&context, request);
  copmap::v1::QueryResponse response;
  size_t rows = 0;
  while (reader->Read(&response)) rows += response.rows_size();
  return reader->Finish().ok() && rows == 1;
}

// CPU seconds (user+sys) of this process, or of process `pid` when not 0.
double CpuSeconds(int pid) {
  if (pid == 0) {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  }
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  std::getline(stat, line);
  // Fields 14 and 15 (utime, stime, in clock ticks) follow the ")" that ends
  // the command name, which may itself hold spaces.
  std::stringstream rest(line.substr(line.rfind(')') + 2));
  std::string field;
  for (int i = 3; i < 14; ++i) rest >> field;
  double utime = 0, stime = 0;
  rest >> utime >> stime;
  return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

void RunLoad(const std::string& target, int clients, const Flags& flags, const Lookup& lookup) {
  std::vector<std::vector<double>> latencies(clients);
  std::atomic<int> errors{0};
  const auto end = Clock::now() + std::chrono::duration<double>(flags.seconds);
  const double client_cpu = CpuSeconds(0);
  const double server_cpu = flags.server_pid ? CpuSeconds(flags.server_pid) : 0;
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      grpc::ChannelArguments args;
      if (!flags.client_retries) args.SetInt(GRPC_ARG_ENABLE_RETRIES, 0);
      auto stub = copmap::v1::Copmap::NewStub(
          grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(), args));
      std::mt19937 random(42 + c);
      RoundTrip(*stub, lookup, random());  // connect and warm up
      while (Clock::now() < end) {
        const size_t draw = random();
        const auto start = Clock::now();
        if (!RoundTrip(*stub, lookup, draw)) ++errors;
        latencies[c].push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
      }
    });
  }
  for (auto& t : threads) t.join();
  const double client_cpu_s = CpuSeconds(0) - client_cpu;
  const double server_cpu_s = flags.server_pid ? CpuSeconds(flags.server_pid) - server_cpu : 0;
  std::vector<double> all;
  for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  if (all.empty()) return;
  std::printf(
      "%s clients=%d queries=%zu errors=%d qps=%.0f median_us=%.0f p99_us=%.0f "
      "client_cpu_s=%.2f",
      flags.data.empty() ? ("email-lookup persons=" + std::to_string(flags.persons)).c_str()
                         : ("Q1 data=" + flags.data).c_str(),
      clients, all.size(), errors.load(), all.size() / flags.seconds, all[all.size() / 2],
      all[std::min(all.size() - 1, all.size() * 99 / 100)], client_cpu_s);
  if (flags.server_pid) std::printf(" server_cpu_s=%.2f", server_cpu_s);
  std::printf("\n");
}

// Polls until the server runs `count` requests; the moment it does.
Clock::time_point WaitForRunning(const copmap::server::Server& server, size_t count) {
  while (server.running_requests() != count) std::this_thread::sleep_for(std::chrono::microseconds(50));
  return Clock::now();
}

void Report(const char* what, std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  std::printf("stop after %s: trials=%zu median_ms=%.2f max_ms=%.2f\n", what, ms.size(),
              ms[ms.size() / 2], ms.back());
}

// How long a running heavy query takes to stop after cancellation and after
// its deadline, measured until the server released it.
void MeasureStops(copmap::server::Server& server, int trials) {
  auto stub = copmap::v1::Copmap::NewStub(
      grpc::CreateChannel(server.address(), grpc::InsecureChannelCredentials()));
  auto heavy = [&](grpc::ClientContext* context) {
    copmap::v1::QueryRequest request;
    request.set_query("MATCH (a:N), (b:N), (c:N), (d:N) RETURN count(*)");
    auto reader = stub->Query(context, request);
    copmap::v1::QueryResponse response;
    while (reader->Read(&response)) {
    }
    reader->Finish();
  };
  std::vector<double> cancel_ms, deadline_ms;
  for (int t = 0; t < trials; ++t) {
    grpc::ClientContext context;
    std::thread client([&] { heavy(&context); });
    WaitForRunning(server, 1);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // well into the query
    const auto cancelled = Clock::now();
    context.TryCancel();
    cancel_ms.push_back(
        std::chrono::duration<double, std::milli>(WaitForRunning(server, 0) - cancelled).count());
    client.join();
  }
  for (int t = 0; t < trials; ++t) {
    grpc::ClientContext context;
    const auto deadline = std::chrono::system_clock::now() + std::chrono::milliseconds(100);
    context.set_deadline(deadline);
    std::thread client([&] { heavy(&context); });
    WaitForRunning(server, 1);
    const auto stopped = WaitForRunning(server, 0);
    // The deadline is on the system clock; carry it over to the steady one.
    const auto deadline_steady = Clock::now() - (std::chrono::system_clock::now() - deadline);
    deadline_ms.push_back(std::chrono::duration<double, std::milli>(stopped - deadline_steady).count());
    client.join();
  }
  Report("cancellation", cancel_ms);
  Report("deadline", deadline_ms);
}

}  // namespace

int main(int argc, char** argv) {
  Flags flags = ParseFlags(argc, argv);
  // The clients are release-mode gRPC clients too (see grpc_runtime.h),
  // unless COPMAP_BENCH_ABSL_DEBUG is set (to compare).
  if (std::getenv("COPMAP_BENCH_ABSL_DEBUG") == nullptr) copmap::server::UseReleaseModeAbseilMutexes();
  if (!flags.data.empty() && flags.target.empty()) {
    std::fprintf(stderr, "--data needs --target (a running server over that dataset)\n");
    return 2;
  }
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
    // The load left one merge operand per created node on the count keys in
    // the memtable, and every query reads the node count (the plan cache's
    // check), merging them all: flush so queries see the merged counts, as in
    // a store that was loaded a while ago (see docs/GRPC.md, Speed).
    if (auto flushed = engine->store().Flush(); !flushed.ok()) {
      std::fprintf(stderr, "%s\n", flushed.ToString().c_str());
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
    if (flags.stop_trials > 0) {
      auto grid = engine->Run("UNWIND range(1, 200) AS i CREATE (:N {i: i})");
      if (!grid.ok()) {
        std::fprintf(stderr, "%s\n", grid.status().ToString().c_str());
        return 3;
      }
    }
  }
  const Lookup lookup = flags.data.empty() ? EmailLookup(flags.persons) : WorkloadQ1(flags.data);
  for (int clients : flags.clients) RunLoad(flags.target, clients, flags, lookup);
  if (flags.stop_trials > 0 && server) MeasureStops(*server, flags.stop_trials);
  server.reset();
  engine.reset();
  if (!dir.empty()) std::filesystem::remove_all(dir);
  return 0;
}
