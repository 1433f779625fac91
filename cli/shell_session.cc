#include "cli/shell_session.h"

#include <sstream>

#include "cli/param_literal.h"
#include "query/procedures/procedure.h"

namespace copmap::cli {
namespace {

constexpr const char* kRed = "\033[31m";
constexpr const char* kDim = "\033[2m";
constexpr const char* kReset = "\033[0m";

constexpr const char* kHelp =
    "Statements end with ';' and may span lines. Commands:\n"
    "  :help                 this text\n"
    "  :schema               labels, relationship types, property keys and indexes\n"
    "  :explain QUERY        the plan of QUERY, without running it\n"
    "  :param NAME VALUE     set $NAME (VALUE as with --param: 42, 'text', [1,2], {k: 1}...)\n"
    "  :param                list the parameters;  :param NAME  removes one\n"
    "  :format FORMAT        table, csv, json or jsonl\n"
    "  :quit                 leave (also Ctrl-D)\n";

constexpr const char* kKeywords[] = {
    "MATCH", "OPTIONAL", "WHERE", "RETURN", "WITH", "UNWIND", "ORDER", "BY", "SKIP", "LIMIT",
    "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "CALL", "YIELD", "UNION", "ALL",
    "DISTINCT", "AS", "AND", "OR", "XOR", "NOT", "IN", "IS", "NULL", "TRUE", "FALSE", "CASE",
    "WHEN", "THEN", "ELSE", "END", "EXISTS", "ASC", "DESC", "STARTS", "ENDS", "CONTAINS",
    "EXPLAIN", "PROFILE", "INDEX", "ON", "FOR", "REQUIRE", "UNIQUE", "CONSTRAINT", "DROP",
    "SHOW", "INDEXES", "CONSTRAINTS", "count", "collect", "sum", "avg", "min", "max", "size",
    "labels", "type", "keys", "properties", "coalesce", "toString", "toInteger", "toFloat",
    "date", "datetime", "shortestPath", "allShortestPaths", ":help", ":schema",
    ":explain", ":param", ":format", ":quit"};

std::string Trim(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

}  // namespace

ShellSession::ShellSession(query::Engine& engine, std::FILE* out, std::FILE* err, bool color)
    : engine_(engine), out_(out), err_(err), color_(color) {}

bool ShellSession::pending() const { return !buffer_.empty(); }

std::vector<std::string> ShellSession::Feed(const std::string& line) {
  std::vector<std::string> entries;
  if (buffer_.empty() && Trim(line).rfind(':', 0) == 0) {
    entries.push_back(Trim(line));
    RunCommand(entries.back());
    return entries;
  }
  buffer_ += line + "\n";
  for (std::string& statement : TakeStatements(&buffer_)) {
    entries.push_back(statement + ";");
    RunStatement(statement);
  }
  return entries;
}

void ShellSession::Flush() {
  std::string rest = Trim(buffer_);
  buffer_.clear();
  if (!rest.empty()) RunStatement(rest);
}

void ShellSession::Error(const std::string& message) {
  ++failures_;
  if (color_) std::fprintf(err_, "%s%s%s\n", kRed, message.c_str(), kReset);
  else std::fprintf(err_, "%s\n", message.c_str());
}

void ShellSession::RunStatement(const std::string& text) {
  query::QueryOptions options;
  options.params = params_;
  auto printer = MakeResultPrinter(format_, out_, TerminalWidth(out_));
  auto summary = engine_.Execute(text, options, *printer);
  if (!summary.ok()) return Error(summary.status().ToString());
  Status finished = FinishResult(*printer, format_, *summary, out_, err_);
  if (!finished.ok()) return Error(finished.ToString());
  std::fflush(out_);
  std::string line = SummaryLine(printer->rows(), *summary);
  if (color_) std::fprintf(err_, "%s%s%s\n", kDim, line.c_str(), kReset);
  else std::fprintf(err_, "%s\n", line.c_str());
}

void ShellSession::RunCommand(const std::string& line) {
  size_t space = line.find_first_of(" \t");
  std::string name = line.substr(0, space);
  std::string args = space == std::string::npos ? "" : Trim(line.substr(space));
  if (!args.empty() && args.back() == ';') args = Trim(args.substr(0, args.size() - 1));
  if (name == ":quit" || name == ":exit" || name == ":q") {
    done_ = true;
  } else if (name == ":help") {
    std::fputs(kHelp, out_);
  } else if (name == ":schema") {
    ShowSchema();
  } else if (name == ":explain") {
    auto plan = engine_.Explain(args, params_);
    if (!plan.ok()) return Error(plan.status().ToString());
    std::fprintf(out_, "%s\n", plan->c_str());
  } else if (name == ":param") {
    SetParam(args);
  } else if (name == ":format") {
    auto format = ParseOutputFormat(args);
    if (!format.ok()) return Error(format.status().ToString());
    format_ = *format;
  } else {
    Error("unknown command " + name + " (try :help)");
  }
  std::fflush(out_);
}

void ShellSession::SetParam(const std::string& args) {
  if (args.empty()) {
    for (const auto& [name, value] : params_) {
      std::fprintf(out_, "$%s = %s\n", name.c_str(), value.ToString().c_str());
    }
    return;
  }
  size_t space = args.find_first_of(" \t=");
  std::string name = args.substr(0, space);
  if (!name.empty() && name[0] == '$') name.erase(0, 1);
  std::erase_if(params_, [&](const auto& p) { return p.first == name; });
  if (space == std::string::npos) return;  // ":param NAME" removes it
  std::string text = Trim(args.substr(space + 1));
  auto parsed = ParseParams({name + "=" + text});
  if (!parsed.ok()) return Error(parsed.status().ToString());
  params_.push_back(parsed->front());
}

void ShellSession::ShowSchema() {
  storage::TransactionOptions options;
  options.read_only = true;
  auto txn = engine_.store().Begin(options);
  auto print = [&](const char* title, const std::vector<std::string>& names) {
    std::string line;
    for (const std::string& n : names) line += (line.empty() ? "" : ", ") + n;
    std::fprintf(out_, "%s: %s\n", title, line.empty() ? "(none)" : line.c_str());
  };
  print("labels", txn->AllLabels());
  print("relationship types", txn->AllRelTypes());
  print("property keys", txn->AllPropKeys());
  txn.reset();
  auto printer = MakeResultPrinter(OutputFormat::kTable, out_, TerminalWidth(out_));
  auto indexes = engine_.Execute("CALL db.indexes()", {}, *printer);
  if (!indexes.ok()) return Error(indexes.status().ToString());
  std::fputs("indexes:\n", out_);
  Status finished = printer->Finish();
  if (!finished.ok()) Error(finished.ToString());
}

CompletionWords ShellSession::Completions() {
  CompletionWords words;
  words.keywords.assign(std::begin(kKeywords), std::end(kKeywords));
  const query::ProcedureRegistry& procedures = query::ProcedureRegistry::Global();
  for (const std::string& name : procedures.Names()) {
    if (const query::Procedure* p = procedures.Find(name)) words.keywords.push_back(p->name);
  }
  storage::TransactionOptions options;
  options.read_only = true;
  auto txn = engine_.store().Begin(options);
  for (auto names : {txn->AllLabels(), txn->AllRelTypes(), txn->AllPropKeys()}) {
    words.names.insert(words.names.end(), names.begin(), names.end());
  }
  return words;
}

}  // namespace copmap::cli
