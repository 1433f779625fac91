// Storage micro-benchmarks: codec, point read, 1-hop expansion, durable
// commit, bulk load. Fixed seed; the dataset size is printed with every run.
//
//   storage_bench [--benchmark_filter=...]   (COPMAP_BENCH_NODES, COPMAP_BENCH_DEGREE)
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>

#include <benchmark/benchmark.h>

#include "storage/codec.h"
#include "storage/graph_store.h"

namespace copmap::storage {
namespace {

uint64_t EnvOr(const char* name, uint64_t fallback) {
  const char* v = std::getenv(name);
  return v ? std::strtoull(v, nullptr, 10) : fallback;
}

// One dataset shared by the read benchmarks: N people with an email, each
// with DEGREE outgoing KNOWS relationships to random others (seed 42).
struct Dataset {
  std::string dir;
  std::unique_ptr<GraphStore> store;
  uint64_t nodes = 0, rels = 0;
  NodeId first = 0;
  PropKeyId email = 0;
  RelTypeId knows = 0;
  double load_seconds = 0;

  Dataset() {
    nodes = EnvOr("COPMAP_BENCH_NODES", 100000);
    uint64_t degree = EnvOr("COPMAP_BENCH_DEGREE", 10);
    dir = (std::filesystem::temp_directory_path() /
           ("copmap-bench-" + std::to_string(::getpid())))
              .string();
    std::filesystem::remove_all(dir);
    store = std::move(GraphStore::Open(dir)).value();
    auto start = std::chrono::steady_clock::now();
    auto loader = std::move(store->BeginBulkLoad()).value();
    LabelId person = *loader->Label("Person");
    email = *loader->PropKey("email");
    PropKeyId name = *loader->PropKey("name");
    knows = *loader->RelType("KNOWS");
    std::mt19937_64 rng(42);
    for (uint64_t i = 0; i < nodes; ++i) {
      NodeId id = *loader->AddNode({person}, {{email, Value("p" + std::to_string(i) + "@x.org")},
                                              {name, Value("Person " + std::to_string(i))}});
      if (i == 0) first = id;
    }
    for (uint64_t i = 0; i < nodes; ++i) {
      for (uint64_t d = 0; d < degree; ++d) {
        (void)*loader->AddRel(knows, first + i, first + rng() % nodes, {});
        ++rels;
      }
    }
    if (!loader->Finish().ok()) std::abort();
    load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "dataset: %llu nodes, %llu relationships, bulk load %.2f s (%.0f rels/s)\n",
                 (unsigned long long)nodes, (unsigned long long)rels, load_seconds,
                 rels / load_seconds);
  }
  ~Dataset() {
    store.reset();
    std::filesystem::remove_all(dir);
  }
};

Dataset& Data() {
  static Dataset d;
  return d;
}

void Label(benchmark::State& state) {
  state.SetLabel(std::to_string(Data().nodes) + " nodes, " + std::to_string(Data().rels) + " rels");
}

void BM_EncodeNodeRecord(benchmark::State& state) {
  NodeRecord n{1, {0, 3}, {{0, Value("ada@example.org")}, {1, Value("Ada Lovelace")},
                           {2, Value(int64_t{1815})}, {3, Value(Date{-56000})}}};
  for (auto _ : state) benchmark::DoNotOptimize(codec::EncodeNodeRecord(n));
}
BENCHMARK(BM_EncodeNodeRecord);

void BM_DecodeNodeRecord(benchmark::State& state) {
  NodeRecord n{1, {0, 3}, {{0, Value("ada@example.org")}, {1, Value("Ada Lovelace")},
                           {2, Value(int64_t{1815})}, {3, Value(Date{-56000})}}};
  std::string bytes = codec::EncodeNodeRecord(n);
  for (auto _ : state) benchmark::DoNotOptimize(codec::DecodeNodeRecord(1, bytes));
}
BENCHMARK(BM_DecodeNodeRecord);

void BM_EncodeIndexValue(benchmark::State& state) {
  Value v("ada@example.org");
  for (auto _ : state) {
    std::string out;
    benchmark::DoNotOptimize(codec::EncodeIndexValue(v, &out));
  }
}
BENCHMARK(BM_EncodeIndexValue);

void BM_GetNodeWarm(benchmark::State& state) {
  Dataset& d = Data();
  auto t = d.store->Begin(TransactionOptions{.read_only = true});
  std::mt19937_64 rng(7);
  for (auto _ : state) {
    auto n = t->GetNode(d.first + rng() % d.nodes);
    benchmark::DoNotOptimize(n);
  }
  Label(state);
}
BENCHMARK(BM_GetNodeWarm);

void BM_Expand1Hop(benchmark::State& state) {
  Dataset& d = Data();
  auto t = d.store->Begin(TransactionOptions{.read_only = true});
  std::mt19937_64 rng(7);
  uint64_t edges = 0;
  for (auto _ : state) {
    for (auto it = t->Expand(d.first + rng() % d.nodes, Direction::kOut, d.knows); it->Valid();
         it->Next()) {
      benchmark::DoNotOptimize(it->entry().neighbor);
      ++edges;
    }
  }
  state.counters["edges_per_expand"] = double(edges) / state.iterations();
  Label(state);
}
BENCHMARK(BM_Expand1Hop);

void BM_IndexSeekUnique(benchmark::State& state) {
  Dataset& d = Data();
  auto t = d.store->Begin(TransactionOptions{.read_only = true});
  LabelId person = *t->FindLabel("Person");
  std::mt19937_64 rng(7);
  for (auto _ : state) {
    auto it = std::move(
        t->IndexSeek(person, d.email, Value("p" + std::to_string(rng() % d.nodes) + "@x.org")))
                  .value();
    benchmark::DoNotOptimize(it->Valid());
  }
  Label(state);
}
BENCHMARK(BM_IndexSeekUnique);

// One durable (WAL-synced) commit adding one relationship, from 1 or 8
// threads at once. items_per_second is the commit rate of all threads
// together: RocksDB's write group lets concurrent committers share one WAL
// write and one fdatasync, so 8 writers should commit several times more
// per second than one (Q10's group-commit target: at least 4x).
void BM_DurableCommitOneRel(benchmark::State& state) {
  Dataset& d = Data();
  std::mt19937_64 rng(9 + state.thread_index());
  for (auto _ : state) {
    auto t = d.store->Begin();
    (void)*t->CreateRel(d.knows, d.first + rng() % d.nodes, d.first + rng() % d.nodes, {});
    if (!t->Commit().ok()) state.SkipWithError("commit failed");
  }
  state.SetItemsProcessed(state.iterations());
  Label(state);
}
BENCHMARK(BM_DurableCommitOneRel)->UseRealTime()->Threads(1)->Threads(8);

}  // namespace
}  // namespace copmap::storage

BENCHMARK_MAIN();
