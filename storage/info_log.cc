#include "storage/info_log.h"

#include <sys/time.h>

#include <cstdarg>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <mutex>

namespace copmap::storage {
namespace {

class InfoLog final : public rocksdb::Logger {
 public:
  explicit InfoLog(std::FILE* file) : file_(file) {}
  ~InfoLog() override { std::fclose(file_); }

  using rocksdb::Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    char line[2048];
    timeval now{};
    ::gettimeofday(&now, nullptr);
    tm t{};
    ::localtime_r(&now.tv_sec, &t);
    int n = std::snprintf(line, sizeof line, "%04d/%02d/%02d-%02d:%02d:%02d.%06ld ",
                          t.tm_year + 1900, t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min,
                          t.tm_sec, static_cast<long>(now.tv_usec));
    int m = std::vsnprintf(line + n, sizeof line - n - 1, format, ap);
    size_t len = std::min(sizeof line - 2, size_t(n) + size_t(m < 0 ? 0 : m));
    if (len == 0 || line[len - 1] != '\n') line[len++] = '\n';
    std::lock_guard<std::mutex> lock(mu_);
    // A failed write (a full disk) loses this line and nothing else.
    std::fwrite(line, 1, len, file_);
    std::fflush(file_);
    std::clearerr(file_);
  }

 private:
  std::mutex mu_;
  std::FILE* file_;
};

}  // namespace

std::shared_ptr<rocksdb::Logger> NewInfoLog(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const std::string path = dir + "/LOG";
  std::filesystem::rename(path, path + ".old", ec);
  std::FILE* file = std::fopen(path.c_str(), "w");
  if (file == nullptr) return nullptr;
  return std::make_shared<InfoLog>(file);
}

}  // namespace copmap::storage
