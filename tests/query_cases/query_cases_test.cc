// Runs every tests/query_cases/cases/*.test file (format: case_file.h) against
// a fresh Engine on a temporary store, one GoogleTest test per file.
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "query/engine.h"
#include "storage/interchange/csv_importer.h"
#include "tests/query_cases/case_file.h"
#include "tests/tck/tck_value.h"

namespace copmap::query_cases {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> CaseFiles() {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(COPMAP_QUERY_CASES_DIR)) {
    if (e.path().extension() == ".test") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string RenderRow(const std::vector<Value>& row) {
  std::string out;
  for (size_t i = 0; i < row.size(); ++i) out += (i ? "|" : "") + row[i].ToString();
  return out;
}

std::string Lines(const std::vector<std::string>& rows) {
  std::string out;
  for (const auto& r : rows) out += "  " + r + "\n";
  return out;
}

Result<ValueMap> BuildParams(const std::vector<Param>& params) {
  ValueMap out;
  for (const Param& p : params) {
    COPMAP_ASSIGN_OR_RETURN(tck::TckValue v, tck::ParseTckValue(p.value));
    COPMAP_ASSIGN_OR_RETURN(Value value, tck::ToValue(v));
    out.emplace_back(p.name, std::move(value));
  }
  return out;
}

void Check(const Statement& st, const Result<query::QueryResult>& result) {
  const Expectation& e = st.expect;
  using K = Expectation::Kind;
  if (e.kind == K::kError || e.kind == K::kErrorContains) {
    ASSERT_FALSE(result.ok()) << "expected an error, got " << result->rows.size() << " rows";
    const std::string text = result.status().ToString();
    if (e.kind == K::kError) {
      EXPECT_EQ(text, e.error);
    } else {
      EXPECT_NE(text.find(e.error), std::string::npos) << text << "\ndoes not contain\n" << e.error;
    }
    return;
  }
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  if (e.kind == K::kOk) return;
  std::vector<std::string> got;
  for (const auto& row : result->rows) got.push_back(RenderRow(row));
  std::vector<std::string> want = e.rows;
  if (e.kind == K::kRows) {
    std::sort(got.begin(), got.end());
    std::sort(want.begin(), want.end());
  }
  EXPECT_EQ(got, want) << "expected:\n" << Lines(want) << "got:\n" << Lines(got);
}

class QueryCasesTest : public testing::TestWithParam<std::string> {};

TEST_P(QueryCasesTest, File) {
  std::ifstream in(GetParam());
  std::stringstream text;
  text << in.rdbuf();
  const std::string name = fs::path(GetParam()).filename().string();
  auto file = ParseCaseFile(name, text.str());
  ASSERT_TRUE(file.ok()) << file.status().ToString();

  const fs::path dir = fs::temp_directory_path() /
                       ("copmap-cases-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  query::EngineOptions options;
  options.store.sync_commits = false;
  // The CoP schema's constraints and names only for the example organization,
  // so that small cases see exactly the labels they create.
  options.store.cop_schema = !file->dataset.empty();
  options.store.cache_bytes = 4 << 20;
  auto engine = query::Engine::Open(dir.string(), options);
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();

  if (!file->dataset.empty()) {
    const fs::path data = fs::path(COPMAP_SOURCE_ROOT) / file->dataset;
    if (!fs::exists(data)) GTEST_SKIP() << "dataset " << data << " is not there yet";
    interchange::ImportOptions import;
    import.paths = {data.string()};
    interchange::ImportSummary summary;
    std::vector<std::string> errors;
    Status s = interchange::ImportCsv((*engine)->store(), import, &summary, &errors);
    ASSERT_TRUE(s.ok()) << s.ToString() << (errors.empty() ? "" : "\n" + errors[0]);
  }

  for (const TestCase& c : file->cases) {
    for (const Statement& st : c.statements) {
      SCOPED_TRACE(name + ":" + std::to_string(st.line) + " (case " + c.name + ")\n" + st.query);
      auto params = BuildParams(st.params);
      ASSERT_TRUE(params.ok()) << params.status().ToString();
      query::QueryOptions qo;
      qo.params = std::move(params).value();
      Check(st, (*engine)->Run(st.query, qo));
    }
  }
  engine->reset();
  fs::remove_all(dir);
}

std::string FileTestName(const testing::TestParamInfo<std::string>& info) {
  std::string stem = fs::path(info.param).stem().string();
  for (char& ch : stem) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return stem;
}

INSTANTIATE_TEST_SUITE_P(Cases, QueryCasesTest, testing::ValuesIn(CaseFiles()), FileTestName);

}  // namespace
}  // namespace copmap::query_cases
