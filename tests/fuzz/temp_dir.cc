#include "tests/fuzz/temp_dir.h"

#include <stdlib.h>

#include <cstdio>
#include <cstdlib>

namespace copmap::fuzz {

FuzzTempDir::FuzzTempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "copmap_fuzz_XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    std::perror("mkdtemp");
    std::abort();
  }
  path_ = pattern;
}

FuzzTempDir::~FuzzTempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace copmap::fuzz
