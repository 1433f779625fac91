// Lays out rows of text as an aligned, boxed table that may be squeezed to
// a width (for `--format table` on a terminal).
#pragma once

#include <string>
#include <vector>

namespace copmap::cli {

struct TableCell {
  std::string text;
  bool right_align = false;  // numbers
};

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<TableCell>> rows;
};

// Widths count UTF-8 code points. Newlines and tabs in cells print as "\n"
// and "\t". With max_width > 0, the widest column loses one character at a
// time (never below 3) until the table fits; a cut cell ends in "…".
std::string FormatTable(const Table& table, size_t max_width);

}  // namespace copmap::cli
