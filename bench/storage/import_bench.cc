// Bulk-load benchmark: wall time, CPU time and peak RSS of one import.
//
//   storage_import_bench --csv DIR [--db DIR] [--check]
//       end to end: the CSV importer (storage/interchange) over the bulk
//       loader, e.g. on `copmap gen --people 1000000 --seed 42 --out DIR`;
//   storage_import_bench --people N [--seed S] [--db DIR] [--check]
//       the storage part alone: an in-process graph of the workload's shape
//       (per person ~10 KNOWS, 1.9 MEMBER_OF, 1.2 EXPERT_IN, 1 WORKS_AT,
//       0.7 AUTHORED, 0.65 ABOUT, 0.12 MENTORS; 8 types, a few properties)
//       fed straight to the loader.
// Prints one line per phase and a summary; the database is removed unless
// --db is given.
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>

#include "storage/graph_store.h"
#ifdef COPMAP_HAVE_INTERCHANGE
#include "storage/interchange/csv_importer.h"
#endif

namespace copmap::storage {
namespace {

double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}
long PeakRssMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}
void Die(const Status& s, const char* what) {
  if (s.ok()) return;
  std::fprintf(stderr, "%s: %s\n", what, s.ToString().c_str());
  std::exit(1);
}
template <typename T>
T Get(Result<T> r, const char* what) {
  Die(r.status(), what);
  return std::move(r).value();
}

