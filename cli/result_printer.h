// Writes a query's rows as they arrive, in one of the command line's output
// formats: table, csv, json or jsonl. Used by `copmap query`, `shell` and
// `analyze` (locally and through RemoteClient: both feed a RowSink).
//
//   table  aligned columns; numbers right-aligned, floats to 6 significant
//          digits; when `max_width` > 0
//          (stdout is a terminal) the widest columns shrink until the table
//          fits, and cut cells end in "…". Rows are buffered until Finish().
//   csv    RFC 4180 quoting (a field with , " CR or LF is quoted, " doubled),
//          a header row, LF line ends, null as an empty field.
//   json   one array of row objects {"column": value, ...} (value_text.h).
//   jsonl  one row object per line.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "query/engine.h"
#include "storage/status.h"

namespace copmap::cli {

enum class OutputFormat { kTable, kCsv, kJson, kJsonl };

// "table", "csv", "json", "jsonl"; InvalidArgument otherwise.
Result<OutputFormat> ParseOutputFormat(std::string_view name);

class ResultPrinter : public query::RowSink {
 public:
  // Writes whatever is still buffered and the closing text (json's "]").
  virtual Status Finish() = 0;
  uint64_t rows() const { return rows_; }

 protected:
  uint64_t rows_ = 0;
};

// `out` must outlive the printer. `max_width` only matters for tables
// (0: no limit).
std::unique_ptr<ResultPrinter> MakeResultPrinter(OutputFormat format, std::FILE* out,
                                                 size_t max_width = 0);

// Ends a result: the printer's buffered output, then the plan of an EXPLAIN
// or PROFILE statement. The plan goes to `out` after a table (an EXPLAIN's
// empty table is left out) and to `err` after csv and json, whose output
// must keep its shape.
Status FinishResult(ResultPrinter& printer, OutputFormat format, const query::QuerySummary& summary,
                    std::FILE* out, std::FILE* err);

// "3 rows, 2 nodes created, 1 property set (1.4 ms)": the summary line
// printed on stderr after a table.
std::string SummaryLine(uint64_t rows, const query::QuerySummary& summary);

// The width a table may take on `stream`: $COLUMNS when set to a positive
// number, else the terminal's width when `stream` is a terminal, else 0
// (no limit).
size_t TerminalWidth(std::FILE* stream);

}  // namespace copmap::cli
