#include "tests/analytics/classic_graphs.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace copmap::analytics::testing {

namespace {

std::vector<std::vector<std::string>> ReadCsv(const std::string& file) {
  // Compiled in by tests/analytics/CMakeLists.txt, so the test runs from any directory.
  std::string path = std::string(COPMAP_ANALYTICS_TEST_DATA) + "/" + file;
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> fields;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, ',')) fields.push_back(field);
    rows.push_back(fields);
  }
  return rows;
}

Projection Build(uint32_t n, std::vector<Edge> edges, bool directed) {
  Result<Projection> p = Projection::FromEdges(n, std::move(edges), directed);
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  return p.ok() ? std::move(p).value() : Projection();
}

}  // namespace

Projection KarateClub(bool weighted, bool directed) {
  std::vector<Edge> edges;
  for (const auto& row : ReadCsv("karate_club_edges.csv")) {
    edges.push_back({static_cast<LocalId>(std::stoul(row.at(0))),
                     static_cast<LocalId>(std::stoul(row.at(1))),
                     weighted ? std::stod(row.at(2)) : 1.0});
  }
  EXPECT_EQ(edges.size(), 78u);
  return Build(34, std::move(edges), directed);
}

Projection FlorentineFamilies(std::vector<std::string>* names) {
  auto rows = ReadCsv("florentine_families_marriage_edges.csv");
  std::vector<std::string> families;
  for (const auto& row : rows) {
    families.push_back(row.at(0));
    families.push_back(row.at(1));
  }
  std::sort(families.begin(), families.end());
  families.erase(std::unique(families.begin(), families.end()), families.end());
  auto id = [&families](const std::string& name) {
    return static_cast<LocalId>(std::lower_bound(families.begin(), families.end(), name) -
                                families.begin());
  };
  std::vector<Edge> edges;
  for (const auto& row : rows) edges.push_back({id(row.at(0)), id(row.at(1)), 1.0});
  EXPECT_EQ(families.size(), 15u);
  if (names) *names = families;
  return Build(static_cast<uint32_t>(families.size()), std::move(edges), false);
}

}  // namespace copmap::analytics::testing
