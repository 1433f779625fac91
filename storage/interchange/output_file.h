// OutputFile: a buffered file writer whose errors (disk full, permissions)
// surface as IOError naming the file, at the latest from Close().
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "storage/status.h"

namespace copmap::interchange {

class OutputFile {
 public:
  // Creates or truncates `path`; "-" writes to standard output.
  static Result<std::unique_ptr<OutputFile>> Create(const std::string& path);
  ~OutputFile();

  void Write(std::string_view bytes) {
    buffer_.append(bytes);
    if (buffer_.size() >= kFlushBytes) Drain();
  }
  // Flushes, closes and reports the first error seen.
  Status Close();
  const std::string& path() const { return path_; }

 private:
  static constexpr size_t kFlushBytes = 1u << 20;
  OutputFile(std::string path, std::FILE* file, bool owned)
      : path_(std::move(path)), file_(file), owned_(owned) {}
  void Drain();

  std::string path_;
  std::FILE* file_;
  bool owned_;
  bool failed_ = false;
  std::string buffer_;
};

// Appends `value` to `out` as one CSV field, quoted when it holds the
// delimiter, a quote, a line break, or when `quote_empty` and it is empty.
void AppendCsvField(std::string* out, std::string_view value, char delimiter, bool quote_empty);

// Appends `value` as a JSON string literal (with quotes), escaping as RFC 8259 requires.
void AppendJsonString(std::string* out, std::string_view value);

}  // namespace copmap::interchange
