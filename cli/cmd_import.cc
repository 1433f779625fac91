// copmap import: CSV files or directories into the database, all or nothing.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "storage/interchange/csv_importer.h"

namespace copmap::cli {
namespace {

struct ImportArgs {
  std::string db;
  std::string delimiter;
  std::string map;
  std::string schema;
  std::vector<std::string> paths;
  int64_t max_errors = 20;
  int64_t max_field_mb = 64;
};

// One line on stderr, rewritten in place about four times a second; only on
// a terminal, so that logs and pipes stay clean.
class ProgressLine {
 public:
  ProgressLine() : enabled_(::isatty(STDERR_FILENO) == 1) {}
  void Update(const interchange::ImportProgress& p) {
    if (!enabled_ || p.seconds - last_ < 0.25) return;
    last_ = p.seconds;
    double pct = p.total_bytes ? 100.0 * static_cast<double>(p.bytes) / static_cast<double>(p.total_bytes) : 0;
    std::fprintf(stderr, "\r  %llu rows  %.0f rows/s  %.1f s  %.0f%%   ",
                 static_cast<unsigned long long>(p.rows), p.seconds > 0 ? p.rows / p.seconds : 0.0,
                 p.seconds, pct);
    shown_ = true;
  }
  void Clear() {
    if (shown_) std::fprintf(stderr, "\r%60s\r", "");
  }

 private:
  bool enabled_;
  bool shown_ = false;
  double last_ = 0;
};

void PrintSummary(const interchange::ImportSummary& s) {
  std::printf("imported %llu files: %llu nodes, %llu relationships from %llu rows in %.2f s (%.0f rows/s)\n",
              static_cast<unsigned long long>(s.files), static_cast<unsigned long long>(s.nodes),
              static_cast<unsigned long long>(s.relationships), static_cast<unsigned long long>(s.rows),
              s.seconds, s.seconds > 0 ? s.rows / s.seconds : 0.0);
  for (const auto& [label, n] : s.nodes_by_label) std::printf("  :%s %llu\n", label.c_str(), static_cast<unsigned long long>(n));
  for (const auto& [type, n] : s.rels_by_type) std::printf("  [:%s] %llu\n", type.c_str(), static_cast<unsigned long long>(n));
}

int RunImport(const ImportArgs& args) {
  interchange::ImportOptions options;
  options.paths = args.paths;
  if (!args.delimiter.empty()) {
    auto d = interchange::ParseDelimiter(args.delimiter);
    if (!d.ok()) return Fail("import", d.status());
    options.delimiter = *d;
  }
  std::unique_ptr<interchange::ImportMapping> mapping;
  if (!args.map.empty()) {
    auto loaded = interchange::LoadMapping(args.map);
    if (!loaded.ok()) return Fail("import", loaded.status());
    mapping = std::make_unique<interchange::ImportMapping>(std::move(*loaded));
    options.mapping = mapping.get();
  }
  if (args.max_errors < 1 || args.max_field_mb < 1) {
    return Fail("import", Status::InvalidArgument("--max-errors and --max-field-mb must be at least 1"));
  }
  options.max_errors = static_cast<size_t>(args.max_errors);
  options.max_field_bytes = static_cast<size_t>(args.max_field_mb) << 20;
  ProgressLine progress;
  options.on_progress = [&](const interchange::ImportProgress& p) { progress.Update(p); };

  auto store = OpenStore(args.db, /*create=*/true, args.schema == "cop");
  if (!store.ok()) return Fail("import", store.status());
  interchange::ImportSummary summary;
  std::vector<std::string> errors;
  Status status = interchange::ImportCsv(**store, options, &summary, &errors);
  progress.Clear();
  for (const std::string& e : errors) std::cerr << "error: " << e << "\n";
  if (!status.ok()) return Fail("import", status);
  PrintSummary(summary);
  return kExitOk;
}

}  // namespace

Command ImportCommand() {
  auto args = std::make_shared<ImportArgs>();
  Command c{"import",
            "Load neo4j-admin-style CSV files (node files with id:ID, relationship files with "
            ":START_ID,:END_ID) into the database, all or nothing. See docs/IMPORT.md."};
  c.options = {
      DbOption(&args->db),
      SchemaOption(&args->schema),
      {"--delimiter", "field delimiter: one character, or \\t / tab (default ',')", &args->delimiter},
      {"--map", "mapping file that reinterprets other exports' headers (docs/IMPORT.md)", &args->map},
      {"--max-errors", "stop after reporting this many bad rows", &args->max_errors},
      {"--max-field-mb", "refuse fields longer than this many MiB", &args->max_field_mb},
      {"paths", "CSV files, or directories whose .csv/.tsv files are imported", &args->paths, true},
  };
  c.run = [args] { return RunImport(*args); };
  return c;
}

}  // namespace copmap::cli
