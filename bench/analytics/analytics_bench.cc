// Benchmarks of the analytics on synthetic CoP graphs (see synthetic_cop.h).
// Every figure carries the dataset size in its counters (people, ties).
//
//   build-*/bench/analytics/analytics_bench --benchmark_filter=Betweenness
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "bench/analytics/synthetic_cop.h"
#include "query/analytics/betweenness.h"
#include "query/analytics/cop_procedures.h"
#include "query/analytics/label_propagation.h"
#include "query/analytics/louvain.h"
#include "query/analytics/projection.h"
#include "query/analytics/random.h"

namespace copmap::analytics::bench {
namespace {

constexpr uint64_t kSeed = 42;

const SyntheticCop& Cop(uint32_t people) {
  static std::map<uint32_t, SyntheticCop> cache;
  auto it = cache.find(people);
  if (it == cache.end()) it = cache.emplace(people, GenerateCop(people, kSeed)).first;
  return it->second;
}

// The undirected KNOWS projection of a synthetic organization.
const Projection& Knows(uint32_t people) {
  static std::map<uint32_t, Projection> cache;
  auto it = cache.find(people);
  if (it == cache.end()) {
    const SyntheticCop& cop = Cop(people);
    it = cache.emplace(people, Projection::FromEdges(people, cop.knows, false).value()).first;
  }
  return it->second;
}

void SetSize(benchmark::State& state, const Projection& g) {
  state.counters["people"] = g.num_nodes();
  state.counters["ties"] = static_cast<double>(g.num_edges());
}

// Args: people, threads. With 2 threads read the wall ("real") time.
void BM_BetweennessExact(benchmark::State& state) {
  const Projection& g = Knows(static_cast<uint32_t>(state.range(0)));
  BetweennessOptions options;
  options.threads = static_cast<uint32_t>(state.range(1));
  for (auto _ : state) benchmark::DoNotOptimize(Betweenness(g, options).value().score.data());
  SetSize(state, g);
}
BENCHMARK(BM_BetweennessExact)
    ->Args({10'000, 1})
    ->Args({10'000, 2})
    ->UseRealTime()
    ->Unit(benchmark::kSecond)
    ->Iterations(1);

void BM_BetweennessSampled(benchmark::State& state) {
  const Projection& g = Knows(static_cast<uint32_t>(state.range(0)));
  BetweennessOptions options;
  options.samples = 256;
  double bound = 0;
  for (auto _ : state) bound = Betweenness(g, options).value().error_bound;
  SetSize(state, g);
  state.counters["pivots"] = 256;
  state.counters["error_bound"] = bound;
}
BENCHMARK(BM_BetweennessSampled)->Arg(100'000)->Unit(benchmark::kSecond)->Iterations(1);

void BM_Louvain(benchmark::State& state) {
  const Projection& g = Knows(static_cast<uint32_t>(state.range(0)));
  Partition p;
  for (auto _ : state) p = Louvain(g).value();
  SetSize(state, g);
  state.counters["modularity"] = p.modularity;
  state.counters["communities"] = p.count;
}
BENCHMARK(BM_Louvain)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kSecond)->Iterations(1);

void BM_LabelPropagation(benchmark::State& state) {
  const Projection& g = Knows(static_cast<uint32_t>(state.range(0)));
  Partition p;
  for (auto _ : state) p = LabelPropagation(g).value();
  SetSize(state, g);
  state.counters["modularity"] = p.modularity;
}
BENCHMARK(BM_LabelPropagation)->Arg(100'000)->Unit(benchmark::kSecond)->Iterations(1);

// A store holding a synthetic organization: in a temp dir removed at exit,
// or, when COPMAP_ANALYTICS_BENCH_DIR is set, kept in <that dir>/people-<N>
// and reused by later runs (loading 100k people takes minutes on 2 cores).
struct LoadedStore {
  std::string dir;
  bool keep = false;
  std::unique_ptr<storage::GraphStore> store;
  std::vector<storage::NodeId> people;
  ~LoadedStore() {
    store.reset();
    if (!keep) std::filesystem::remove_all(dir);
  }
};

// Closed by an atexit handler registered after RocksDB's own statics exist,
// so that the stores close before RocksDB's statics are destroyed (a static
// map destroyed after them crashed at exit).
std::map<uint32_t, std::unique_ptr<LoadedStore>>& Stores() {
  static auto* stores = new std::map<uint32_t, std::unique_ptr<LoadedStore>>();
  return *stores;
}
void CloseStores() { Stores().clear(); }

LoadedStore& Store(uint32_t people) {
  auto& cache = Stores();
  auto& slot = cache[people];
  if (!slot) {
    slot = std::make_unique<LoadedStore>();
    const char* kept = std::getenv("COPMAP_ANALYTICS_BENCH_DIR");
    slot->keep = kept != nullptr;
    slot->dir = kept ? std::string(kept) + "/people-" + std::to_string(people)
                     : (std::filesystem::temp_directory_path() /
                        ("copmap-analytics-bench-" + std::to_string(::getpid()) + "-" +
                         std::to_string(people)))
                           .string();
    bool reuse = slot->keep && std::filesystem::exists(slot->dir + "/DONE");
    if (!reuse) std::filesystem::remove_all(slot->dir);
    std::filesystem::create_directories(std::filesystem::path(slot->dir).parent_path());
    storage::StoreOptions options;
    options.sync_commits = false;
    slot->store = storage::GraphStore::Open(slot->dir, options).value();
    if (reuse) {
      auto txn = slot->store->Begin({.read_only = true});
      auto it = txn->ScanLabel(*txn->FindLabel("Person"));
      for (; it->Valid(); it->Next()) slot->people.push_back(it->id());
      std::sort(slot->people.begin(), slot->people.end());
    } else {
      slot->people = LoadCop(Cop(people), *slot->store).value();
      if (slot->keep) std::ofstream(slot->dir + "/DONE") << "loaded\n";
    }
    static bool registered = (std::atexit(CloseStores), true);
    (void)registered;
  }
  return *slot;
}

void BM_ProjectionFromStore(benchmark::State& state) {
  LoadedStore& s = Store(static_cast<uint32_t>(state.range(0)));
  ProjectionSpec spec;
  spec.node_labels = {"Person"};
  spec.rel_types = {"KNOWS"};
  Projection g;
  for (auto _ : state) {
    auto txn = s.store->Begin({.read_only = true});
    g = Projection::FromStore(*txn, spec).value();
  }
  SetSize(state, g);
}
BENCHMARK(BM_ProjectionFromStore)->Arg(100'000)->Unit(benchmark::kMillisecond)->Iterations(3);

// cop.experts(domain, {from: person}) with a different person and domain
// each iteration (domains 0..99 of the Zipf popularity ranking).
void BM_ExpertsFrom(benchmark::State& state) {
  auto people = static_cast<uint32_t>(state.range(0));
  LoadedStore& s = Store(people);
  Rng rng(kSeed);
  uint64_t rows = 0;
  {
    // The first call builds the shared KNOWS projection (trust_projection.h);
    // later calls on the same data reuse it. Timed apart.
    auto start = std::chrono::steady_clock::now();
    auto txn = s.store->Begin({.read_only = true});
    auto first = RunCopProcedure(*txn, "cop.experts",
                                 {Value("domain-0"), Value(ValueMap{{"from", Value(int64_t(s.people[0]))}})});
    state.counters["first_call_ms"] =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!first.ok()) state.SkipWithError(first.status().ToString().c_str());
  }
  for (auto _ : state) {
    std::string domain = "domain-" + std::to_string(rng.Uniform(100));
    int64_t from = static_cast<int64_t>(s.people[rng.Uniform(people)]);
    auto txn = s.store->Begin({.read_only = true});
    auto result = RunCopProcedure(*txn, "cop.experts",
                                  {Value(domain), Value(ValueMap{{"from", Value(from)}})});
    if (!result.ok()) {
      state.SkipWithError(result.status().ToString().c_str());
      break;
    }
    rows += result->rows.size();
  }
  state.counters["people"] = people;
  state.counters["ties"] = static_cast<double>(Cop(people).knows.size());
  state.counters["rows_per_call"] = static_cast<double>(rows) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_ExpertsFrom)->Arg(100'000)->Unit(benchmark::kMillisecond)->Iterations(200);

}  // namespace
}  // namespace copmap::analytics::bench
