// A Gherkin reader for the openCypher TCK feature files: just the subset the
// TCK uses (Feature, Background, Scenario, Scenario Outline with Examples,
// tags, steps with doc strings and tables, comments).
#pragma once

#include <string>
#include <vector>

#include "storage/status.h"

namespace copmap::tck {

using Table = std::vector<std::vector<std::string>>;  // rows of cells; row 0 is the header

struct Step {
  std::string keyword;  // Given, When, Then, And, But
  std::string text;     // the rest of the line, e.g. "executing query:"
  std::string doc;      // the """ doc string, indentation removed; empty if none
  bool has_doc = false;
  Table table;          // the | table |, cells trimmed and unescaped; empty if none
  int line = 0;
};

struct ScenarioSpec {
  std::string name;                 // "[1] Return a literal"
  int line = 0;
  std::vector<std::string> tags;    // "@ignore", ...
  bool outline = false;
  std::vector<Step> steps;
  std::vector<Table> examples;      // one table per Examples: block
};

struct Feature {
  std::string path;   // relative to the features root, e.g. "clauses/match/Match1.feature"
  std::string name;   // text after "Feature:"
  std::vector<Step> background;
  std::vector<ScenarioSpec> scenarios;
};

// One runnable case: a Scenario, or one Examples row of an Outline with its
// <placeholders> substituted (in step text, doc strings and tables).
struct Case {
  size_t scenario = 0;       // index into Feature::scenarios
  size_t example = 0;        // 0-based row among all Examples rows; 0 for a Scenario
  std::string name;          // scenario name, plus " #<example+1>" for an outline row
  std::vector<Step> steps;   // the Background's steps first
  bool ignored = false;      // tagged @ignore
};

// Parses one feature file. `path` is only used for messages and Feature::path.
// Errors say "<path>:<line>: <problem>".
Result<Feature> ParseFeature(const std::string& path, const std::string& text);

// The runnable cases of a feature, in file order.
std::vector<Case> ExpandCases(const Feature& feature);

// Every *.feature file under `root`, parsed, sorted by path.
Result<std::vector<Feature>> LoadFeatures(const std::string& root);

}  // namespace copmap::tck
