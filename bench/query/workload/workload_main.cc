// copmap_workload: runs the CoP standard workload (WORKLOAD.md v1) against
// copmap in-process and reports timings and answer checksums in the same JSON
// shape as the peer runners (peers/bench_common.js), so that
// ref_answers.py --compare can check it draw by draw.
//
//   copmap_workload --data DATASET_DIR --db NEW_DB_DIR [--out result.json]
//                   [--draws N] [--reps N] [--warmup N] [--writes N] [--queries Q1,Q2,...]
//                   [--explain yes] [--passes N]
//   copmap_workload --data DATASET_DIR --reuse-db LOADED_DB_DIR [...]
//
// --reuse-db opens a store an earlier run loaded from the same dataset and
// skips Q9 (quick checks while profiling; not for the published race). Leave
// Q10 out of --queries then, or the store no longer matches the dataset.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "bench/query/workload/json.h"
#include "bench/query/workload/sha256.h"
#include "bench/query/workload/workload_queries.h"
#include "query/engine.h"
#include "storage/interchange/csv_importer.h"

namespace copmap::bench {
namespace {

namespace fs = std::filesystem;

struct Args {
  std::string data, db, out;
  bool reuse = false;  // --reuse-db: db is already loaded, skip Q9
  size_t passes = 1;  // --passes N: time only the last of N passes over the draws (warm-cache profiling)
  bool explain = false;  // --explain yes: print each read query's plan (first draw) before timing it
  size_t draws = 0, writes = 0;  // 0: all of params.json
  size_t reps = 20, warmup = 5;
  std::string queries = "Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q10";  // as the peers' --queries
  bool Wants(std::string_view name) const {
    return ("," + queries + ",").find("," + std::string(name) + ",") != std::string::npos;
  }
};

double NowMs() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "copmap_workload: %s\n", what.c_str());
  std::exit(1);
}

Args ParseArgs(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string k = argv[i];
    if (i + 1 >= argc) Die("option " + k + " needs a value (see the header of workload_main.cc)");
    std::string v = argv[++i];
    auto count = [&] {
      try {
        return static_cast<size_t>(std::stoull(v));
      } catch (...) {
        Die("option " + k + ": not a count: '" + v + "'");
      }
    };
    if (k == "--data") a.data = v;
    else if (k == "--db") a.db = v;
    else if (k == "--reuse-db") {
      a.db = v;
      a.reuse = true;
    }
    else if (k == "--out") a.out = v;
    else if (k == "--draws") a.draws = count();
    else if (k == "--reps") a.reps = count();
    else if (k == "--warmup") a.warmup = count();
    else if (k == "--writes") a.writes = count();
    else if (k == "--queries") a.queries = v;
    else if (k == "--passes") a.passes = std::max<size_t>(1, count());
    else if (k == "--explain") a.explain = v == "yes";
    else Die("unknown option '" + k + "'");
  }
  if (a.data.empty() || a.db.empty()) {
    Die("usage: copmap_workload --data DATASET_DIR --db NEW_DB_DIR [--out FILE] [--draws N] "
        "[--reps N] [--warmup N] [--writes N] [--queries Q1,...]");
  }
  if (a.reuse && !fs::exists(fs::path(a.db) / "CURRENT")) Die("--reuse-db " + a.db + ": not a loaded store");
  if (!a.reuse && fs::exists(a.db) && !fs::is_empty(a.db)) Die("--db " + a.db + ": must be new or empty (Q9 loads into an empty database)");
  return a;
}

Json ReadJson(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) Die(path.string() + ": cannot open");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto doc = Json::Parse(text);
  if (!doc.ok()) Die(path.string() + ": " + doc.status().ToString());
  return std::move(*doc);
}

const Json& Member(const Json& obj, std::string_view key, std::string_view file) {
  const Json* v = obj.Find(key);
  if (v == nullptr) Die(std::string(file) + ": no member '" + std::string(key) + "'");
  return *v;
}

template <typename T>
T Unwrap(Result<T> r, std::string_view what) {
  if (!r.ok()) Die(std::string(what) + ": " + r.status().ToString());
  return std::move(*r);
}

