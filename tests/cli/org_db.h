// The example organization (examples/org) imported once into a temporary
// database shared by a test binary's tests.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "tests/cli/cli_run.h"

namespace copmap::testing {

class OrgDbTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    const char* src = std::getenv("COPMAP_SOURCE_DIR");
    std::string root = src ? src : COPMAP_SOURCE_DIR_FALLBACK;
    CliResult r = RunCopmap("import --db " + db() + " " + root + "/examples/org");
    ASSERT_EQ(r.code, 0) << r.out << r.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string db() { return *dir_ / "org.db"; }
  static TempDir* dir_;
};

inline TempDir* OrgDbTest::dir_ = nullptr;

}  // namespace copmap::testing
