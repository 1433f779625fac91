#include "cli/result_printer.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

#include "cli/table_layout.h"
#include "cli/value_text.h"

namespace copmap::cli {
namespace {

Status Write(std::FILE* out, const std::string& text) {
  if (std::fwrite(text.data(), 1, text.size(), out) != text.size()) {
    return Status::IOError("cannot write the output");
  }
  return Status::OK();
}

// Table cells show floats to 6 significant digits (csv and json keep every
// digit); a float keeps a '.' or an exponent so it still reads as one.
std::string TableText(const Value& value) {
  if (!value.is_float() || !std::isfinite(value.as_float())) return CellText(value);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", value.as_float());
  std::string text = buf;
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

class TablePrinter : public ResultPrinter {
 public:
  TablePrinter(std::FILE* out, size_t max_width) : out_(out), max_width_(max_width) {}
  Status OnHeader(const std::vector<std::string>& columns) override {
    table_.header = columns;
    return Status::OK();
  }
  Status OnRow(const std::vector<Value>& row) override {
    ++rows_;
    std::vector<TableCell> cells;
    cells.reserve(row.size());
    for (const Value& v : row) cells.push_back({TableText(v), v.is_number()});
    table_.rows.push_back(std::move(cells));
    return Status::OK();
  }
  Status Finish() override {
    if (table_.header.empty()) return Status::OK();
    return Write(out_, FormatTable(table_, max_width_));
  }

 private:
  std::FILE* out_;
  size_t max_width_;
  Table table_;
};

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

class CsvPrinter : public ResultPrinter {
 public:
  explicit CsvPrinter(std::FILE* out) : out_(out) {}
  Status OnHeader(const std::vector<std::string>& columns) override {
    std::string line;
    for (size_t i = 0; i < columns.size(); ++i) line += (i ? "," : "") + CsvField(columns[i]);
    return Write(out_, line + "\n");
  }
  Status OnRow(const std::vector<Value>& row) override {
    ++rows_;
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) line += (i ? "," : "") + CsvField(CellText(row[i], ""));
    return Write(out_, line + "\n");
  }
  Status Finish() override { return std::fflush(out_) == 0 ? Status::OK() : Status::IOError("cannot write the output"); }

 private:
  std::FILE* out_;
};

// json and jsonl: the same row objects, in an array or one per line.
class JsonPrinter : public ResultPrinter {
 public:
  JsonPrinter(std::FILE* out, bool lines) : out_(out), lines_(lines) {}
  Status OnHeader(const std::vector<std::string>& columns) override {
    columns_ = columns;
    return Status::OK();
  }
  Status OnRow(const std::vector<Value>& row) override {
    std::string text = lines_ ? "" : (rows_ == 0 ? "[\n" : ",\n");
    ++rows_;
    text += "{";
    for (size_t i = 0; i < row.size() && i < columns_.size(); ++i) {
      if (i) text += ",";
      AppendJsonString(columns_[i], &text);
      text += ":";
      AppendJson(row[i], &text);
    }
    text += lines_ ? "}\n" : "}";
    return Write(out_, text);
  }
  Status Finish() override {
    if (!lines_) COPMAP_RETURN_IF_ERROR(Write(out_, rows_ == 0 ? "[]\n" : "\n]\n"));
    return std::fflush(out_) == 0 ? Status::OK() : Status::IOError("cannot write the output");
  }

 private:
  std::FILE* out_;
  bool lines_;
  std::vector<std::string> columns_;
};

// "1 node created", "2 nodes created": `one` and `many` name the thing.
void AddCount(uint64_t n, const char* one, const char* many, const char* done, std::string* out) {
  if (n == 0) return;
  *out += ", " + std::to_string(n) + " " + (n == 1 ? one : many) + " " + done;
}

}  // namespace

Result<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "table") return OutputFormat::kTable;
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "json") return OutputFormat::kJson;
  if (name == "jsonl") return OutputFormat::kJsonl;
  return Status::InvalidArgument("unknown output format '" + std::string(name) +
                                 "' (expected table, csv, json or jsonl)");
}

std::unique_ptr<ResultPrinter> MakeResultPrinter(OutputFormat format, std::FILE* out,
                                                 size_t max_width) {
  switch (format) {
    case OutputFormat::kTable: return std::make_unique<TablePrinter>(out, max_width);
    case OutputFormat::kCsv: return std::make_unique<CsvPrinter>(out);
    case OutputFormat::kJson: return std::make_unique<JsonPrinter>(out, false);
    case OutputFormat::kJsonl: return std::make_unique<JsonPrinter>(out, true);
  }
  return nullptr;
}

Status FinishResult(ResultPrinter& printer, OutputFormat format, const query::QuerySummary& summary,
                    std::FILE* out, std::FILE* err) {
  bool table = format == OutputFormat::kTable;
  bool explain_only = !summary.plan.empty() && printer.rows() == 0 && table;
  if (!explain_only) COPMAP_RETURN_IF_ERROR(printer.Finish());
  if (summary.plan.empty()) return Status::OK();
  std::string plan = summary.plan;
  if (plan.back() != '\n') plan += '\n';
  return Write(table ? out : err, plan);
}

std::string SummaryLine(uint64_t rows, const query::QuerySummary& summary) {
  std::string line = std::to_string(rows) + (rows == 1 ? " row" : " rows");
  const query::QueryCounters& c = summary.counters;
  AddCount(c.nodes_created, "node", "nodes", "created", &line);
  AddCount(c.nodes_deleted, "node", "nodes", "deleted", &line);
  AddCount(c.relationships_created, "relationship", "relationships", "created", &line);
  AddCount(c.relationships_deleted, "relationship", "relationships", "deleted", &line);
  AddCount(c.properties_set, "property", "properties", "set", &line);
  AddCount(c.labels_added, "label", "labels", "added", &line);
  AddCount(c.labels_removed, "label", "labels", "removed", &line);
  AddCount(c.indexes_added, "index", "indexes", "added", &line);
  AddCount(c.indexes_removed, "index", "indexes", "removed", &line);
  char time[32];
  std::snprintf(time, sizeof time, " (%.1f ms)", summary.elapsed.count() / 1000.0);
  return line + time;
}

size_t TerminalWidth(std::FILE* stream) {
  // COLUMNS, when someone exports it, wins: it is how a script or a test
  // asks for a width (shells keep it unexported, so pipes are not squeezed).
  if (const char* columns = std::getenv("COLUMNS")) {
    char* end = nullptr;
    const long width = std::strtol(columns, &end, 10);
    if (end != columns && *end == '\0' && width > 0 && width <= 100000) {
      return static_cast<size_t>(width);
    }
  }
  int fd = ::fileno(stream);
  if (fd < 0 || !::isatty(fd)) return 0;
  struct winsize ws {};
  if (::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 80;
}

}  // namespace copmap::cli
