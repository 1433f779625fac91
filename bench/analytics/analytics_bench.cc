// Benchmarks of the analytics on CoP graphs. Every figure carries the
// dataset size in its counters (people, ties).
//
// Where the graphs come from: with COPMAP_ANALYTICS_DATA=DIR, the stores
// DIR/people-<N>.db made from the workload's generator
//   copmap gen --people N --seed 42 --out /tmp/x
//   copmap import --db DIR/people-<N>.db /tmp/x
// (benchmarks whose store is missing are skipped); otherwise synthetic_cop.h's
// generator, loaded into a temp store when a benchmark needs one.
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

const char* DataDir() { return std::getenv("COPMAP_ANALYTICS_DATA"); }

// A store holding an organization of `people`: the imported one under
// COPMAP_ANALYTICS_DATA, else the synthetic one in a temp dir removed at exit.
struct LoadedStore {
  std::string dir;
  bool imported = false;
  std::unique_ptr<storage::GraphStore> store;
  std::vector<storage::NodeId> people;   // ascending
  std::vector<storage::NodeId> domains;  // ascending
  ~LoadedStore() {
    store.reset();
    if (!imported) std::filesystem::remove_all(dir);
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

std::vector<storage::NodeId> Labelled(storage::GraphStore& store, const char* label) {
  std::vector<storage::NodeId> ids;
  auto txn = store.Begin({.read_only = true});
  auto id = txn->FindLabel(label);
  if (!id) return ids;
  for (auto it = txn->ScanLabel(*id); it->Valid(); it->Next()) ids.push_back(it->id());
  std::sort(ids.begin(), ids.end());
  return ids;
}

// nullptr (with the reason in *error) when the imported store is missing.
LoadedStore* Store(uint32_t people, std::string* error) {
  auto& slot = Stores()[people];
  if (!slot) {
    auto s = std::make_unique<LoadedStore>();
    storage::StoreOptions options;
    options.sync_commits = false;
    if (const char* data = DataDir()) {
      s->imported = true;
      s->dir = std::string(data) + "/people-" + std::to_string(people) + ".db";
      options.create_if_missing = false;
      auto opened = storage::GraphStore::Open(s->dir, options);
      if (!opened.ok()) {
        *error = s->dir + ": " + opened.status().ToString();
        Stores().erase(people);
        return nullptr;
      }
      s->store = std::move(opened).value();
      s->people = Labelled(*s->store, "Person");
    } else {
      s->dir = (std::filesystem::temp_directory_path() /
                ("copmap-analytics-bench-" + std::to_string(::getpid()) + "-" +
                 std::to_string(people)))
                   .string();
      std::filesystem::remove_all(s->dir);
      s->store = storage::GraphStore::Open(s->dir, options).value();
      s->people = LoadCop(Cop(people), *s->store).value();
    }
    s->domains = Labelled(*s->store, "Domain");
    slot = std::move(s);
    static bool registered = (std::atexit(CloseStores), true);
    (void)registered;
  }
  return slot.get();
}

// The undirected KNOWS projection between people (as cop.brokers uses it):
// from the imported store, or from the synthetic organization's edge list.
const Projection* Knows(uint32_t people, std::string* error) {
  static std::map<uint32_t, Projection> cache;
  auto it = cache.find(people);
  if (it == cache.end()) {
    Projection g;
    if (DataDir()) {
      LoadedStore* s = Store(people, error);
      if (s == nullptr) return nullptr;
      ProjectionSpec spec;
      spec.node_labels = {"Person"};
      spec.rel_types = {"KNOWS"};
      auto txn = s->store->Begin({.read_only = true});
      g = Projection::FromStore(*txn, spec).value();
    } else {
      g = Projection::FromEdges(people, Cop(people).knows, false).value();
    }
    it = cache.emplace(people, std::move(g)).first;
  }
  return &it->second;
}

// The projection for state.range(0) people; nullptr after marking the
// benchmark skipped when its data is missing.
const Projection* KnowsOrSkip(benchmark::State& state) {
  std::string error;
  const Projection* g = Knows(static_cast<uint32_t>(state.range(0)), &error);
  if (g == nullptr) state.SkipWithError(error.c_str());
  return g;
}

void SetSize(benchmark::State& state, const Projection& g) {
  state.counters["people"] = g.num_nodes();
  state.counters["ties"] = static_cast<double>(g.num_edges());
}

// Args: people, threads. With 2 threads read the wall ("real") time.
void BM_BetweennessExact(benchmark::State& state) {
  const Projection* g = KnowsOrSkip(state);
  if (g == nullptr) return;
  BetweennessOptions options;
  options.threads = static_cast<uint32_t>(state.range(1));
  for (auto _ : state) benchmark::DoNotOptimize(Betweenness(*g, options).value().score.data());
  SetSize(state, *g);
}
BENCHMARK(BM_BetweennessExact)
    ->Args({10'000, 1})
    ->Args({10'000, 2})
    ->UseRealTime()
    ->Unit(benchmark::kSecond)
    ->Iterations(1);

void BM_BetweennessSampled(benchmark::State& state) {
  const Projection* g = KnowsOrSkip(state);
  if (g == nullptr) return;
  BetweennessOptions options;
  options.samples = 256;
  double bound = 0;
  for (auto _ : state) bound = Betweenness(*g, options).value().error_bound;
  SetSize(state, *g);
  state.counters["pivots"] = 256;
  state.counters["error_bound"] = bound;
}
BENCHMARK(BM_BetweennessSampled)->Arg(100'000)->Unit(benchmark::kSecond)->Iterations(1);

void BM_Louvain(benchmark::State& state) {
  const Projection* g = KnowsOrSkip(state);
  if (g == nullptr) return;
  Partition p;
  for (auto _ : state) p = Louvain(*g).value();
  SetSize(state, *g);
  state.counters["modularity"] = p.modularity;
  state.counters["communities"] = p.count;
}
BENCHMARK(BM_Louvain)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kSecond)->Iterations(1);

void BM_LabelPropagation(benchmark::State& state) {
  const Projection* g = KnowsOrSkip(state);
  if (g == nullptr) return;
  Partition p;
  for (auto _ : state) p = LabelPropagation(*g).value();
  SetSize(state, *g);
  state.counters["modularity"] = p.modularity;
  state.counters["communities"] = p.count;
  state.counters["rounds"] = p.iterations;
}
BENCHMARK(BM_LabelPropagation)->Arg(100'000)->Unit(benchmark::kSecond)->Iterations(1);

// The store for state.range(0) people; nullptr after marking the benchmark
// skipped when it is missing.
LoadedStore* StoreOrSkip(benchmark::State& state) {
  std::string error;
  LoadedStore* s = Store(static_cast<uint32_t>(state.range(0)), &error);
  if (s == nullptr) state.SkipWithError(error.c_str());
  return s;
}

void BM_ProjectionFromStore(benchmark::State& state) {
  LoadedStore* s = StoreOrSkip(state);
  if (s == nullptr) return;
  ProjectionSpec spec;
  spec.node_labels = {"Person"};
  spec.rel_types = {"KNOWS"};
  spec.weight_property = "strength";
  Projection g;
  for (auto _ : state) {
    auto txn = s->store->Begin({.read_only = true});
    g = Projection::FromStore(*txn, spec).value();
  }
  SetSize(state, g);
}
BENCHMARK(BM_ProjectionFromStore)->Arg(100'000)->Unit(benchmark::kMillisecond)->Iterations(3);

// Names of the domains cop.experts is asked about: the 100 with the most
// EXPERT_IN ties (popular) or every domain.
std::vector<std::string> DomainNames(LoadedStore& s, bool popular) {
  auto txn = s.store->Begin({.read_only = true});
  auto expert_in = txn->FindRelType("EXPERT_IN");
  std::vector<std::pair<uint64_t, storage::NodeId>> by_experts;
  for (storage::NodeId d : s.domains) {
    uint64_t n = expert_in ? txn->Degree(d, storage::Direction::kIn, *expert_in).value() : 0;
    by_experts.push_back({n, d});
  }
  std::stable_sort(by_experts.begin(), by_experts.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  if (popular && by_experts.size() > 100) by_experts.resize(100);
  std::vector<std::string> names;
  auto name = *txn->FindPropKey("name");
  for (const auto& [n, d] : by_experts) names.push_back(txn->GetNodeProperty(d, name)->as_string());
  return names;
}

Result<ProcedureRows> ExpertsFrom(LoadedStore& s, const std::string& domain, storage::NodeId from) {
  auto txn = s.store->Begin({.read_only = true});
  return RunCopProcedure(*txn, "cop.experts",
                         {Value(domain), Value(ValueMap{{"from", Value(int64_t(from))}})});
}

void SetExpertsCounters(benchmark::State& state, const LoadedStore& s) {
  state.counters["people"] = static_cast<double>(s.people.size());
  auto txn = s.store->Begin({.read_only = true});
  auto knows = txn->FindRelType("KNOWS");
  state.counters["ties"] = knows ? static_cast<double>(txn->CountRels(*knows).value()) : 0;
}

// cop.experts(domain, {from: person}) with a different person and domain
// each iteration; args: people, 0 = the 100 most popular domains, 1 = any
// domain (fewer experts, further away). The shared KNOWS projection is built
// before timing (BM_ExpertsFirstCall times that).
void BM_ExpertsFrom(benchmark::State& state) {
  LoadedStore* s = StoreOrSkip(state);
  if (s == nullptr) return;
  std::vector<std::string> domains = DomainNames(*s, state.range(1) == 0);
  Rng rng(kSeed);
  if (auto warm = ExpertsFrom(*s, domains[0], s->people[0]); !warm.ok()) {
    state.SkipWithError(warm.status().ToString().c_str());
    return;
  }
  uint64_t rows = 0;
  for (auto _ : state) {
    const std::string& domain = domains[rng.Uniform(domains.size())];
    storage::NodeId from = s->people[rng.Uniform(s->people.size())];
    auto result = ExpertsFrom(*s, domain, from);
    if (!result.ok()) {
      state.SkipWithError(result.status().ToString().c_str());
      break;
    }
    rows += result->rows.size();
  }
  SetExpertsCounters(state, *s);
  state.counters["domains"] = static_cast<double>(domains.size());
  state.counters["rows_per_call"] = static_cast<double>(rows) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_ExpertsFrom)
    ->Args({100'000, 0})
    ->Args({100'000, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(200);

// The first cop.experts with `from` on data not seen before (after a write or
// a bulk load), which builds the shared KNOWS projection: each iteration
// reopens the store (untimed), so its data version is new.
void BM_ExpertsFirstCall(benchmark::State& state) {
  LoadedStore* s = StoreOrSkip(state);
  if (s == nullptr) return;
  std::vector<std::string> domains = DomainNames(*s, true);
  for (auto _ : state) {
    state.PauseTiming();
    s->store.reset();
    storage::StoreOptions options;
    options.sync_commits = false;
    s->store = storage::GraphStore::Open(s->dir, options).value();
    state.ResumeTiming();
    auto result = ExpertsFrom(*s, domains[0], s->people[0]);
    if (!result.ok()) {
      state.SkipWithError(result.status().ToString().c_str());
      break;
    }
  }
  SetExpertsCounters(state, *s);
}
BENCHMARK(BM_ExpertsFirstCall)->Arg(100'000)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace copmap::analytics::bench
