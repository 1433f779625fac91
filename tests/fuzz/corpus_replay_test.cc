// Replays every seed (tests/fuzz/corpus/<target>/) and every input that once
// crashed (tests/fuzz/regressions/<target>/) through the fuzz targets, in the
// normal build: a fixed crash stays fixed without clang or libFuzzer.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/fuzz/fuzz_targets.h"

namespace copmap::fuzz {
namespace {

namespace fs = std::filesystem;

fs::path FuzzDir() {
  const char* root = std::getenv("COPMAP_SOURCE_DIR");
  return fs::path(root ? root : COPMAP_SOURCE_DIR) / "tests" / "fuzz";
}

std::vector<fs::path> FilesIn(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class CorpusReplayTest : public ::testing::TestWithParam<FuzzTarget> {};

}  // namespace

// GoogleTest prints a parameter into the test's listing, which ctest takes
// into the test's name: the target's name, not the struct's pointer bytes.
void PrintTo(const FuzzTarget& target, std::ostream* out) { *out << target.name; }

namespace {

TEST_P(CorpusReplayTest, EverySeedAndPastCrashRuns) {
  const FuzzTarget& target = GetParam();
  std::vector<fs::path> files = FilesIn(FuzzDir() / "corpus" / target.name);
  ASSERT_FALSE(files.empty()) << "no seed corpus for " << target.name;
  std::vector<fs::path> regressions = FilesIn(FuzzDir() / "regressions" / target.name);
  files.insert(files.end(), regressions.begin(), regressions.end());
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.string());
    const std::string bytes = ReadBytes(file);
    EXPECT_EQ(target.run(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()), 0);
  }
}

INSTANTIATE_TEST_SUITE_P(Targets, CorpusReplayTest, ::testing::ValuesIn(AllFuzzTargets().begin(),
                                                                        AllFuzzTargets().end()),
                         [](const ::testing::TestParamInfo<FuzzTarget>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace copmap::fuzz
