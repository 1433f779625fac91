// A real store in a fresh temporary directory, and helpers to run queries
// and read their rows as text.
#pragma once

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "query/engine.h"

namespace copmap::query {

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() /
           ("copmap_engine_test_" + std::to_string(rd()) + std::to_string(rd()));
    EngineOptions options;
    options.store.sync_commits = false;
    options.store.cop_schema = false;
    options.max_var_length_depth = 8;
    auto engine = Engine::Open(dir_.string(), options);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = std::move(engine).value();
  }
  void TearDown() override {
    engine_.reset();
    std::filesystem::remove_all(dir_);
  }

  // Runs a query that must succeed.
  QueryResult Run(std::string_view text, ValueMap params = {}) {
    QueryOptions options;
    options.params = std::move(params);
    auto r = engine_->Run(text, options);
    EXPECT_TRUE(r.ok()) << text << "\n" << r.status().ToString();
    return r.ok() ? std::move(r).value() : QueryResult{};
  }
  // The rows as "a|b" lines, in result order.
  std::vector<std::string> Rows(std::string_view text, ValueMap params = {}) {
    QueryResult r = Run(text, std::move(params));
    std::vector<std::string> out;
    for (const auto& row : r.rows) {
      std::string line;
      for (size_t i = 0; i < row.size(); ++i) line += (i ? "|" : "") + row[i].ToString();
      out.push_back(line);
    }
    return out;
  }
  // The full error text ("Kind: message") of a query that must fail.
  std::string Error(std::string_view text, ValueMap params = {}) {
    QueryOptions options;
    options.params = std::move(params);
    auto r = engine_->Run(text, options);
    EXPECT_FALSE(r.ok()) << text;
    return r.ok() ? "OK" : r.status().ToString();
  }

  std::filesystem::path dir_;
  std::unique_ptr<Engine> engine_;
};

}  // namespace copmap::query
