// ImportMapping: a small text file that tells the importer how to read
// exports that were not written for copmap, without editing their data.
//
//   # comments start with '#'; blank lines are ignored
//   delimiter = |               settings before the first section apply to all files
//   array_delimiter = ;
//
//   [dynamic/Person.csv]        a section names a file by its path, or by the
//                               end of its path ("Person.csv"); the longest match wins
//   labels = Person             a node file: labels for every row (';'-separated)
//   type = KNOWS                a relationship file: the type of every row
//   delimiter = ,               this file's own delimiter
//   skip = true                 do not import this file
//   column id = id:ID(Person)   read the header field "id" as "id:ID(Person)"
//   column city = :OUT(IS_LOCATED_IN,Place)
//
// The right-hand side of `column` is a header field in the syntax of
// csv_header.h; header fields the section does not name are read as written.
// docs/IMPORT.md has the full description and examples.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/status.h"

namespace copmap::interchange {

struct FileMapping {
  std::string pattern;  // the section name
  int line = 0;         // where the section starts in the mapping file
  bool skip = false;
  std::optional<std::string> labels;
  std::optional<std::string> type;
  std::optional<char> delimiter;
  std::vector<std::pair<std::string, std::string>> columns;  // header name -> header field
};

struct ImportMapping {
  std::string source;  // the mapping file's path, for messages
  std::optional<char> delimiter;
  std::optional<char> array_delimiter;
  std::vector<FileMapping> files;

  // The section for `path`: the one whose name equals the path or its end
  // (on a '/' boundary), the longest such name winning. Null when none.
  const FileMapping* Find(std::string_view path) const;
};

// Parses mapping text; errors read "source:line: reason".
Result<ImportMapping> ParseMapping(std::string_view text, std::string_view source);
Result<ImportMapping> LoadMapping(const std::string& path);

// A delimiter given by the user: one byte, or "\t", "tab", "TAB".
Result<char> ParseDelimiter(std::string_view text);

}  // namespace copmap::interchange
