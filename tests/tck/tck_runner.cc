#include "tests/tck/tck_runner.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "query/engine.h"
#include "tests/tck/side_effects.h"
#include "tests/tck/tck_value.h"

namespace copmap::tck {
namespace {

namespace fs = std::filesystem;

bool Has(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

// The outcome of the last "executing query" step.
struct Execution {
  bool ran = false;
  Status error;
  query::QueryResult result;
  std::map<std::string, int64_t> side_effects;
};

CaseResult Fail(std::string reason) { return {Outcome::kFail, std::move(reason)}; }
CaseResult Unsupported(std::string reason) { return {Outcome::kNotSupported, std::move(reason)}; }

// Line breaks (an error's source line and caret) become kLineMark, which
// CauseOf (tck_suite.h) cuts at.
std::string OneLine(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') {
      out += kLineMark;
    } else {
      out += c;
    }
  }
  if (out.size() > 300) out = out.substr(0, 300) + "...";
  return out;
}

bool KindMatches(const std::string& tck_type, Status::Code code) {
  using C = Status::Code;
  if (tck_type == "SyntaxError") return code == C::kSyntaxError || code == C::kSemanticError;
  if (tck_type == "SemanticError") return code == C::kSemanticError;
  if (tck_type == "TypeError") return code == C::kTypeError;
  if (tck_type == "ArgumentError") return code == C::kInvalidArgument;
  if (tck_type == "EntityNotFound") return code == C::kEntityNotFound;
  if (tck_type == "ConstraintVerificationFailed") return code == C::kConstraintError;
  if (tck_type == "ParameterMissing") return code == C::kParameterMissing;
  if (tck_type == "ProcedureError") return code == C::kNotFound;
  return false;
}

// Rows as canonical text, "a | b | c", in the expected column order.
Result<std::vector<std::string>> ActualRows(const query::QueryResult& result,
                                            const std::vector<std::string>& columns,
                                            bool sort_lists) {
  std::vector<size_t> index;
  for (const std::string& c : columns) {
    auto it = std::find(result.columns.begin(), result.columns.end(), c);
    if (it == result.columns.end()) {
      std::string got;
      for (const auto& a : result.columns) got += (got.empty() ? "" : ", ") + a;
      return Status::NotFound("no column '" + c + "' (columns: " + got + ")");
    }
    index.push_back(static_cast<size_t>(it - result.columns.begin()));
  }
  if (result.columns.size() != columns.size()) {
    return Status::InvalidArgument("expected " + std::to_string(columns.size()) +
                                   " columns, got " + std::to_string(result.columns.size()));
  }
  std::vector<std::string> rows;
  for (const auto& row : result.rows) {
    std::string text;
    for (size_t i = 0; i < index.size(); ++i) {
      text += (i ? " | " : "") + Canonical(FromValue(row[index[i]]), sort_lists);
    }
    rows.push_back(std::move(text));
  }
  return rows;
}

Result<std::vector<std::string>> ExpectedRows(const Table& table, bool sort_lists) {
  std::vector<std::string> rows;
  for (size_t r = 1; r < table.size(); ++r) {
    std::string text;
    for (size_t i = 0; i < table[r].size(); ++i) {
      COPMAP_ASSIGN_OR_RETURN(TckValue v, ParseTckValue(table[r][i]));
      text += (i ? " | " : "") + Canonical(v, sort_lists);
    }
    rows.push_back(std::move(text));
  }
  return rows;
}

std::string Join(const std::vector<std::string>& rows) {
  std::string out;
  for (const auto& r : rows) out += "[" + r + "] ";
  return OneLine(out);
}

CaseResult CheckResult(const Step& step, const Execution& exec) {
  if (!exec.ran) return Fail("a result step before any query");
  if (!exec.error.ok()) {
    if (exec.error.code() == Status::Code::kNotSupported) {
      return Unsupported(OneLine(exec.error.ToString()));
    }
    return Fail("query failed: " + OneLine(exec.error.ToString()));
  }
  if (Has(step.text, "should be empty")) {
    if (exec.result.rows.empty()) return {Outcome::kPass, ""};
    return Fail("expected no rows, got " + std::to_string(exec.result.rows.size()));
  }
  const bool ordered = Has(step.text, "in order");
  const bool sort_lists = Has(step.text, "ignoring element order for lists");
  if (step.table.empty()) return Fail("result step without a table");
  auto expected = ExpectedRows(step.table, sort_lists);
  if (!expected.ok()) return Fail("bad expected value: " + expected.status().message());
  auto actual = ActualRows(exec.result, step.table[0], sort_lists);
  if (!actual.ok()) return Fail(actual.status().message());
  std::vector<std::string> want = *expected, got = *actual;
  if (!ordered) {
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
  }
  if (want == got) return {Outcome::kPass, ""};
  return Fail("rows differ: expected " + Join(want) + "got " + Join(got));
}

CaseResult CheckError(const Step& step, const Execution& exec) {
  // "a TypeError should be raised at runtime: InvalidArgumentType"
  std::istringstream words(step.text);
  std::string article, type;
  words >> article >> type;
  const std::string detail =
      step.text.find(": ") == std::string::npos ? "" : step.text.substr(step.text.find(": ") + 2);
  if (!exec.ran) return Fail("an error step before any query");
  if (exec.error.ok()) return Fail("expected " + type + " (" + detail + "), the query succeeded");
  if (exec.error.code() == Status::Code::kNotSupported) {
    return Unsupported(OneLine(exec.error.ToString()));
  }
  if (!KindMatches(type, exec.error.code())) {
    return Fail("expected " + type + " (" + detail + "), got " + OneLine(exec.error.ToString()));
  }
  return {Outcome::kPass, ""};
}

CaseResult CheckSideEffects(const Step& step, const Execution& exec) {
  if (!exec.ran) return Fail("a side-effects step before any query");
  if (!exec.error.ok()) return {Outcome::kPass, ""};  // judged by the result or error step
  std::map<std::string, int64_t> want;
  if (Has(step.text, "should be")) {
    for (const auto& row : step.table) {
      if (row.size() == 2 && row[1] != "0") want[row[0]] = std::stoll(row[1]);
    }
  }
  if (want == exec.side_effects) return {Outcome::kPass, ""};
  auto show = [](const std::map<std::string, int64_t>& m) {
    std::string out = "{";
    for (const auto& [k, v] : m) out += (out.size() > 1 ? ", " : "") + k + ": " + std::to_string(v);
    return out + "}";
  };
  return Fail("side effects: expected " + show(want) + ", got " + show(exec.side_effects));
}

}  // namespace

