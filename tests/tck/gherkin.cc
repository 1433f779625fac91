#include "tests/tck/gherkin.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace copmap::tck {
namespace {

std::string Trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// Splits "| a | b\|c |" into cells, applying Gherkin's cell escapes:
// \| is a bar, \\ a backslash, \n a newline; other backslashes stay.
std::vector<std::string> SplitRow(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  bool started = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '\\' && i + 1 < line.size()) {
      const char n = line[i + 1];
      if (n == '|' || n == '\\') {
        cell += n;
        ++i;
        continue;
      }
      if (n == 'n') {
        cell += '\n';
        ++i;
        continue;
      }
      cell += c;
      continue;
    }
    if (c == '|') {
      if (started) cells.push_back(Trim(cell));
      started = true;
      cell.clear();
      continue;
    }
    cell += c;
  }
  return cells;
}

const char* const kStepKeywords[] = {"Given ", "When ", "Then ", "And ", "But "};

std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

Step Substitute(const Step& step, const std::vector<std::string>& header,
                const std::vector<std::string>& row) {
  Step out = step;
  for (size_t i = 0; i < header.size() && i < row.size(); ++i) {
    const std::string key = "<" + header[i] + ">";
    out.text = ReplaceAll(out.text, key, row[i]);
    out.doc = ReplaceAll(out.doc, key, row[i]);
    for (auto& r : out.table) {
      for (auto& cell : r) cell = ReplaceAll(cell, key, row[i]);
    }
  }
  return out;
}

}  // namespace

Result<Feature> ParseFeature(const std::string& path, const std::string& text) {
  Feature feature;
  feature.path = path;
  std::vector<std::string> lines;
  {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  enum class Section { kNone, kBackground, kScenario, kExamples };
  Section section = Section::kNone;
  std::vector<std::string> pending_tags;
  Step* last_step = nullptr;
  auto error = [&](size_t i, const std::string& what) {
    return Status::InvalidArgument(path + ":" + std::to_string(i + 1) + ": " + what);
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string line = Trim(lines[i]);
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '@') {
      std::istringstream tags(line);
      for (std::string tag; tags >> tag;) pending_tags.push_back(tag);
      continue;
    }
    if (StartsWith(line, "Feature:")) {
      feature.name = Trim(line.substr(8));
      pending_tags.clear();
      continue;
    }
    if (StartsWith(line, "Background:")) {
      section = Section::kBackground;
      last_step = nullptr;
      continue;
    }
    const bool outline = StartsWith(line, "Scenario Outline:");
    if (outline || StartsWith(line, "Scenario:")) {
      ScenarioSpec s;
      s.outline = outline;
      s.name = Trim(line.substr(line.find(':') + 1));
      s.line = static_cast<int>(i + 1);
      s.tags = std::move(pending_tags);
      pending_tags.clear();
      feature.scenarios.push_back(std::move(s));
      section = Section::kScenario;
      last_step = nullptr;
      continue;
    }
    if (StartsWith(line, "Examples:")) {
      if (feature.scenarios.empty() || !feature.scenarios.back().outline) {
        return error(i, "Examples: outside a Scenario Outline");
      }
      feature.scenarios.back().examples.emplace_back();
      section = Section::kExamples;
      pending_tags.clear();
      continue;
    }
    if (line[0] == '|') {
      if (section == Section::kExamples) {
        feature.scenarios.back().examples.back().push_back(SplitRow(line));
      } else if (last_step != nullptr) {
        last_step->table.push_back(SplitRow(line));
      } else {
        return error(i, "table row without a step");
      }
      continue;
    }
    if (StartsWith(line, "\"\"\"")) {
      if (last_step == nullptr) return error(i, "doc string without a step");
      const size_t indent = lines[i].find("\"\"\"");
      std::string doc;
      size_t j = i + 1;
      for (; j < lines.size() && Trim(lines[j]) != "\"\"\""; ++j) {
        const std::string& raw = lines[j];
        const size_t strip = std::min(indent, raw.find_first_not_of(' ') == std::string::npos
                                                  ? raw.size()
                                                  : raw.find_first_not_of(' '));
        doc += raw.substr(strip) + "\n";
      }
      if (j == lines.size()) return error(i, "unterminated doc string");
      if (!doc.empty()) doc.pop_back();
      last_step->doc = doc;
      last_step->has_doc = true;
      i = j;
      continue;
    }
    bool is_step = false;
    for (const char* kw : kStepKeywords) {
      if (!StartsWith(line, kw)) continue;
      Step step;
      step.keyword = Trim(kw);
      step.text = Trim(line.substr(std::string(kw).size()));
      step.line = static_cast<int>(i + 1);
      std::vector<Step>* steps = nullptr;
      if (section == Section::kBackground) steps = &feature.background;
      if (section == Section::kScenario) steps = &feature.scenarios.back().steps;
      if (steps == nullptr) return error(i, "step outside a scenario: " + line);
      steps->push_back(std::move(step));
      last_step = &steps->back();
      is_step = true;
      break;
    }
    if (!is_step) return error(i, "unrecognized line: " + line);
  }
  return feature;
}

std::vector<Case> ExpandCases(const Feature& feature) {
  std::vector<Case> cases;
  for (size_t s = 0; s < feature.scenarios.size(); ++s) {
    const ScenarioSpec& spec = feature.scenarios[s];
    const bool ignored = std::find(spec.tags.begin(), spec.tags.end(), "@ignore") != spec.tags.end();
    if (!spec.outline) {
      Case c{s, 0, spec.name, feature.background, ignored};
      c.steps.insert(c.steps.end(), spec.steps.begin(), spec.steps.end());
      cases.push_back(std::move(c));
      continue;
    }
    size_t example = 0;
    for (const Table& table : spec.examples) {
      if (table.empty()) continue;
      for (size_t r = 1; r < table.size(); ++r, ++example) {
        Case c{s, example, spec.name + " #" + std::to_string(example + 1), feature.background,
               ignored};
        for (const Step& step : spec.steps) c.steps.push_back(Substitute(step, table[0], table[r]));
        // The name may hold placeholders too ("#Example: <exampleName>").
        Step name_holder;
        name_holder.text = c.name;
        c.name = Substitute(name_holder, table[0], table[r]).text;
        cases.push_back(std::move(c));
      }
    }
  }
  return cases;
}

Result<std::vector<Feature>> LoadFeatures(const std::string& root) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return Status::NotFound("no TCK features directory " + root);
  std::vector<std::string> paths;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".feature") {
      paths.push_back(fs::relative(entry.path(), root).string());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<Feature> features;
  for (const std::string& rel : paths) {
    std::ifstream in(fs::path(root) / rel, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    COPMAP_ASSIGN_OR_RETURN(Feature f, ParseFeature(rel, buf.str()));
    features.push_back(std::move(f));
  }
  return features;
}

}  // namespace copmap::tck