std::string Checksum(const std::vector<std::string>& lines) {
  Sha256 h;
  for (size_t i = 0; i < lines.size(); ++i) h.Update(std::to_string(i) + "\t" + lines[i] + "\n");
  return h.HexDigest().substr(0, 16);
}

// Nearest rank, as in bench_common.js: the ceil(p% * n)-th smallest.
double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return NAN;
  size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size())));
  return sorted[std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1)];
}

Json Stats(std::string_view name, const std::vector<double>& times, double total_ms,
           const std::vector<std::string>& lines) {
  std::vector<double> sorted = times;
  std::sort(sorted.begin(), sorted.end());
  double sum = 0;
  for (double t : times) sum += t;
  Json r = Json::Object();
  r.Set("query", name);
  r.Set("runs", uint64_t{times.size()});
  r.Set("median_ms", Percentile(sorted, 50));
  r.Set("p99_ms", Percentile(sorted, 99));
  r.Set("mean_ms", times.empty() ? 0.0 : sum / static_cast<double>(times.size()));
  r.Set("min_ms", sorted.empty() ? 0.0 : sorted.front());
  r.Set("max_ms", sorted.empty() ? 0.0 : sorted.back());
  r.Set("total_ms", total_ms);
  r.Set("checksum", Checksum(lines));
  r.Set("results", Json(lines));
  return r;
}

// One params.json draw as the query's parameters (an integer, or a pair).
ValueMap Bind(const ReadQuery& q, const Json& draw) {
  ValueMap params;
  if (q.params.size() == 1) params.emplace_back(std::string(q.params[0]), Value(draw.as_int()));
  if (q.params.size() == 2) {
    for (size_t i = 0; i < 2; ++i) params.emplace_back(std::string(q.params[i]), Value(draw[i].as_int()));
  }
  return params;
}

Json Load(query::Engine& engine, const Args& args) {
  Json steps = Json::Object();
  double t0 = NowMs();
  interchange::ImportOptions options;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(args.data)) {
    if (e.path().extension() == ".csv") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) options.paths.push_back(f.string());
  interchange::ImportSummary summary;
  std::vector<std::string> errors;
  Status s = interchange::ImportCsv(engine.store(), options, &summary, &errors);
  for (const auto& e : errors) std::fprintf(stderr, "import error: %s\n", e.c_str());
  if (!s.ok()) Die("load: " + s.ToString());
  double t1 = NowMs();
  steps.Set("import", (t1 - t0) / 1000);
  for (std::string_view stmt : kLoadIndexes) Unwrap(engine.Run(stmt), stmt);
  double t2 = NowMs();
  steps.Set("indexes", (t2 - t1) / 1000);
  if (Status f = engine.store().Flush(); !f.ok()) Die("flush: " + f.ToString());
  double t3 = NowMs();
  steps.Set("flush", (t3 - t2) / 1000);
  std::fprintf(stderr, "[copmap] loaded %llu nodes, %llu relationships in %.2f s\n",
               static_cast<unsigned long long>(summary.nodes),
               static_cast<unsigned long long>(summary.relationships), (t3 - t0) / 1000);
  Json load = Json::Object();
  load.Set("total_s", (t3 - t0) / 1000);
  load.Set("steps", std::move(steps));
  load.Set("nodes", summary.nodes);
  load.Set("relationships", summary.relationships);
  return load;
}

Json RunRead(query::Engine& engine, const ReadQuery& q, const std::vector<Json>& draws, size_t warmup) {
  query::QueryOptions options;
  auto run = [&](const Json& draw) {
    options.params = Bind(q, draw);
    return Unwrap(engine.Run(q.text, options), q.name);
  };
  for (size_t i = 0; i < std::min(warmup, draws.size()); ++i) run(draws[i]);
  std::vector<double> times;
  std::vector<std::string> lines;
  double t0 = NowMs();
  for (const Json& draw : draws) {
    double s = NowMs();
    query::QueryResult result = run(draw);
    times.push_back(NowMs() - s);
    lines.push_back(CanonicalLine(q.name, result.rows));
  }
  Json r = Stats(q.name, times, NowMs() - t0, lines);
  std::fprintf(stderr, "[copmap] %s: median %.3f ms p99 %.3f ms (%zu runs)\n", std::string(q.name).c_str(),
               r.Find("median_ms")->as_double(), r.Find("p99_ms")->as_double(), times.size());
  return r;
}