// The workload's shape, generated in process.
void LoadSynthetic(GraphStore& store, uint64_t people, uint64_t seed, uint64_t* nodes,
                   uint64_t* rels) {
  auto loader = Get(store.BeginBulkLoad(), "begin");
  std::mt19937_64 rng(seed);
  auto label = [&](const char* n) { return Get(loader->Label(n), "label"); };
  auto key = [&](const char* n) { return Get(loader->PropKey(n), "key"); };
  auto type = [&](const char* n) { return Get(loader->RelType(n), "type"); };
  PropKeyId id = key("id"), name = key("name"), email = key("email"), title = key("title"),
            org = key("org"), joined = key("joined"), kind = key("kind"),
            strength = key("strength"), role = key("role"), since = key("since"),
            level = key("level");
  int64_t next_id = 1;
  auto add_nodes = [&](LabelId l, uint64_t count, auto&& props) {
    std::vector<NodeId> ids;
    ids.reserve(count);
    for (uint64_t i = 0; i < count; ++i) {
      ids.push_back(Get(loader->AddNode({l}, props(next_id, i)), "node"));
      ++next_id;
    }
    *nodes += count;
    return ids;
  };
  auto person_ids = add_nodes(label("Person"), people, [&](int64_t n, uint64_t i) {
    return Properties{{id, Value(n)},
                      {name, Value("person " + std::to_string(i))},
                      {email, Value("person." + std::to_string(i) + "@org" +
                                    std::to_string(i % 500) + ".example")},
                      {title, Value("engineer")},
                      {org, Value("org " + std::to_string(i % 500))},
                      {joined, Value(int64_t(2000 + i % 25))}};
  });
  auto named = [&](const char* prefix) {
    return [&, prefix](int64_t n, uint64_t i) {
      return Properties{{id, Value(n)},
                        {name, Value(std::string(prefix) + " " + std::to_string(i))},
                        {kind, Value("k" + std::to_string(i % 5))}};
    };
  };
  auto orgs = add_nodes(label("Organization"), std::max<uint64_t>(people / 200, 1),
                        named("organization"));
  auto communities = add_nodes(label("Community"), std::max<uint64_t>(people / 50, 1),
                               named("community"));
  auto domains = add_nodes(label("Domain"), std::max<uint64_t>(people / 50, 1), named("domain"));
  auto practices = add_nodes(label("Practice"), people / 2, [&](int64_t n, uint64_t i) {
    return Properties{{id, Value(n)}, {title, Value("practice " + std::to_string(i))}};
  });
  auto pick = [&](const std::vector<NodeId>& v) { return v[rng() % v.size()]; };
  auto add = [&](RelTypeId t, NodeId a, NodeId b, Properties p) {
    Get(loader->AddRel(t, a, b, std::move(p)), "rel");
    ++*rels;
  };
  RelTypeId knows = type("KNOWS"), member = type("MEMBER_OF"), expert = type("EXPERT_IN"),
            works = type("WORKS_AT"), authored = type("AUTHORED"), about = type("ABOUT"),
            mentors = type("MENTORS"), focuses = type("FOCUSES_ON");
  for (NodeId p : person_ids) add(works, p, pick(orgs), {});
  for (NodeId p : person_ids) {
    for (uint64_t k = 0; k < 19 + rng() % 3; k += 10) {
      add(member, p, pick(communities), {{role, Value("member")}, {since, Value(int64_t(2019))}});
    }
  }
  for (NodeId p : person_ids) {
    add(expert, p, pick(domains), {{level, Value(int64_t(rng() % 5))}});
    if (rng() % 5 == 0) add(expert, p, pick(domains), {{level, Value(int64_t(rng() % 5))}});
  }
  for (NodeId p : person_ids) {
    for (int k = 0; k < 10; ++k) {
      add(knows, p, pick(person_ids), {{strength, Value(double(rng() % 1000) / 1000)}});
    }
  }
  for (NodeId p : person_ids) {
    if (rng() % 8 == 0) add(mentors, p, pick(person_ids), {});
  }
  for (NodeId pr : practices) {
    add(authored, pick(person_ids), pr, {});
    if (rng() % 3 != 0) add(about, pr, pick(domains), {});
  }
  for (NodeId c : communities) {
    add(focuses, c, pick(domains), {});
    add(focuses, c, pick(domains), {});
  }
  auto t0 = std::chrono::steady_clock::now();
  Die(loader->Finish(), "finish");
  std::fprintf(stderr, "finish: %.2f s\n",
               std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
}

int Main(int argc, char** argv) {
  std::string csv, db;
  uint64_t people = 0, seed = 42;
  bool check = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--csv") {
      csv = next();
    } else if (a == "--people") {
      people = std::strtoull(next().c_str(), nullptr, 10);
    } else if (a == "--seed") {
      seed = std::strtoull(next().c_str(), nullptr, 10);
    } else if (a == "--db") {
      db = next();
    } else if (a == "--check") {
      check = true;
    } else {
      std::fprintf(stderr, "usage: %s (--csv DIR | --people N [--seed S]) [--db DIR] [--check]\n",
                   argv[0]);
      return 2;
    }
  }
  if (csv.empty() == (people == 0)) {
    std::fprintf(stderr, "give exactly one of --csv DIR and --people N\n");
    return 2;
  }
  bool keep = !db.empty();
  if (db.empty()) {
    db = (std::filesystem::temp_directory_path() / ("copmap-import-" + std::to_string(getpid())))
             .string();
  }
  std::filesystem::remove_all(db);
  auto start = std::chrono::steady_clock::now();
  double cpu0 = CpuSeconds();
  auto store = Get(GraphStore::Open(db), "open");
  uint64_t nodes = 0, rels = 0;
  if (!csv.empty()) {
#ifdef COPMAP_HAVE_INTERCHANGE
    interchange::ImportOptions options;
    options.paths = {csv};
    interchange::ImportSummary summary;
    std::vector<std::string> errors;
    Status s = interchange::ImportCsv(*store, options, &summary, &errors);
    for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.c_str());
    Die(s, "import");
    nodes = summary.nodes;
    rels = summary.relationships;
#else
    std::fprintf(stderr, "built without storage/interchange: --csv is unavailable\n");
    return 2;
#endif
  } else {
    LoadSynthetic(*store, people, seed, &nodes, &rels);
  }
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double cpu = CpuSeconds() - cpu0;
  auto stats = Get(store->Stats(), "stats");
  std::printf(
      "imported %llu nodes, %llu relationships: wall %.2f s, cpu %.2f s, %.0f rels/s wall, "
      "peak RSS %ld MiB, disk %.1f MiB\n",
      (unsigned long long)nodes, (unsigned long long)rels, wall, cpu, rels / wall, PeakRssMiB(),
      stats.disk_bytes / 1048576.0);
  if (check) {
    auto t = std::chrono::steady_clock::now();
    auto violations = Get(store->Check(), "check");
    std::printf("check: %zu violations (%.1f s)\n", violations.size(),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count());
    for (size_t i = 0; i < violations.size() && i < 10; ++i) {
      std::printf("  %s\n", violations[i].what.c_str());
    }
    if (!violations.empty()) return 1;
  }
  store.reset();
  if (!keep) std::filesystem::remove_all(db);
  return 0;
}

}  // namespace
}  // namespace copmap::storage

int main(int argc, char** argv) { return copmap::storage::Main(argc, argv); }
