#include "tests/docs/markdown_blocks.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace copmap::docs {
namespace {

size_t Indent(const std::string& line) { return line.find_first_not_of(' '); }

bool IsFence(const std::string& line) {
  size_t indent = Indent(line);
  return indent != std::string::npos && line.compare(indent, 3, "```") == 0;
}

}  // namespace

std::vector<CodeBlock> ExtractCodeBlocks(const std::string& markdown) {
  std::vector<CodeBlock> blocks;
  std::istringstream in(markdown);
  std::string line, section;
  int number = 0;
  CodeBlock* open = nullptr;
  size_t indent = 0;
  while (std::getline(in, line)) {
    ++number;
    if (open == nullptr) {
      if (line.rfind('#', 0) == 0) {
        section = line.substr(line.find_first_not_of('#'));
        section.erase(0, section.find_first_not_of(' '));
      } else if (IsFence(line)) {
        indent = Indent(line);
        blocks.push_back({line.substr(indent + 3), "", number, section});
        open = &blocks.back();
      }
    } else if (IsFence(line) && line.find_first_not_of("` ") == std::string::npos) {
      open = nullptr;
    } else {
      // Inside a list item the block's lines share the fence's indentation.
      open->text += (Indent(line) != std::string::npos && Indent(line) >= indent ? line.substr(indent) : line) + "\n";
    }
  }
  return blocks;
}

std::string ReadTextFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

std::string SourceDir() {
  const char* env = std::getenv("COPMAP_SOURCE_DIR");
  return env != nullptr ? env : COPMAP_SOURCE_DIR_DEFAULT;
}

}  // namespace copmap::docs
