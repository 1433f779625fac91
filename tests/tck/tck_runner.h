// Runs one TCK case (tests/tck/gherkin.h) against a fresh copmap Engine and
// judges it.
//
// Opening a new store costs about a third of a second here (RocksDB creates
// its column families and files), which over 3,897 cases would be twenty
// minutes. So by default one store, with small non-syncing options, serves
// every case: before each case the runner deletes every node and
// relationship and drops every index through the store API. Side effects
// are measured as before/after differences, so left-over catalog names do
// not show. `fresh_store_per_case` gives each case its own directory instead.
//
// Judgement:
//  - pass: every Then/And step holds.
//  - not supported: the case needs something the runner cannot provide
//    (a registered test procedure), or the engine answered NotSupported.
//  - fail: anything else, with a one-line reason.
// Errors: the TCK's error type must match the Status kind (SyntaxError also
// accepts our SemanticError, since openCypher files many semantic checks
// under SyntaxError; ArgumentError is InvalidArgument;
// ConstraintVerificationFailed is ConstraintError; ProcedureError is
// NotFound). The detail name (UndefinedVariable, ...) and the phase are
// reported in the reason but not required.
#pragma once

#include <memory>
#include <string>

#include "query/engine.h"
#include "tests/tck/gherkin.h"

namespace copmap::tck {

enum class Outcome { kPass, kFail, kNotSupported };

struct CaseResult {
  Outcome outcome = Outcome::kFail;
  std::string reason;  // empty on pass; one line, line breaks shown as kLineMark
};

// Stands for a line break in a reason (before an error's source line).
inline constexpr const char* kLineMark = " \u23CE ";

struct RunnerOptions {
  std::string graphs_dir;   // holds binary-tree-1/binary-tree-1.cypher, ...
  std::string scratch_dir;  // stores are created under it
  bool fresh_store_per_case = false;
};

class TckRunner {
 public:
  explicit TckRunner(RunnerOptions options);
  ~TckRunner();
  CaseResult Run(const Case& c);

 private:
  // An engine over an empty graph: the shared one wiped, or a new one.
  Result<query::Engine*> EmptyEngine();
  CaseResult RunSteps(const Case& c, query::Engine& engine);

  RunnerOptions options_;
  uint64_t next_store_ = 0;
  std::unique_ptr<query::Engine> engine_;
  std::string engine_dir_;
};

const char* OutcomeName(Outcome outcome);

}  // namespace copmap::tck
