#include "cli/table_layout.h"

#include <algorithm>

namespace copmap::cli {
namespace {

constexpr size_t kMinColumn = 3;

// One line per cell: control characters that would break the grid escaped.
std::string Flatten(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else out += c;
  }
  return out;
}

size_t Width(const std::string& text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

// The first `width` code points of `text`, the last replaced by "…" when cut.
std::string Fit(const std::string& text, size_t width) {
  if (Width(text) <= width) return text;
  size_t kept = 0, i = 0;
  while (i < text.size()) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (kept == width - 1) break;
      ++kept;
    }
    ++i;
  }
  return text.substr(0, i) + "…";
}

std::string Pad(const std::string& text, size_t width, bool right) {
  std::string fitted = Fit(text, width);
  std::string fill(width - Width(fitted), ' ');
  return right ? fill + fitted : fitted + fill;
}

std::string Rule(const std::vector<size_t>& widths) {
  std::string line = "+";
  for (size_t w : widths) line += std::string(w + 2, '-') + "+";
  return line + "\n";
}

}  // namespace

std::string FormatTable(const Table& table, size_t max_width) {
  size_t n = table.header.size();
  std::vector<std::string> header(n);
  std::vector<size_t> widths(n);
  for (size_t c = 0; c < n; ++c) {
    header[c] = Flatten(table.header[c]);
    widths[c] = std::max(Width(header[c]), size_t{1});
  }
  std::vector<std::vector<std::string>> cells;
  cells.reserve(table.rows.size());
  for (const auto& row : table.rows) {
    cells.emplace_back();
    for (size_t c = 0; c < n; ++c) {
      cells.back().push_back(c < row.size() ? Flatten(row[c].text) : "");
      widths[c] = std::max(widths[c], Width(cells.back().back()));
    }
  }
  if (max_width > 0) {
    size_t total = 1;
    for (size_t w : widths) total += w + 3;
    while (total > max_width) {
      auto widest = std::max_element(widths.begin(), widths.end());
      if (widest == widths.end() || *widest <= kMinColumn) break;
      --*widest;
      --total;
    }
  }
  std::string out = Rule(widths) + "|";
  for (size_t c = 0; c < n; ++c) out += " " + Pad(header[c], widths[c], false) + " |";
  out += "\n" + Rule(widths);
  for (size_t r = 0; r < cells.size(); ++r) {
    out += "|";
    for (size_t c = 0; c < n; ++c) {
      bool right = c < table.rows[r].size() && table.rows[r][c].right_align;
      out += " " + Pad(cells[r][c], widths[c], right) + " |";
    }
    out += "\n";
  }
  if (!cells.empty()) out += Rule(widths);
  return out;
}

}  // namespace copmap::cli
