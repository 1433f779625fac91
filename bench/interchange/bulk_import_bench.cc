// Bulk import of `copmap gen` data: a timed run, not a test (not in ctest).
//
//   bulk_import_bench --people 100000 [--seed 42] [--work DIR]
//
// Generates the workload dataset, imports it into an empty database through
// ImportCsv (BulkLoader, all or nothing, flushed at the end) and prints the
// dataset size, generation and import seconds, rows/s and the process's peak
// RSS (getrusage ru_maxrss, which includes generation).
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include "storage/graph_store.h"
#include "storage/interchange/csv_importer.h"
#include "storage/interchange/workload_generator.h"

namespace {

double PeakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
  copmap::interchange::GenOptions gen;
  gen.people = 100000;
  std::string work = (std::filesystem::temp_directory_path() / "copmap_bulk_import_bench").string();
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--people")) gen.people = std::atoll(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--seed")) gen.seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (!std::strcmp(argv[i], "--work")) work = argv[i + 1];
  }
  std::filesystem::remove_all(work);
  gen.out = work + "/data";
  copmap::interchange::GenSummary generated;
  copmap::Status s = copmap::interchange::GenerateWorkload(gen, &generated);
  if (!s.ok()) {
    std::fprintf(stderr, "gen: %s\n", s.ToString().c_str());
    return 1;
  }
  auto store = copmap::storage::GraphStore::Open(work + "/db");
  if (!store.ok()) {
    std::fprintf(stderr, "open: %s\n", store.status().ToString().c_str());
    return 1;
  }
  copmap::interchange::ImportOptions options;
  options.paths = {gen.out};
  copmap::interchange::ImportSummary summary;
  std::vector<std::string> errors;
  auto start = std::chrono::steady_clock::now();
  s = copmap::interchange::ImportCsv(**store, options, &summary, &errors);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!s.ok()) {
    std::fprintf(stderr, "import: %s\n%s\n", s.ToString().c_str(), errors.empty() ? "" : errors[0].c_str());
    return 1;
  }
  auto stats = (*store)->Stats();
  std::printf("people=%lld seed=%llu nodes=%llu relationships=%llu\n", static_cast<long long>(gen.people),
              static_cast<unsigned long long>(gen.seed), static_cast<unsigned long long>(summary.nodes),
              static_cast<unsigned long long>(summary.relationships));
  std::printf("gen_seconds=%.2f import_seconds=%.2f rows_per_second=%.0f peak_rss_mib=%.0f disk_mib=%.0f\n",
              generated.seconds, seconds, summary.rows / seconds, PeakRssMiB(),
              stats.ok() ? stats->disk_bytes / 1048576.0 : 0.0);
  store->reset();
  std::filesystem::remove_all(work);
  return 0;
}