const char* OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kPass: return "pass";
    case Outcome::kFail: return "fail";
    case Outcome::kNotSupported: return "not supported";
  }
  return "?";
}

TckRunner::TckRunner(RunnerOptions options) : options_(std::move(options)) {}

TckRunner::~TckRunner() {
  engine_.reset();
  std::error_code ignored;
  if (!engine_dir_.empty()) fs::remove_all(engine_dir_, ignored);
}

Result<query::Engine*> TckRunner::EmptyEngine() {
  if (engine_ != nullptr && !options_.fresh_store_per_case) {
    storage::GraphStore& store = engine_->store();
    for (const storage::IndexInfo& index : store.Begin()->Indexes()) {
      COPMAP_RETURN_IF_ERROR(store.DropIndex(index.name));
    }
    auto txn = store.Begin();
    std::vector<storage::NodeId> nodes;
    for (auto it = txn->ScanAllNodes(); it->Valid(); it->Next()) nodes.push_back(it->id());
    for (storage::NodeId id : nodes) COPMAP_RETURN_IF_ERROR(txn->DeleteNode(id, /*detach=*/true));
    COPMAP_RETURN_IF_ERROR(txn->Commit());
    return engine_.get();
  }
  engine_.reset();
  std::error_code ec;
  if (!engine_dir_.empty()) fs::remove_all(engine_dir_, ec);
  engine_dir_ =
      (fs::path(options_.scratch_dir) / ("store-" + std::to_string(next_store_++))).string();
  fs::remove_all(engine_dir_, ec);
  query::EngineOptions engine_options;
  engine_options.store.cop_schema = false;
  engine_options.store.sync_commits = false;
  engine_options.store.cache_bytes = 1 << 20;
  engine_options.default_timeout = std::chrono::seconds(20);
  COPMAP_ASSIGN_OR_RETURN(engine_, query::Engine::Open(engine_dir_, engine_options));
  return engine_.get();
}

