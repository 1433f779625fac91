// Test helpers: a temporary directory and a store opened in it.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "storage/graph_store.h"

namespace copmap::storage::test {

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = (std::filesystem::temp_directory_path() /
             ("copmap-storage-" + std::to_string(::getpid()) + "-" + std::to_string(counter++)))
                .string();
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::string& path() const { return path_; }
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline std::unique_ptr<GraphStore> OpenOrDie(const std::string& dir, StoreOptions options = {}) {
  auto store = GraphStore::Open(dir, options);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(store).value() : nullptr;
}

// Unwraps a Result in a test, failing loudly.
template <typename T>
T Must(Result<T> r) {
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok()) throw std::runtime_error(r.status().ToString());
  return std::move(r).value();
}

inline void MustOk(const Status& s) {
  EXPECT_TRUE(s.ok()) << s.ToString();
  if (!s.ok()) throw std::runtime_error(s.ToString());
}

template <typename It>
std::vector<uint64_t> Ids(It&& it) {
  std::vector<uint64_t> out;
  for (; it->Valid(); it->Next()) out.push_back(it->id());
  EXPECT_TRUE(it->status().ok()) << it->status().ToString();
  return out;
}

inline std::vector<std::string> ViolationTexts(GraphStore& store) {
  auto v = store.Check();
  EXPECT_TRUE(v.ok()) << v.status().ToString();
  std::vector<std::string> out;
  if (v.ok()) {
    for (const auto& x : *v) out.push_back(x.what);
  }
  return out;
}

}  // namespace copmap::storage::test
