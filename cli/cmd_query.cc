// copmap query: runs one statement (from -e or -f) on a local database or a
// server and prints its rows as a table, CSV, JSON or JSON lines.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/command.h"
#include "cli/param_literal.h"
#include "cli/query_target.h"
#include "cli/result_printer.h"

namespace copmap::cli {
namespace {

struct QueryArgs {
  std::string db;
  std::string text;
  std::string file;
  std::vector<std::string> params;
  std::string format = "table";
  std::string remote;
  std::string token;
};

Result<std::string> ReadQueryText(const QueryArgs& args) {
  if (args.text.empty() == args.file.empty()) {
    return Status::InvalidArgument("give the statement with exactly one of -e TEXT or -f FILE");
  }
  if (!args.text.empty()) return args.text;
  std::stringstream buffer;
  if (args.file == "-") {
    buffer << std::cin.rdbuf();
  } else {
    std::ifstream in(args.file, std::ios::binary);
    if (!in) return Status::IOError(args.file + ": cannot read the query file");
    buffer << in.rdbuf();
  }
  return buffer.str();
}

int RunQuery(const QueryArgs& args) {
  auto text = ReadQueryText(args);
  if (!text.ok()) {
    bool usage = text.status().code() == Status::Code::kInvalidArgument;
    return usage ? FailWith("query", text.status(), kExitUsage) : Fail("query", text.status());
  }
  auto params = ParseParams(args.params);
  if (!params.ok()) return FailWith("query", params.status(), kExitUsage);
  auto format = ParseOutputFormat(args.format);
  if (!format.ok()) return FailWith("query", format.status(), kExitUsage);

  auto target = QueryTarget::Open({args.db, args.remote, args.token});
  if (!target.ok()) return FailWith("query", target.status(), kExitIoError);
  query::QueryOptions options;
  options.params = std::move(*params);
  auto printer = MakeResultPrinter(*format, stdout, TerminalWidth(stdout));
  auto summary = (*target)->Execute(*text, options, *printer);
  if (!summary.ok()) return Fail("query", summary.status());
  Status finished = FinishResult(*printer, *format, *summary, stdout, stderr);
  if (!finished.ok()) return Fail("query", finished);
  if (*format == OutputFormat::kTable) {
    std::fprintf(stderr, "%s\n", SummaryLine(printer->rows(), *summary).c_str());
  }
  return kExitOk;
}

}  // namespace

Command QueryCommand() {
  auto args = std::make_shared<QueryArgs>();
  Command c{"query", "Run one statement and print its rows (table, csv, json, jsonl)."};
  c.options = {
      DbOption(&args->db),
      {"-e,--execute", "the statement", &args->text},
      {"-f,--file", "read the statement from FILE ('-': stdin)", &args->file},
      {"-p,--param",
       "name=value, the value a literal of the query language (42, 1.5, true, null, 'text', "
       "[1,2], {k: 1}) or else plain text; repeatable",
       &args->params},
      {"--format", "output format", &args->format, false, "", {"table", "csv", "json", "jsonl"}},
      {"--remote", "run on a copmap server at HOST:PORT instead of --db", &args->remote},
      {"--token", "bearer token for --remote (or $COPMAP_TOKEN)", &args->token, false,
       "COPMAP_TOKEN"},
  };
  c.run = [args] { return RunQuery(*args); };
  return c;
}

}  // namespace copmap::cli
