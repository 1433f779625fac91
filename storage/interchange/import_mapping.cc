#include "storage/interchange/import_mapping.h"

#include <fstream>
#include <sstream>

namespace copmap::interchange {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A '#' after a space or tab starts a comment that runs to the end of the
// line; `s` is trimmed, so a '#' that opens it followed one too. Only a
// delimiter may itself be '#' (`delimiter = #`): `keep_leading_hash`. A '#'
// inside a word (`labels = C#`) is part of the value.
std::string_view StripComment(std::string_view s, bool keep_leading_hash = false) {
  for (size_t i = keep_leading_hash ? 1 : 0; i < s.size(); ++i) {
    if (s[i] == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) return Trim(s.substr(0, i));
  }
  return s;
}

bool EndsWithPath(std::string_view path, std::string_view pattern) {
  if (!path.ends_with(pattern)) return false;
  if (path.size() == pattern.size()) return true;
  return path[path.size() - pattern.size() - 1] == '/';
}

}  // namespace

Result<char> ParseDelimiter(std::string_view text) {
  if (text == "\\t" || text == "tab" || text == "TAB" || text == "\t") return '\t';
  if (text.size() != 1) {
    return Status::InvalidArgument("delimiter '" + std::string(text) +
                                   "' must be a single character (or \\t / tab)");
  }
  char c = text[0];
  if (c == '"' || c == '\n' || c == '\r') {
    return Status::InvalidArgument("delimiter cannot be a quote or a line break");
  }
  return c;
}

const FileMapping* ImportMapping::Find(std::string_view path) const {
  const FileMapping* best = nullptr;
  for (const FileMapping& f : files) {
    if (EndsWithPath(path, f.pattern) && (best == nullptr || f.pattern.size() > best->pattern.size())) {
      best = &f;
    }
  }
  return best;
}

Result<ImportMapping> ParseMapping(std::string_view text, std::string_view source) {
  ImportMapping mapping;
  mapping.source = std::string(source);
  FileMapping* section = nullptr;
  int line_no = 0;
  std::istringstream in{std::string(text)};
  std::string raw;
  while (std::getline(in, raw)) {
    ++line_no;
    auto fail = [&](const std::string& why) {
      return Status::InvalidArgument(std::string(source) + ":" + std::to_string(line_no) + ": " + why);
    };
    std::string_view line = Trim(raw);
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == '[') {
      line = StripComment(line);
      if (line.back() != ']') return fail("a section line must end with ']'");
      std::string name(Trim(line.substr(1, line.size() - 2)));
      if (name.empty()) return fail("empty section name (expected a file name)");
      for (const FileMapping& f : mapping.files) {
        if (f.pattern == name) return fail("section [" + name + "] appears twice");
      }
      mapping.files.emplace_back();
      mapping.files.back().pattern = name;
      mapping.files.back().line = line_no;
      section = &mapping.files.back();
      continue;
    }
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) return fail("expected 'key = value', got '" + std::string(line) + "'");
    std::string_view key = Trim(line.substr(0, eq));
    std::string_view value =
        StripComment(Trim(line.substr(eq + 1)), key == "delimiter" || key == "array_delimiter");
    if (key == "delimiter" || key == "array_delimiter") {
      auto d = ParseDelimiter(value);
      if (!d.ok()) return fail(d.status().message());
      if (key == "array_delimiter") {
        if (section != nullptr) return fail("array_delimiter applies to all files: put it before the first section");
        mapping.array_delimiter = *d;
      } else if (section != nullptr) {
        section->delimiter = *d;
      } else {
        mapping.delimiter = *d;
      }
      continue;
    }
    if (section == nullptr) return fail("'" + std::string(key) + "' must be inside a [file] section");
    if (key == "labels") {
      section->labels = std::string(value);
    } else if (key == "type") {
      if (value.empty()) return fail("type needs a relationship type");
      section->type = std::string(value);
    } else if (key == "skip") {
      if (value != "true" && value != "false") return fail("skip must be true or false");
      section->skip = value == "true";
    } else if (key.starts_with("column ") || key.starts_with("column\t")) {
      std::string_view column = Trim(key.substr(7));
      if (column.empty()) return fail("'column' needs the header name of a column");
      if (value.empty()) return fail("column '" + std::string(column) + "' needs a header field (e.g. name:int)");
      section->columns.emplace_back(std::string(column), std::string(value));
    } else {
      return fail("unknown key '" + std::string(key) +
                  "' (expected labels, type, delimiter, skip or column NAME)");
    }
    if (section->labels && section->type) {
      return fail("section [" + section->pattern + "] sets both labels and type");
    }
  }
  return mapping;
}

Result<ImportMapping> LoadMapping(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open the mapping file");
  std::ostringstream text;
  text << in.rdbuf();
  return ParseMapping(text.str(), path);
}

}  // namespace copmap::interchange
