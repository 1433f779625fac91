// A directory under the system temp dir, removed with everything in it when
// the object goes. The fuzz targets keep their throw-away stores here.
#pragma once

#include <filesystem>
#include <string>

namespace copmap::fuzz {

class FuzzTempDir {
 public:
  FuzzTempDir();
  ~FuzzTempDir();
  FuzzTempDir(const FuzzTempDir&) = delete;
  FuzzTempDir& operator=(const FuzzTempDir&) = delete;

  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace copmap::fuzz
