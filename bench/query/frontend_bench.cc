// Parse, Bind and Plan of typical workload queries. The store is real but
// tiny (a few nodes, a Person.id index), since planning reads only the
// catalog and counts. Prints nothing but Google Benchmark's table.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "query/binder/binder.h"
#include "query/engine.h"
#include "query/parser/parser.h"
#include "query/planner/planner.h"

namespace copmap::query {
namespace {

constexpr const char* kQueries[] = {
    "MATCH (p:Person) WHERE p.id = $id RETURN p.name AS name, p.email AS email",
    "MATCH (p:Person)-[e:EXPERT_IN]->(d:Domain) WHERE d.id = $id AND e.level >= 3\n"
    "RETURN p.id AS id, e.level AS level ORDER BY level DESC, id ASC LIMIT 10",
    "MATCH (a:Person)-[:KNOWS*1..2]->(b:Person)-[:EXPERT_IN]->(d:Domain)\n"
    "WHERE a.id = $pid AND d.id = $did AND b.id <> $pid\n"
    "RETURN count(DISTINCT b.id) AS n",
};

struct Fixture {
  Fixture() {
    dir = std::filesystem::temp_directory_path() / "copmap_frontend_bench";
    std::filesystem::remove_all(dir);
    engine = std::move(Engine::Open(dir.string()).value());
    (void)engine->Run("CREATE (:Person {id: 1})-[:EXPERT_IN {level: 3}]->(:Domain {id: 2})");
    (void)engine->Run("CREATE INDEX FOR (p:Person) ON (p.id)");
  }
  ~Fixture() {
    engine.reset();
    std::filesystem::remove_all(dir);
  }
  std::filesystem::path dir;
  std::unique_ptr<Engine> engine;
};

void BM_ParseBindPlan(benchmark::State& state) {
  static Fixture fixture;
  const char* text = kQueries[state.range(0)];
  auto txn = fixture.engine->store().Begin({true});
  for (auto _ : state) {
    auto statement = Parse(text);
    auto bound = Bind(*statement, text);
    auto plan = Plan(std::make_unique<BoundStatement>(std::move(bound).value()), *txn);
    benchmark::DoNotOptimize(plan.ok());
  }
  state.SetLabel("workload query " + std::to_string(state.range(0)) + ", " +
                 std::to_string(std::strlen(text)) + " bytes, dataset 2 nodes");
}
BENCHMARK(BM_ParseBindPlan)->DenseRange(0, 2);

void BM_ParseOnly(benchmark::State& state) {
  const char* text = kQueries[state.range(0)];
  for (auto _ : state) benchmark::DoNotOptimize(Parse(text).ok());
}
BENCHMARK(BM_ParseOnly)->DenseRange(0, 2);

}  // namespace
}  // namespace copmap::query
