// CsvReader: streams the records of one CSV file (RFC 4180).
//
// Accepted: quoted fields holding delimiters, doubled quotes and line breaks;
// LF or CRLF line ends; a final record without a line end; a UTF-8 byte
// order mark at the start (skipped). A quote inside an unquoted field is
// kept as an ordinary character. Completely empty lines are skipped.
//
// Refused, each as InvalidArgument "path:line: reason" (IOError when the
// operating system fails): UTF-16 or UTF-32 input (with or without a byte
// order mark), bytes that are not UTF-8, NUL bytes, a quoted field still open
// at the end of the file, text between a closing quote and the next
// delimiter, a field longer than CsvOptions::max_field_bytes, and a record
// with more fields than CsvOptions::max_fields.
//
// Each record's fields are views into the reader's own buffer: they stay
// valid until the next call to Next(). A field that was quoted is reported as
// such, so callers can tell "" (an empty string) from nothing at all.
//
// Not thread-safe: one reader belongs to one thread.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storage/status.h"

namespace copmap::interchange {

struct CsvOptions {
  char delimiter = ',';
  // A longer field is an error that names this limit.
  size_t max_field_bytes = 64u << 20;
  // A record with more fields is an error that names this limit. It bounds a
  // record's bookkeeping (about 24 bytes per field beyond the field's bytes)
  // and refuses a runaway header at once (a 1,000,000-column header took
  // 30 s to be refused before this limit).
  size_t max_fields = 10000;
};

class CsvReader {
 public:
  // Opens `path` and checks its encoding signature. NotFound when there is
  // no such file; InvalidArgument for UTF-16/UTF-32 input.
  static Result<std::unique_ptr<CsvReader>> Open(const std::string& path,
                                                  const CsvOptions& options);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Reads the next record. Returns false at the end of the file; after an
  // error the reader must not be used further.
  Result<bool> Next();

  size_t size() const { return views_.size(); }
  std::string_view field(size_t i) const { return views_[i]; }
  bool quoted(size_t i) const { return quoted_[i]; }
  const std::vector<std::string_view>& fields() const { return views_; }
  // Line (1-based) on which the current record starts.
  uint64_t line() const { return record_line_; }

  // Column names used in error messages ("field 3 (email)").
  void SetColumnNames(std::vector<std::string> names) { column_names_ = std::move(names); }
  // "field 3 (email)" or "field 3".
  std::string FieldName(size_t index) const;

  const std::string& path() const { return path_; }
  uint64_t bytes_consumed() const { return consumed_before_buffer_ + pos_; }
  uint64_t file_size() const { return file_size_; }

 private:
  CsvReader(std::string path, const CsvOptions& options, std::FILE* file, uint64_t size);

  Status CheckSignature();
  // Reads more input when the buffer is used up. False at end of file.
  Result<bool> Refill();
  Status ReadQuoted();
  Result<bool> ReadUnquoted();  // true when the field ended the record
  Status Error(std::string reason) const;
  Status FinishField(size_t start, bool quoted);
  Status CheckRecordText();

  std::string path_;
  CsvOptions options_;
  std::FILE* file_;
  uint64_t file_size_;

  std::vector<char> buffer_;
  size_t pos_ = 0;
  size_t len_ = 0;
  bool eof_ = false;
  uint64_t consumed_before_buffer_ = 0;

  uint64_t line_ = 1;         // line of the next unread byte
  uint64_t record_line_ = 0;  // line of the current record's start
  std::string data_;          // the current record's field bytes, back to back
  std::vector<size_t> ends_;  // end offset of each field in data_
  std::vector<bool> quoted_;
  std::vector<std::string_view> views_;
  std::vector<std::string> column_names_;
};

}  // namespace copmap::interchange