CaseResult TckRunner::Run(const Case& c) {
  auto engine = EmptyEngine();
  if (!engine.ok()) {
    engine_.reset();  // start over with a new store next time
    return Fail("cannot prepare an empty store: " + engine.status().ToString());
  }
  return RunSteps(c, **engine);
}

CaseResult TckRunner::RunSteps(const Case& c, query::Engine& engine) {
  query::QueryOptions query_options;
  Execution exec;
  for (const Step& step : c.steps) {
    const std::string& t = step.text;
    if (t == "an empty graph" || t == "any graph") continue;
    if (Has(t, "graph") && (step.keyword == "Given")) {
      // "the binary-tree-1 graph"
      const std::string name = t.substr(4, t.size() - 4 - 6);
      std::ifstream in(fs::path(options_.graphs_dir) / name / (name + ".cypher"));
      if (!in) return Fail("unknown named graph '" + name + "'");
      std::stringstream script;
      script << in.rdbuf();
      auto r = engine.Run(script.str());
      if (!r.ok()) {
        return Fail("building graph " + name + " failed: " + OneLine(r.status().ToString()));
      }
      continue;
    }
    if (Has(t, "having executed")) {
      auto r = engine.Run(step.doc);
      if (!r.ok()) {
        if (r.status().code() == Status::Code::kNotSupported) {
          return Unsupported("setup: " + OneLine(r.status().ToString()));
        }
        return Fail("setup query failed: " + OneLine(r.status().ToString()));
      }
      continue;
    }
    if (Has(t, "parameters are")) {
      for (const auto& row : step.table) {
        if (row.size() != 2) return Fail("a parameter row needs two cells");
        auto v = ParseTckValue(row[1]);
        if (!v.ok()) return Fail("bad parameter: " + v.status().message());
        auto value = ToValue(*v);
        if (!value.ok()) return Fail(value.status().message());
        query_options.params.emplace_back(row[0], *value);
      }
      query_options.params = ValueMap(Value(query_options.params).as_map());
      continue;
    }
    if (Has(t, "there exists a procedure")) {
      return Unsupported("test procedures cannot be registered through the Engine API");
    }
    if (Has(t, "executing query") || Has(t, "executing control query")) {
      auto before = TakeSnapshot(engine.store());
      if (!before.ok()) return Fail("snapshot: " + before.status().ToString());
      exec = Execution{};
      exec.ran = true;
      auto r = engine.Run(step.doc, query_options);
      if (r.ok()) {
        exec.result = std::move(r).value();
      } else {
        exec.error = r.status();
      }
      auto after = TakeSnapshot(engine.store());
      if (!after.ok()) return Fail("snapshot: " + after.status().ToString());
      exec.side_effects = Diff(*before, *after);
      continue;
    }
    CaseResult verdict;
    if (Has(t, "the result should be")) {
      verdict = CheckResult(step, exec);
    } else if (Has(t, "should be raised")) {
      verdict = CheckError(step, exec);
    } else if (Has(t, "side effects")) {
      verdict = CheckSideEffects(step, exec);
    } else {
      return Unsupported("unknown step: " + step.keyword + " " + t);
    }
    if (verdict.outcome != Outcome::kPass) return verdict;
  }
  return {Outcome::kPass, ""};
}

}  // namespace copmap::tck
