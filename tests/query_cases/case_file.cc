#include "tests/query_cases/case_file.h"

#include <sstream>

namespace copmap::query_cases {
namespace {

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

std::string TrimRight(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) s.pop_back();
  return s;
}

// A line that starts a new directive ends a statement, a row block or an
// error text.
bool IsDirective(const std::string& line) {
  return StartsWith(line, "-CASE") || StartsWith(line, "-STATEMENT") ||
         StartsWith(line, "-PARAM") || StartsWith(line, "-DATASET") || StartsWith(line, "----");
}

}  // namespace

Result<CaseFile> ParseCaseFile(const std::string& path, const std::string& text) {
  CaseFile file;
  file.path = path;
  std::vector<std::string> lines;
  {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(TrimRight(line));
  }
  auto error = [&](size_t i, const std::string& what) {
    return Status::InvalidArgument(path + ":" + std::to_string(i + 1) + ": " + what);
  };
  std::vector<Param> params;
  size_t i = 0;
  while (i < lines.size()) {
    const std::string& line = lines[i];
    if (line.empty() || line[0] == '#') {
      ++i;
      continue;
    }
    if (StartsWith(line, "-DATASET ")) {
      if (!file.cases.empty()) return error(i, "-DATASET must come before the first -CASE");
      std::istringstream words(line.substr(9));
      std::string kind;
      words >> kind >> file.dataset;
      if (kind != "csv" || file.dataset.empty()) return error(i, "expected -DATASET csv <path>");
      ++i;
      continue;
    }
    if (StartsWith(line, "-CASE")) {
      TestCase c;
      c.name = line.size() > 6 ? line.substr(6) : "";
      if (c.name.empty()) return error(i, "-CASE needs a name");
      c.line = static_cast<int>(i + 1);
      file.cases.push_back(std::move(c));
      params.clear();
      ++i;
      continue;
    }
    if (file.cases.empty()) return error(i, "expected -CASE before: " + line);
    if (StartsWith(line, "-PARAM ")) {
      const std::string rest = line.substr(7);
      const size_t space = rest.find(' ');
      if (space == std::string::npos) return error(i, "expected -PARAM <name> <value>");
      params.push_back({rest.substr(0, space), rest.substr(space + 1)});
      ++i;
      continue;
    }
    if (!StartsWith(line, "-STATEMENT")) return error(i, "unexpected line: " + line);
    Statement st;
    st.line = static_cast<int>(i + 1);
    st.params = params;
    st.query = line.size() > 11 ? line.substr(11) : "";
    for (++i; i < lines.size() && !IsDirective(lines[i]); ++i) {
      if (lines[i].empty() || lines[i][0] == '#') continue;
      st.query += "\n" + lines[i];
    }
    if (i == lines.size() || !StartsWith(lines[i], "----")) {
      return error(static_cast<size_t>(st.line - 1), "-STATEMENT without a ---- result line");
    }
    const std::string header = lines[i].substr(4);
    std::istringstream words(header);
    std::string w1, w2;
    words >> w1 >> w2;
    const size_t header_line = i++;
    // The block under the header: up to a blank line or the next directive.
    std::vector<std::string> block;
    for (; i < lines.size() && !lines[i].empty() && !IsDirective(lines[i]); ++i) {
      if (lines[i][0] == '#') continue;  // a comment, never a row (no value prints as #...)
      block.push_back(lines[i]);
    }
    Expectation& e = st.expect;
    if (w1 == "ok") {
      e.kind = Expectation::Kind::kOk;
    } else if (w1 == "error") {
      e.kind = w2 == "contains" ? Expectation::Kind::kErrorContains : Expectation::Kind::kError;
      for (size_t k = 0; k < block.size(); ++k) e.error += (k ? "\n" : "") + block[k];
      if (e.error.empty()) return error(header_line, "---- error needs the error text below it");
      block.clear();
    } else {
      const bool ordered = w1 == "ordered";
      const std::string count_text = ordered ? w2 : w1;
      size_t count = 0;
      try {
        count = std::stoul(count_text);
      } catch (...) {
        return error(header_line, "expected '---- ok', '---- error', '---- N' or "
                                  "'---- ordered N', got '----" + header + "'");
      }
      e.kind = ordered ? Expectation::Kind::kOrderedRows : Expectation::Kind::kRows;
      e.rows = block;
      block.clear();
      if (e.rows.size() != count) {
        return error(header_line, "---- " + count_text + " is followed by " +
                                      std::to_string(e.rows.size()) + " rows");
      }
    }
    if (!block.empty()) return error(header_line + 1, "rows under '---- " + header + "'");
    file.cases.back().statements.push_back(std::move(st));
  }
  return file;
}

}  // namespace copmap::query_cases
