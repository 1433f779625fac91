// tck_report: runs the openCypher TCK against copmap and prints pass / fail /
// not supported per feature file and in total, per scenario and per case.
//
//   tck_report [--filter TEXT] [--verbose] [--by-cause] [--fresh-store]
//              [--write-expected FILE]
//
// --filter runs only scenarios whose key ("<feature path>: <name>") contains
// TEXT; --verbose prints the reason for every scenario that did not pass;
// --by-cause groups the scenarios that failed by their cause, largest first;
// --write-expected writes the keys of the passing scenarios (the list that
// tests/tck/expected_pass.txt holds); --fresh-store opens a new store for
// every case instead of wiping one shared store (slow: ~0.3 s a case).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>

#include "tests/tck/tck_paths.h"
#include "tests/tck/tck_suite.h"

namespace copmap::tck {
namespace {

struct Tally {
  size_t scenarios = 0, s_pass = 0, s_fail = 0, s_ns = 0;
  size_t cases = 0, c_pass = 0, c_fail = 0, c_ns = 0;
  void Add(const ScenarioReport& r) {
    ++scenarios;
    s_pass += r.outcome == Outcome::kPass;
    s_fail += r.outcome == Outcome::kFail;
    s_ns += r.outcome == Outcome::kNotSupported;
    cases += r.cases;
    c_pass += r.passed;
    c_fail += r.failed;
    c_ns += r.cases - r.passed - r.failed;  // not supported and @ignore
  }
  std::string Line() const {
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "scenarios %4zu: %4zu pass %4zu fail %4zu n/s | cases %4zu: %4zu pass %4zu "
                  "fail %4zu n/s",
                  scenarios, s_pass, s_fail, s_ns, cases, c_pass, c_fail, c_ns);
    return buf;
  }
};

// Failed scenarios grouped by cause, largest group first, with their keys.
void PrintByCause(const std::vector<ScenarioReport>& reports) {
  std::map<std::string, std::vector<const ScenarioReport*>> by_cause;
  for (const auto& r : reports) {
    if (r.outcome == Outcome::kFail) by_cause[r.first_cause].push_back(&r);
  }
  std::vector<std::pair<std::string, std::vector<const ScenarioReport*>>> groups(
      by_cause.begin(), by_cause.end());
  std::stable_sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
    return a.second.size() > b.second.size();
  });
  std::printf("\nfailed scenarios by cause:\n");
  for (const auto& [cause, members] : groups) {
    std::printf("%4zu  %s\n", members.size(), cause.c_str());
    for (const ScenarioReport* r : members) std::printf("        %s\n", r->key.c_str());
  }
}

int Main(int argc, char** argv) {
  std::string filter, write_expected;
  bool verbose = false;
  bool fresh_store = false;
  bool by_cause = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--filter" && i + 1 < argc) {
      filter = argv[++i];
    } else if (arg == "--write-expected" && i + 1 < argc) {
      write_expected = argv[++i];
    } else if (arg == "--verbose") {
      verbose = true;
    } else if (arg == "--by-cause") {
      by_cause = true;
    } else if (arg == "--fresh-store") {
      fresh_store = true;
    } else {
      std::fprintf(stderr,
                   "usage: tck_report [--filter TEXT] [--verbose] [--by-cause] [--fresh-store] "
                   "[--write-expected FILE]\n");
      return 2;
    }
  }
  auto features = LoadFeatures(FeaturesDir());
  if (!features.ok()) {
    std::fprintf(stderr, "%s\n", features.status().ToString().c_str());
    return 1;
  }
  namespace fs = std::filesystem;
  const fs::path scratch =
      fs::temp_directory_path() / ("copmap-tck-" + std::to_string(::getpid()));
  fs::create_directories(scratch);
  auto runner =
      std::make_unique<TckRunner>(RunnerOptions{GraphsDir(), scratch.string(), fresh_store});

  const auto start = std::chrono::steady_clock::now();
  auto select = [&](const std::string& key) { return key.find(filter) != std::string::npos; };
  std::vector<ScenarioReport> reports = RunScenarios(
      *features, *runner, filter.empty() ? std::function<bool(const std::string&)>() : select,
      [&](const ScenarioReport& r) {
        if (verbose && r.outcome != Outcome::kPass) {
          std::printf("  %-13s %s\n      %s\n", OutcomeName(r.outcome), r.key.c_str(),
                      r.first_reason.c_str());
        }
      });
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  runner.reset();  // closes the store before its directory goes
  std::error_code ec;
  fs::remove_all(scratch, ec);

  std::map<std::string, Tally> by_file;
  Tally total;
  for (const auto& r : reports) {
    by_file[r.key.substr(0, r.key.find(": "))].Add(r);
    total.Add(r);
  }
  for (const auto& [file, tally] : by_file) {
    std::printf("%-52s %s\n", file.c_str(), tally.Line().c_str());
  }
  std::printf("%-52s %s\n", "TOTAL", total.Line().c_str());
  if (by_cause) PrintByCause(reports);
  std::printf("(%.1f s, %zu feature files)\n", seconds, by_file.size());

  if (!write_expected.empty()) {
    std::ofstream out(write_expected);
    out << "# openCypher TCK scenarios that copmap passes; tests/tck checks that they keep\n"
           "# passing. Regenerate: build-*/tests/tck/tck_report --write-expected "
           "tests/tck/expected_pass.txt\n";
    for (const auto& r : reports) {
      if (r.outcome == Outcome::kPass) out << r.key << "\n";
    }
  }
  return 0;
}

}  // namespace
}  // namespace copmap::tck

int main(int argc, char** argv) { return copmap::tck::Main(argc, argv); }
