// Every scenario in tests/tck/expected_pass.txt must still pass.
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "tests/tck/tck_paths.h"
#include "tests/tck/tck_suite.h"

namespace copmap::tck {
namespace {

TEST(TckExpectedPassTest, ListedScenariosStillPass) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(FeaturesDir())) GTEST_SKIP() << "no TCK at " << FeaturesDir();
  auto features = LoadFeatures(FeaturesDir());
  ASSERT_TRUE(features.ok()) << features.status().ToString();
  const std::set<std::string> expected = ReadExpectedPass(ExpectedPassFile());

  // A listed key that names no scenario is a stale list.
  std::set<std::string> known;
  for (const Feature& f : *features) {
    for (const ScenarioSpec& s : f.scenarios) known.insert(ScenarioKey(f, s));
  }
  for (const std::string& key : expected) {
    EXPECT_TRUE(known.count(key)) << "expected_pass.txt names an unknown scenario: " << key;
  }

  const fs::path scratch =
      fs::temp_directory_path() / ("copmap-tck-test-" + std::to_string(::getpid()));
  fs::create_directories(scratch);
  auto runner = std::make_unique<TckRunner>(RunnerOptions{GraphsDir(), scratch.string()});
  size_t ran = 0;
  RunScenarios(
      *features, *runner, [&](const std::string& key) { return expected.count(key) > 0; },
      [&](const ScenarioReport& r) {
        ++ran;
        EXPECT_EQ(r.outcome, Outcome::kPass) << r.key << "\n  " << r.first_reason;
      });
  runner.reset();  // closes the store before its directory goes
  std::error_code ec;
  fs::remove_all(scratch, ec);
  EXPECT_EQ(ran, expected.size());
}

}  // namespace
}  // namespace copmap::tck
