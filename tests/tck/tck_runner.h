// Runs one TCK case (tests/tck/gherkin.h) against a fresh copmap Engine and
// judges it.
//
// Each case gets its own store in a new directory under the scratch dir
// (removed afterwards), opened with small, non-syncing options so that a
// store costs milliseconds.
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

#include <string>

#include "tests/tck/gherkin.h"

namespace copmap::tck {

enum class Outcome { kPass, kFail, kNotSupported };

struct CaseResult {
  Outcome outcome = Outcome::kFail;
  std::string reason;  // empty on pass
};

struct RunnerOptions {
  std::string graphs_dir;   // holds binary-tree-1/binary-tree-1.cypher, ...
  std::string scratch_dir;  // per-case stores are created under it
};

class TckRunner {
 public:
  explicit TckRunner(RunnerOptions options);
  CaseResult Run(const Case& c);

 private:
  RunnerOptions options_;
  uint64_t next_store_ = 0;
};

const char* OutcomeName(Outcome outcome);

}  // namespace copmap::tck
