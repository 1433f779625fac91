// Where the TCK lives. COPMAP_TCK_DIR is set by tests/tck/CMakeLists.txt
// (default: ../shared/tck next to the source tree); the environment variable
// of the same name overrides it at run time.
#pragma once

#include <cstdlib>
#include <string>

namespace copmap::tck {

inline std::string TckDir() {
  if (const char* env = std::getenv("COPMAP_TCK_DIR")) return env;
  return COPMAP_TCK_DIR;
}
inline std::string FeaturesDir() { return TckDir() + "/features"; }
inline std::string GraphsDir() { return TckDir() + "/graphs"; }
inline std::string ExpectedPassFile() { return COPMAP_TCK_EXPECTED_PASS; }

}  // namespace copmap::tck
