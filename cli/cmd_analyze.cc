// copmap analyze: runs one CoP analysis (experts, knowledgeAtRisk, brokers,
// silos, ...) on a local database and prints its rows.
#include <cstdio>

#include "cli/analysis.h"
#include "cli/command.h"
#include "cli/param_literal.h"
#include "cli/result_printer.h"

namespace copmap::cli {
namespace {

struct AnalyzeArgs {
  std::string db;
  std::string name;
  std::vector<std::string> arguments;
  std::vector<std::string> params;
  std::string format = "table";
};

int RunAnalyze(const AnalyzeArgs& args) {
  auto format = ParseOutputFormat(args.format);
  if (!format.ok()) return FailWith("analyze", format.status(), kExitUsage);
  auto options = ParseParams(args.params);
  if (!options.ok()) return FailWith("analyze", options.status(), kExitUsage);
  std::vector<Value> positional;
  for (const std::string& text : args.arguments) {
    auto value = ParseParamValue(text);
    if (!value.ok()) return FailWith("analyze", value.status(), kExitUsage);
    positional.push_back(std::move(*value));
  }
  auto store = OpenStore(args.db, /*create=*/false);
  if (!store.ok()) return FailWith("analyze", store.status(), kExitIoError);
  auto rows = RunAnalysis(**store, args.name, std::move(positional), std::move(*options));
  if (!rows.ok()) return Fail("analyze", rows.status());
  bool readable = *format == OutputFormat::kTable || *format == OutputFormat::kCsv;
  auto printer = MakeResultPrinter(*format, stdout, TerminalWidth(stdout));
  Status status = SendRows(*rows, readable, *printer);
  if (status.ok()) status = printer->Finish();
  if (!status.ok()) return Fail("analyze", status);
  if (*format == OutputFormat::kTable) {
    std::fprintf(stderr, "%zu rows\n", rows->rows.size());
  }
  return kExitOk;
}

}  // namespace

Command AnalyzeCommand() {
  auto args = std::make_shared<AnalyzeArgs>();
  Command c{"analyze",
            "Run a CoP analysis (docs/ANALYTICS.md). Table and CSV show nodes by name; json and "
            "jsonl keep whole nodes. Analyses:" + AnalysisList()};
  c.options = {
      DbOption(&args->db),
      {"name", "the analysis, e.g. experts or cop.experts", &args->name, /*required=*/true},
      {"arguments", "its leading arguments (a domain, a person's email...), as parameter values",
       &args->arguments},
      {"-p,--param", "an option, name=value (e.g. limit=5, from=ada@example.org); repeatable",
       &args->params},
      {"--format", "output format", &args->format, false, "", {"table", "csv", "json", "jsonl"}},
  };
  c.run = [args] { return RunAnalyze(*args); };
  return c;
}

}  // namespace copmap::cli
