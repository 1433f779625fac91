#include "tests/tck/tck_suite.h"

#include <algorithm>
#include <cctype>
#include <fstream>

namespace copmap::tck {

std::string ScenarioKey(const Feature& feature, const ScenarioSpec& scenario) {
  return feature.path + ": " + scenario.name;
}

std::string CauseOf(const std::string& reason) {
  std::string cause;
  const size_t line_end = std::min(reason.find(kLineMark), reason.size());
  for (size_t i = 0; i < line_end; ++i) {
    const char c = reason[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < reason.size() && std::isdigit(static_cast<unsigned char>(reason[j]))) ++j;
      if (j < reason.size() && reason[j] == ':' && j + 1 < reason.size() &&
          std::isdigit(static_cast<unsigned char>(reason[j + 1]))) {
        cause += "L:C";
        ++j;
        while (j < reason.size() && std::isdigit(static_cast<unsigned char>(reason[j]))) ++j;
        i = j - 1;
        continue;
      }
    }
    if (c == '\'' || c == '`') {
      const size_t end = reason.find(c, i + 1);
      if (end != std::string::npos && end < line_end) {
        cause += c;
        cause += "...";
        cause += c;
        i = end;
        continue;
      }
    }
    cause += c;
  }
  constexpr size_t kMaxCause = 110;
  if (cause.size() > kMaxCause) cause.resize(kMaxCause);
  return cause;
}

std::vector<ScenarioReport> RunScenarios(
    const std::vector<Feature>& features, TckRunner& runner,
    const std::function<bool(const std::string&)>& select,
    const std::function<void(const ScenarioReport&)>& progress) {
  std::vector<ScenarioReport> reports;
  for (const Feature& feature : features) {
    const std::vector<Case> cases = ExpandCases(feature);
    for (size_t s = 0; s < feature.scenarios.size(); ++s) {
      ScenarioReport report;
      report.key = ScenarioKey(feature, feature.scenarios[s]);
      if (select && !select(report.key)) continue;
      for (const Case& c : cases) {
        if (c.scenario != s) continue;
        ++report.cases;
        if (c.ignored) {
          report.ignored = true;
          continue;
        }
        const CaseResult r = runner.Run(c);
        if (r.outcome == Outcome::kPass) ++report.passed;
        if (r.outcome == Outcome::kFail) ++report.failed;
        if (r.outcome == Outcome::kNotSupported) ++report.not_supported;
        if (r.outcome != Outcome::kPass && report.first_reason.empty()) {
          report.first_reason = c.name + ": " + r.reason;
          report.first_cause = CauseOf(r.reason);
        }
      }
      if (report.ignored) {
        report.outcome = Outcome::kNotSupported;
        report.first_reason = "tagged @ignore";
        report.first_cause = report.first_reason;
      } else if (report.failed > 0) {
        report.outcome = Outcome::kFail;
      } else if (report.not_supported > 0) {
        report.outcome = Outcome::kNotSupported;
      } else {
        report.outcome = Outcome::kPass;
      }
      if (progress) progress(report);
      reports.push_back(std::move(report));
    }
  }
  return reports;
}

std::set<std::string> ReadExpectedPass(const std::string& path) {
  std::set<std::string> keys;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    keys.insert(line);
  }
  return keys;
}

}  // namespace copmap::tck
