// copmap export: the whole database as CSV (re-importable) or JSON Lines.
#include <cstdio>

#include "cli/command.h"
#include "storage/interchange/exporter.h"

namespace copmap::cli {
namespace {

struct ExportArgs {
  std::string db;
  std::string format = "csv";
  std::string out;
};

int RunExport(const ExportArgs& args) {
  auto store = OpenStore(args.db, /*create=*/false);
  if (!store.ok()) return Fail("export", store.status());
  interchange::ExportSummary summary;
  Status status = args.format == "csv" ? interchange::ExportCsv(**store, args.out, &summary)
                                       : interchange::ExportJsonl(**store, args.out, &summary);
  if (!status.ok()) return Fail("export", status);
  if (args.out != "-") {
    std::printf("exported %llu nodes and %llu relationships to %s (%zu files)\n",
                static_cast<unsigned long long>(summary.nodes),
                static_cast<unsigned long long>(summary.relationships), args.out.c_str(),
                summary.files.size());
  }
  return kExitOk;
}

}  // namespace

Command ExportCommand() {
  auto args = std::make_shared<ExportArgs>();
  Command c{"export",
            "Write the whole database as CSV (a directory that `copmap import` reads back) or as "
            "JSON Lines (one file, '-' for standard output)."};
  c.options = {
      DbOption(&args->db),
      {"--format", "csv or jsonl", &args->format, false, "", {"csv", "jsonl"}},
      {"--out", "directory (csv; must be empty or new) or file (jsonl)", &args->out, true},
  };
  c.run = [args] { return RunExport(*args); };
  return c;
}

}  // namespace copmap::cli
