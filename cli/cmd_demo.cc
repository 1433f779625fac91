// copmap demo: (re)creates a database, loads the sample organization from
// examples/ and prints what it holds.
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "cli/command.h"
#include "cli/demo_report.h"
#include "cli/demo_walkthrough.h"
#include "storage/interchange/csv_importer.h"

namespace copmap::cli {
namespace {

namespace fs = std::filesystem;

struct DemoArgs {
  std::string db;
  std::string examples;
  std::string maps = "maps";
};

// The sample's CSV folder: --examples, else ./examples/org, else the source
// tree this binary was built from (a build-time definition, so that
// `make demo` works from any directory).
Result<std::string> FindExamples(const std::string& given) {
  std::vector<std::string> candidates;
  if (!given.empty()) {
    candidates = {given, (fs::path(given) / "org").string()};
  } else {
    candidates.push_back("examples/org");
#ifdef COPMAP_SOURCE_DIR
    candidates.push_back((fs::path(COPMAP_SOURCE_DIR) / "examples" / "org").string());
#endif
  }
  for (const std::string& dir : candidates) {
    if (fs::exists(fs::path(dir) / "nodes_Person.csv")) return dir;
  }
  return Status::NotFound("cannot find the sample organization (examples/org/nodes_Person.csv); "
                          "pass --examples DIR");
}

// Removes an existing database, but never a directory that is not one.
Status ResetDatabase(const std::string& db) {
  if (!fs::exists(db)) return Status::OK();
  {
    auto existing = OpenStore(db, /*create=*/false);
    if (!existing.ok()) {
      return existing.status().WithContext("refusing to replace " + db);
    }
  }
  std::error_code ec;
  fs::remove_all(db, ec);
  if (ec) return Status::IOError(db + ": cannot remove: " + ec.message());
  return Status::OK();
}

int RunDemo(const DemoArgs& args) {
  auto examples = FindExamples(args.examples);
  if (!examples.ok()) return Fail("demo", examples.status());
  Status reset = ResetDatabase(args.db);
  if (!reset.ok()) return Fail("demo", reset);
  auto store = OpenStore(args.db, /*create=*/true);
  if (!store.ok()) return Fail("demo", store.status());
  std::printf("Loading the sample organization from %s into %s\n", examples->c_str(), args.db.c_str());
  interchange::ImportOptions options;
  options.paths = {*examples};
  interchange::ImportSummary summary;
  std::vector<std::string> errors;
  Status status = interchange::ImportCsv(**store, options, &summary, &errors);
  for (const std::string& e : errors) std::fprintf(stderr, "error: %s\n", e.c_str());
  if (!status.ok()) return Fail("demo", status);
  std::printf("Imported %llu files in %.2f s.\n\n", static_cast<unsigned long long>(summary.files), summary.seconds);
  status = PrintDemoReport(**store, stdout);
  if (!status.ok()) return Fail("demo", status);
  std::printf("\n");
  auto engine = query::Engine::Wrap(std::move(*store));
  status = PrintDemoWalkthrough(*engine, args.db, args.maps, stdout);
  if (!status.ok()) return Fail("demo", status);
  std::printf("Try also: copmap stats --db %s   |   copmap export --db %s --format jsonl --out -\n",
              args.db.c_str(), args.db.c_str());
  return kExitOk;
}

}  // namespace

Command DemoCommand() {
  auto args = std::make_shared<DemoArgs>();
  Command c{"demo",
            "Recreate the database, load the sample organization from examples/ and show what it "
            "holds."};
  c.options = {
      DbOption(&args->db),
      {"--examples", "folder with the sample CSVs (default: examples/org of the source tree)", &args->examples},
      {"--maps", "folder for the sample's maps (SVG and PDF); empty: no maps", &args->maps},
  };
  c.run = [args] { return RunDemo(*args); };
  return c;
}

}  // namespace copmap::cli
