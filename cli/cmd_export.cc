// copmap export: the whole database as CSV (re-importable), JSON Lines or GraphML.
#include <cstdio>

#include "cli/command.h"
#include "storage/interchange/exporter.h"
#include "storage/interchange/graphml_exporter.h"

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
  Status status = args.format == "csv"     ? interchange::ExportCsv(**store, args.out, &summary)
                  : args.format == "jsonl" ? interchange::ExportJsonl(**store, args.out, &summary)
                                           : interchange::ExportGraphml(**store, args.out, &summary);
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
            "JSON Lines or GraphML (one file, '-' for standard output)."};
  c.options = {
      DbOption(&args->db),
      {"--format", "csv, jsonl or graphml", &args->format, false, "", {"csv", "jsonl", "graphml"}},
      {"--out", "directory (csv; must be empty or new) or file (jsonl, graphml)", &args->out, true},
  };
  c.run = [args] { return RunExport(*args); };
  return c;
}

}  // namespace copmap::cli
