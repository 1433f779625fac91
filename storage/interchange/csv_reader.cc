#include "storage/interchange/csv_reader.h"

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

#include "storage/interchange/utf8.h"

namespace copmap::interchange {
namespace {

constexpr size_t kBufferBytes = 1u << 20;

std::string Quote(std::string_view s) { return "'" + Excerpt(s) + "'"; }

}  // namespace

Result<std::unique_ptr<CsvReader>> CsvReader::Open(const std::string& path,
                                                   const CsvOptions& options) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return Status::NotFound(path + ": no such file");
    return Status::IOError(path + ": " + std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) return Status::InvalidArgument(path + ": is a directory, not a CSV file");
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return Status::IOError(path + ": cannot open: " + std::strerror(errno));
  std::unique_ptr<CsvReader> reader(
      new CsvReader(path, options, file, static_cast<uint64_t>(st.st_size)));
  COPMAP_RETURN_IF_ERROR(reader->CheckSignature());
  return reader;
}

CsvReader::CsvReader(std::string path, const CsvOptions& options, std::FILE* file, uint64_t size)
    : path_(std::move(path)), options_(options), file_(file), file_size_(size) {
  buffer_.resize(kBufferBytes);
}

CsvReader::~CsvReader() { std::fclose(file_); }

Status CsvReader::Error(std::string reason) const {
  return Status::InvalidArgument(path_ + ":" + std::to_string(record_line_) + ": " + reason);
}

std::string CsvReader::FieldName(size_t index) const {
  std::string name = "field " + std::to_string(index + 1);
  if (index < column_names_.size() && !column_names_[index].empty()) {
    name += " (" + column_names_[index] + ")";
  }
  return name;
}

Result<bool> CsvReader::Refill() {
  if (pos_ < len_) return true;
  if (eof_) return false;
  consumed_before_buffer_ += len_;
  pos_ = 0;
  len_ = std::fread(buffer_.data(), 1, buffer_.size(), file_);
  if (len_ < buffer_.size()) {
    if (std::ferror(file_)) return Status::IOError(path_ + ": read failed: " + std::strerror(errno));
    eof_ = true;
  }
  return len_ > 0;
}

// The byte order marks of UTF-16/32, and UTF-16 without a mark (ASCII text in
// UTF-16 has a NUL in every other byte), are refused before any parsing so the
// user hears about the encoding rather than about a stray NUL.
Status CsvReader::CheckSignature() {
  record_line_ = 1;
  COPMAP_ASSIGN_OR_RETURN(bool any, Refill());
  if (!any) return Status::OK();
  auto starts = [&](std::string_view sig) {
    return len_ >= sig.size() && std::memcmp(buffer_.data(), sig.data(), sig.size()) == 0;
  };
  const char* convert = "; convert the file to UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)";
  if (starts(std::string_view("\xFF\xFE\x00\x00", 4)) || starts(std::string_view("\x00\x00\xFE\xFF", 4))) {
    return Error(std::string("the file is UTF-32 (it starts with a UTF-32 byte order mark)") + convert);
  }
  if (starts("\xFF\xFE") || starts("\xFE\xFF")) {
    return Error(std::string("the file is UTF-16 (it starts with a UTF-16 byte order mark)") + convert);
  }
  if (starts("\xEF\xBB\xBF")) {
    pos_ = 3;
    return Status::OK();
  }
  size_t pairs = std::min<size_t>(len_, 4096) / 2;
  size_t one_nul = 0;
  for (size_t i = 0; i < pairs; ++i) {
    bool a = buffer_[2 * i] == 0, b = buffer_[2 * i + 1] == 0;
    if (a != b) ++one_nul;
  }
  if (pairs >= 2 && one_nul * 2 >= pairs) {
    return Error(std::string("the file looks like UTF-16 without a byte order mark "
                             "(every other byte is NUL)") + convert);
  }
  return Status::OK();
}

Status CsvReader::FinishField(size_t start, bool quoted) {
  if (data_.size() - start > options_.max_field_bytes) {
    return Error(FieldName(ends_.size()) + " is longer than the limit of " +
                 std::to_string(options_.max_field_bytes) + " bytes (starts " +
                 Quote(std::string_view(data_).substr(start, 40)) + ")");
  }
  if (ends_.size() == options_.max_fields) {
    return Error("the record has more than " + std::to_string(options_.max_fields) +
                 " fields (the limit per record)");
  }
  ends_.push_back(data_.size());
  quoted_.push_back(quoted);
  return Status::OK();
}