int64_t CountKnows(query::Engine& engine) {
  query::QueryResult r = Unwrap(engine.Run(kCountKnowsQuery), "count KNOWS");
  if (r.rows.empty() || !r.rows[0][0].is_int()) Die("count KNOWS: no integer answer");
  return r.rows[0][0].as_int();
}

Json RunWrites(query::Engine& engine, const Json& triples, size_t limit) {
  int64_t before = CountKnows(engine);
  size_t n = limit ? std::min(limit, triples.size()) : triples.size();
  std::vector<double> times;
  query::QueryOptions options;
  double t0 = NowMs();
  for (size_t i = 0; i < n; ++i) {
    const Json& t = triples[i];
    options.params = {{"src", Value(t[0].as_int())}, {"dst", Value(t[1].as_int())}, {"w", Value(t[2].as_double())}};
    double s = NowMs();
    query::QueryResult r = Unwrap(engine.Run(kWriteEdgeQuery, options), "Q10");
    times.push_back(NowMs() - s);
    if (r.summary.counters.relationships_created != 1) {
      Die("Q10 draw " + std::to_string(i) + ": created " +
          std::to_string(r.summary.counters.relationships_created) + " relationships, expected 1");
    }
  }
  double total = NowMs() - t0;
  int64_t after = CountKnows(engine);
  Json r = Stats("Q10", times, total, {std::to_string(after - before), std::to_string(after)});
  double ops = static_cast<double>(n) / (total / 1000);
  r.Set("ops_per_s", ops);
  std::fprintf(stderr, "[copmap] Q10: %.0f commits/s; KNOWS %lld -> %lld\n", ops,
               static_cast<long long>(before), static_cast<long long>(after));
  return r;
}

double DirMiB(const std::string& dir) {
  uintmax_t bytes = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) bytes += e.file_size();
  }
  return static_cast<double>(bytes) / (1 << 20);
}

double PeakRssMiB() {
  struct rusage u {};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024;  // ru_maxrss is in KiB on Linux
}

std::string CpuModel() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with("model name")) return line.substr(line.find(':') + 2);
  }
  return "";
}

double Num(const Json& obj, std::string_view key) {
  const Json* v = obj.Find(key);
  return v ? v->as_double() : NAN;
}

void PrintTable(const Json& doc) {
  const Json& meta = *doc.Find("meta");
  auto m = [&](std::string_view k) { const Json* v = meta.Find(k); return v ? v->Dump(false) : "?"; };
  std::printf("engine=copmap dataset=%s people=%s seed=%s nodes=%s rels=%s\n",
              doc.Find("dataset")->as_string().c_str(), m("people").c_str(), m("seed").c_str(),
              m("total_nodes").c_str(), m("total_relationships").c_str());
  const Json& load = *doc.Find("load");
  const Json& steps = *load.Find("steps");
  std::printf("Q9 load: %.2f s (import %.2fs, indexes %.2fs, flush %.2fs)\n", Num(load, "total_s"),
              Num(steps, "import"), Num(steps, "indexes"), Num(steps, "flush"));
  std::printf("%-6s %6s %11s %11s %11s %17s\n", "query", "runs", "median ms", "p99 ms", "mean ms", "checksum");
  for (const Json& q : doc.Find("queries")->items()) {
    std::printf("%-6s %6lld %11.3f %11.3f %11.3f %17s", q.Find("query")->as_string().c_str(),
                static_cast<long long>(q.Find("runs")->as_int()), Num(q, "median_ms"), Num(q, "p99_ms"),
                Num(q, "mean_ms"), q.Find("checksum")->as_string().c_str());
    if (q.Find("ops_per_s")) std::printf("   %.0f commits/s", Num(q, "ops_per_s"));
    std::printf("\n");
  }
  std::printf("peak RSS (process, getrusage): %.0f MiB; database on disk: %.1f MiB after load, %.1f MiB at end\n",
              Num(doc, "peak_rss_mib"), Num(doc, "db_mib_after_load"), Num(doc, "db_mib"));
}

