// Runs many TCK scenarios and sums up the outcomes per scenario, per feature
// file and in total. Shared by the tck_report tool and the expected-pass test.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "tests/tck/gherkin.h"
#include "tests/tck/tck_runner.h"

namespace copmap::tck {

struct ScenarioReport {
  std::string key;        // "<feature path>: <scenario name>", the expected-pass list's line
  size_t cases = 0;
  size_t passed = 0;
  size_t failed = 0;
  size_t not_supported = 0;
  bool ignored = false;   // @ignore: counted, never run
  // An outline passes when all its examples pass; it fails when any fails;
  // otherwise (some not supported) it is not supported.
  Outcome outcome = Outcome::kNotSupported;
  std::string first_reason;  // of the first case that did not pass
  std::string first_cause;   // the same reason without the case's name
};

// A failure reason reduced to its cause, so that scenarios failing the same
// way group together: positions become "L:C", quoted text '...', and the
// source line and caret an error message quotes (after kLineMark) dropped.
std::string CauseOf(const std::string& reason);

// The key of a scenario in expected_pass.txt.
std::string ScenarioKey(const Feature& feature, const ScenarioSpec& scenario);

// Runs the scenarios of `features` for which `select(key)` is true (all when
// `select` is empty). `progress` (optional) sees each finished scenario.
std::vector<ScenarioReport> RunScenarios(
    const std::vector<Feature>& features, TckRunner& runner,
    const std::function<bool(const std::string&)>& select = {},
    const std::function<void(const ScenarioReport&)>& progress = {});

// Reads expected_pass.txt: one key per line; '#' starts a comment line.
std::set<std::string> ReadExpectedPass(const std::string& path);

}  // namespace copmap::tck
