// Fenced code blocks of a Markdown file, for the tests that run what the
// documentation shows (README.md, docs/QUERY.md).
#pragma once

#include <string>
#include <vector>

namespace copmap::docs {

struct CodeBlock {
  std::string info;  // what follows the opening ``` ("sh", "cypher", "text", "")
  std::string text;  // the lines between the fences, each ending in '\n'
  int line = 0;      // 1-based line of the opening fence
  // The heading (without its #s) the block sits under: names failures.
  std::string section;
};

// Every ```-fenced block in document order. Blocks indented inside list
// items count too; their common indentation is removed.
std::vector<CodeBlock> ExtractCodeBlocks(const std::string& markdown);

// The whole file; empty when it cannot be read.
std::string ReadTextFile(const std::string& path);

// The source tree: $COPMAP_SOURCE_DIR (set by ctest), else the tree this
// test was configured from.
std::string SourceDir();

}  // namespace copmap::docs