// Reads a quoted field; pos_ is just past the opening quote.
Status CsvReader::ReadQuoted() {
  size_t start = data_.size();
  const char q = '"';
  while (true) {
    COPMAP_ASSIGN_OR_RETURN(bool more, Refill());
    if (!more) {
      return Error(FieldName(ends_.size()) + ": quoted field " +
                   Quote(std::string_view(data_).substr(start, 40)) +
                   " is not closed before the end of the file (unterminated quote)");
    }
    const char* begin = buffer_.data() + pos_;
    const char* end = buffer_.data() + len_;
    const char* hit = static_cast<const char*>(std::memchr(begin, q, end - begin));
    const char* stop = hit ? hit : end;
    for (const char* p = begin; p < stop; ++p) line_ += (*p == '\n');
    data_.append(begin, stop);
    pos_ += stop - begin;
    if (data_.size() - start > options_.max_field_bytes) return FinishField(start, true);
    if (hit == nullptr) continue;
    ++pos_;  // the quote
    COPMAP_ASSIGN_OR_RETURN(bool after, Refill());
    if (after && buffer_[pos_] == q) {  // a doubled quote stands for one
      data_ += q;
      ++pos_;
      continue;
    }
    return FinishField(start, true);
  }
}

// Reads an unquoted field up to a delimiter, a line end or the end of file.
Result<bool> CsvReader::ReadUnquoted() {
  size_t start = data_.size();
  const char delim = options_.delimiter;
  while (true) {
    COPMAP_ASSIGN_OR_RETURN(bool more, Refill());
    if (!more) {
      COPMAP_RETURN_IF_ERROR(FinishField(start, false));
      return true;
    }
    const char* begin = buffer_.data() + pos_;
    const char* end = buffer_.data() + len_;
    const char* p = begin;
    while (p < end && *p != delim && *p != '\n') ++p;
    data_.append(begin, p);
    pos_ += p - begin;
    if (p == end) {
      if (data_.size() - start > options_.max_field_bytes) return FinishField(start, false);
      continue;
    }
    ++pos_;
    if (*p == delim) {
      COPMAP_RETURN_IF_ERROR(FinishField(start, false));
      return false;
    }
    ++line_;
    if (data_.size() > start && data_.back() == '\r') data_.pop_back();
    COPMAP_RETURN_IF_ERROR(FinishField(start, false));
    return true;
  }
}

Result<bool> CsvReader::Next() {
  while (true) {
    data_.clear();
    ends_.clear();
    quoted_.clear();
    views_.clear();
    record_line_ = line_;
    COPMAP_ASSIGN_OR_RETURN(bool more, Refill());
    if (!more) return false;
    // Skip an empty line (LF or CRLF).
    if (buffer_[pos_] == '\n') {
      ++pos_;
      ++line_;
      continue;
    }
    bool done = false;
    while (!done) {
      COPMAP_ASSIGN_OR_RETURN(bool have, Refill());
      if (have && buffer_[pos_] == '"') {
        ++pos_;
        COPMAP_RETURN_IF_ERROR(ReadQuoted());
        COPMAP_ASSIGN_OR_RETURN(bool after, Refill());
        if (!after) break;
        char c = buffer_[pos_];
        if (c == '\r') {
          ++pos_;
          COPMAP_ASSIGN_OR_RETURN(bool lf, Refill());
          if (lf && buffer_[pos_] == '\n') c = '\n';
          else return Error(FieldName(ends_.size() - 1) + ": stray carriage return after a closing quote");
        }
        ++pos_;
        if (c == '\n') {
          ++line_;
          done = true;
        } else if (c != options_.delimiter) {
          return Error(FieldName(ends_.size() - 1) + ": unexpected character " +
                       Quote(std::string_view(&c, 1)) +
                       " after a closing quote (expected the delimiter or a line end)");
        }
      } else {
        COPMAP_ASSIGN_OR_RETURN(done, ReadUnquoted());
      }
    }
    if (ends_.size() == 1 && ends_[0] == 0 && !quoted_[0]) continue;  // "\r\n" alone
    COPMAP_RETURN_IF_ERROR(CheckRecordText());
    size_t begin = 0;
    views_.reserve(ends_.size());
    for (size_t end : ends_) {
      views_.emplace_back(data_.data() + begin, end - begin);
      begin = end;
    }
    return true;
  }
}

Status CsvReader::CheckRecordText() {
  Utf8Problem problem = CheckUtf8Text(data_);
  if (!problem.found) return Status::OK();
  size_t field = 0;
  while (field + 1 < ends_.size() && ends_[field] <= problem.offset) ++field;
  size_t begin = field == 0 ? 0 : ends_[field - 1];
  std::string_view value(data_.data() + begin, ends_[field] - begin);
  return Error(FieldName(field) + ": " + problem.reason + " at byte " +
               std::to_string(problem.offset - begin + 1) + " of the value " + Quote(value) +
               " (the file must be UTF-8 text)");
}

}  // namespace copmap::interchange
