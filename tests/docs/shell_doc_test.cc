// The ```sh blocks of README.md and of the guides run, in order, as a reader
// would paste them: one bash per block (-e -o pipefail), in a fresh directory
// that has the repository's examples/ and proto/ and, beside it, ../shared,
// with the built `copmap` first on PATH. Each must exit 0; when a ```text block
// follows, the block's stdout must be what it shows ("..." stands for text that
// changes between runs: text_match.h). Blocks that only run `make` targets
// (README's `make demo` / `make test`) are not run: this test runs inside
// `make test`.
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "tests/docs/markdown_blocks.h"
#include "tests/docs/text_match.h"
#include "tests/interchange/test_util.h"

namespace copmap::docs {
namespace {

namespace fs = std::filesystem;
using copmap::testing::ReadFile;
using copmap::testing::TempDir;
using copmap::testing::WriteFile;

bool OnlyMakeTargets(const std::string& text) {
  std::istringstream lines(text);
  bool any = false;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    if (line.rfind("make ", 0) != 0) return false;
    any = true;
  }
  return any;
}

// A reader's checkout: examples/, proto/ and docs/ of the source tree, and
// the shared data as ../shared.
std::string MakeWorkspace(const TempDir& dir) {
  fs::path root = dir.path() / "copmap";
  fs::create_directories(root);
  fs::create_directories(dir.path() / "home");
  for (const char* sub : {"examples", "proto", "docs"}) {
    fs::create_directory_symlink(fs::path(SourceDir()) / sub, root / sub);
  }
  fs::path shared = fs::path(SourceDir()).parent_path() / "shared";
  if (fs::exists(shared)) fs::create_directory_symlink(shared, dir.path() / "shared");
  return root.string();
}

struct BlockRun {
  int code = -1;
  std::string out, err;
};

BlockRun RunBlock(const TempDir& dir, const std::string& cwd, const std::string& script) {
  WriteFile(dir / "block.sh", script);
  std::string command = "cd '" + cwd + "' && HOME='" + (dir / "home") + "' PATH='" +
                        COPMAP_BINARY_DIR + "':\"$PATH\" timeout 300 bash -e -o pipefail '" +
                        (dir / "block.sh") + "' >'" + (dir / "out") + "' 2>'" + (dir / "err") +
                        "' </dev/null";
  int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadFile(dir / "out"), ReadFile(dir / "err")};
}

class ShellDocTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ShellDocTest, EveryShellBlockRunsAndPrintsWhatIsShown) {
  const std::string markdown = ReadTextFile(SourceDir() + "/" + GetParam());
  ASSERT_FALSE(markdown.empty()) << GetParam();
  std::vector<CodeBlock> blocks = ExtractCodeBlocks(markdown);
  TempDir dir;
  const std::string cwd = MakeWorkspace(dir);
  int ran = 0;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const CodeBlock& block = blocks[i];
    if (block.info != "sh" || OnlyMakeTargets(block.text)) continue;
    BlockRun run = RunBlock(dir, cwd, block.text);
    ++ran;
    std::string where = GetParam() + ":" + std::to_string(block.line) + " (" + block.section + ")";
    ASSERT_EQ(run.code, 0) << where << "\n" << block.text << "stdout:\n" << run.out << "stderr:\n" << run.err;
    if (i + 1 < blocks.size() && blocks[i + 1].info == "text") {
      EXPECT_TRUE(MatchesShownOutput(blocks[i + 1].text, run.out))
          << where << "\n" << block.text << "shows:\n" << blocks[i + 1].text << "prints:\n" << run.out;
    }
  }
  EXPECT_GT(ran, 0) << GetParam() << " has no ```sh block to run";
}

INSTANTIATE_TEST_SUITE_P(Docs, ShellDocTest,
                         ::testing::Values("README.md", "docs/IMPORT.md", "docs/OPERATIONS.md"),
                         [](const auto& info) {
                           std::string name = fs::path(info.param).stem().string();
                           std::erase(name, '_');
                           return name;
                         });

// README.md opens with the two commands a newcomer needs, before any other
// command.
TEST(ReadmeTest, MakeDemoAndMakeTestComeFirst) {
  std::vector<CodeBlock> blocks = ExtractCodeBlocks(ReadTextFile(SourceDir() + "/README.md"));
  ASSERT_FALSE(blocks.empty());
  EXPECT_EQ(blocks[0].info, "sh");
  EXPECT_TRUE(OnlyMakeTargets(blocks[0].text)) << blocks[0].text;
  EXPECT_EQ(blocks[0].text.rfind("make demo", 0), 0u) << blocks[0].text;
  EXPECT_NE(blocks[0].text.find("\nmake test"), std::string::npos) << blocks[0].text;
}

}  // namespace
}  // namespace copmap::docs