std::vector<Json> Draws(const ReadQuery& q, const Json& params, const Args& args) {
  if (q.params.empty()) return std::vector<Json>(args.reps);
  const Json& all = Member(params, q.name, "params.json");
  size_t n = args.draws ? std::min(args.draws, all.size()) : all.size();
  return std::vector<Json>(all.items().begin(), all.items().begin() + static_cast<std::ptrdiff_t>(n));
}

int Main(int argc, char** argv) {
  Args args = ParseArgs(argc, argv);
  Json meta = ReadJson(fs::path(args.data) / "meta.json");
  Json params = ReadJson(fs::path(args.data) / "params.json");

  query::EngineOptions engine_options;
  engine_options.store.create_if_missing = !args.reuse;
  engine_options.store.cop_schema = false;   // the dataset's own ids, no CoP constraints
  engine_options.store.sync_commits = true;  // Q10 commits must be durable
  auto engine = Unwrap(query::Engine::Open(args.db, engine_options), "open " + args.db);

  Json doc = Json::Object();
  doc.Set("engine", "copmap");
  doc.Set("version", "copmap (main)");
  doc.Set("dataset", fs::absolute(args.data).string());
  doc.Set("meta", meta);
  Json host = Json::Object();
  host.Set("cpus", uint64_t{std::thread::hardware_concurrency()});
  host.Set("cpu_model", CpuModel());
  host.Set("mem_gib", static_cast<double>(sysconf(_SC_PHYS_PAGES)) * static_cast<double>(sysconf(_SC_PAGE_SIZE)) /
                          static_cast<double>(1ull << 30));
  doc.Set("host", std::move(host));
  char when[32];
  std::time_t now = std::time(nullptr);
  std::strftime(when, sizeof when, "%FT%TZ", std::gmtime(&now));
  doc.Set("when", when);
  Json settings = Json::Object();
  settings.Set("warmup", uint64_t{args.warmup});
  settings.Set("reps", uint64_t{args.reps});
  settings.Set("draws", uint64_t{args.draws});
  settings.Set("statements", "Engine::Run with parameters (the engine caches each statement's plan by its text)");
  doc.Set("settings", std::move(settings));
  if (args.reuse) {
    Json load = Json::Object();
    load.Set("reused", true);
    load.Set("steps", Json::Object());
    doc.Set("load", std::move(load));
  } else {
    doc.Set("load", Load(*engine, args));
  }
  doc.Set("db_mib_after_load", DirMiB(args.db));

  Json queries = Json::Array();
  for (const ReadQuery& q : ReadQueries()) {
    if (!args.Wants(q.name)) continue;
    std::vector<Json> draws = Draws(q, params, args);
    if (args.explain) {
      std::string plan = Unwrap(engine->Explain(q.text, draws.empty() ? ValueMap{} : Bind(q, draws[0])), q.name);
      std::fprintf(stderr, "[copmap] %s plan:\n%s\n", std::string(q.name).c_str(), plan.c_str());
    }
    for (size_t p = 1; p < args.passes; ++p) RunRead(*engine, q, draws, args.warmup);
    queries.push_back(RunRead(*engine, q, draws, args.warmup));
  }
  if (args.Wants("Q10")) queries.push_back(RunWrites(*engine, Member(params, "Q10", "params.json"), args.writes));
  doc.Set("queries", std::move(queries));
  engine.reset();  // close the store so its files are complete on disk
  doc.Set("db_mib", DirMiB(args.db));
  doc.Set("peak_rss_mib", PeakRssMiB());
  PrintTable(doc);
  if (!args.out.empty()) {
    std::ofstream out(args.out);
    out << doc.Dump() << "\n";
    if (!out) Die(args.out + ": cannot write");
    std::printf("wrote %s\n", args.out.c_str());
  }
  return 0;
}

}  // namespace
}  // namespace copmap::bench

int main(int argc, char** argv) { return copmap::bench::Main(argc, argv); }
