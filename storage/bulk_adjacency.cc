#include "storage/bulk_adjacency.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>

#include "storage/keys.h"

namespace copmap::storage {

namespace {

constexpr uint64_t kNoBound = std::numeric_limits<uint64_t>::max();
constexpr size_t kReadBatch = 1 << 15;  // records per read of a run file (1 MiB)

Status Errno(const std::string& what, const std::string& file) {
  return Status::IOError("bulk load: " + what + " '" + file + "': " + std::strerror(errno));
}

Status WriteRunFile(const std::string& file, const std::vector<AdjRecord>& run) {
  int fd = ::open(file.c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) return Errno("creating", file);
  const char* p = reinterpret_cast<const char*>(run.data());
  size_t left = run.size() * sizeof(AdjRecord);
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      Status s = Errno("writing", file);
      ::close(fd);
      return s;
    }
    p += n;
    left -= size_t(n);
  }
  if (::close(fd) != 0) return Errno("closing", file);
  return Status::OK();
}

Status ReadFully(int fd, void* buf, size_t bytes, off_t offset) {
  char* p = static_cast<char*>(buf);
  while (bytes > 0) {
    ssize_t n = ::pread(fd, p, bytes, offset);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      return Status::IOError(std::string("bulk load: reading a sorted run: ") +
                             (n == 0 ? "unexpected end of file" : std::strerror(errno)));
    }
    p += n;
    bytes -= size_t(n);
    offset += n;
  }
  return Status::OK();
}

void EncodeAdjKey(const AdjRecord& r, char* out) {
  auto put64 = [](char* p, uint64_t v) {
    for (int i = 7; i >= 0; --i, v >>= 8) p[i] = char(v);
  };
  put64(out, r.node_dir >> 1);
  out[8] = char(r.node_dir & 1);
  for (int i = 3; i >= 0; --i) out[9 + (3 - i)] = char(r.type >> (8 * i));
  put64(out + 13, r.neighbor);
  put64(out + 21, r.rel);
}

// Emits the degree counts of a sorted adjacency stream: one merge operand per
// (node, direction, type) and one per (node, direction) for every type
// (kAllTypes, which sorts after every real type), in key order.
class DegreeEmitter {
 public:
  explicit DegreeEmitter(SstStream* out) : out_(out) {}

  Status Add(const AdjRecord& r) {
    if (count_all_ > 0 && r.node_dir != node_dir_) {
      COPMAP_RETURN_IF_ERROR(Emit(type_, count_type_));
      COPMAP_RETURN_IF_ERROR(Emit(keys::kAllTypes, count_all_));
      count_all_ = count_type_ = 0;
    } else if (count_all_ > 0 && r.type != type_) {
      COPMAP_RETURN_IF_ERROR(Emit(type_, count_type_));
      count_type_ = 0;
    }
    node_dir_ = r.node_dir;
    type_ = r.type;
    ++count_type_;
    ++count_all_;
    return Status::OK();
  }

  Status Flush() {
    if (count_all_ == 0) return Status::OK();
    COPMAP_RETURN_IF_ERROR(Emit(type_, count_type_));
    COPMAP_RETURN_IF_ERROR(Emit(keys::kAllTypes, count_all_));
    count_all_ = count_type_ = 0;
    return Status::OK();
  }

 private:
  Status Emit(RelTypeId type, int64_t n) {
    char key[14], value[8];
    key[0] = keys::kDegreeTag;
    uint64_t node = node_dir_ >> 1;
    for (int i = 7; i >= 0; --i, node >>= 8) key[1 + i] = char(node);
    key[9] = char(node_dir_ & 1);
    for (int i = 3; i >= 0; --i) key[10 + (3 - i)] = char(type >> (8 * i));
    for (int i = 0; i < 8; ++i) value[i] = char(uint64_t(n) >> (8 * i));
    return out_->Add(rocksdb::Slice(key, sizeof(key)), rocksdb::Slice(value, sizeof(value)));
  }

  SstStream* out_;
  uint64_t node_dir_ = 0;
  RelTypeId type_ = 0;
  int64_t count_type_ = 0, count_all_ = 0;
};

}  // namespace

// A sorted run: in memory, or a file of AdjRecords.
struct AdjacencySorter::Run {
  const AdjRecord* mem = nullptr;
  int fd = -1;
  size_t size = 0;

  Result<AdjRecord> At(size_t i) const {
    if (mem != nullptr) return mem[i];
    AdjRecord r;
    COPMAP_RETURN_IF_ERROR(ReadFully(fd, &r, sizeof(r), off_t(i * sizeof(r))));
    return r;
  }
  // The first position whose node_dir is >= bound.
  Result<size_t> LowerBound(uint64_t bound) const {
    if (bound == kNoBound) return size;
    size_t lo = 0, hi = size;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      COPMAP_ASSIGN_OR_RETURN(AdjRecord r, At(mid));
      if (r.node_dir < bound) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
};

namespace {

// Reads a range of a run in batches.
class RunCursor {
 public:
  RunCursor(const void* run_mem, int fd, size_t begin, size_t end)
      : mem_(static_cast<const AdjRecord*>(run_mem)), fd_(fd), next_(begin), end_(end) {}

  bool Valid() const { return pos_ < batch_size_; }
  const AdjRecord& Get() const { return cur_[pos_]; }
  Status Next() {
    return ++pos_ < batch_size_ ? Status::OK() : Load();
  }
  Status Load() {
    pos_ = 0;
    batch_size_ = std::min(end_ - next_, mem_ != nullptr ? end_ - next_ : kReadBatch);
    if (batch_size_ == 0) return Status::OK();
    if (mem_ != nullptr) {
      cur_ = mem_ + next_;
    } else {
      buffer_.resize(batch_size_);
      COPMAP_RETURN_IF_ERROR(ReadFully(fd_, buffer_.data(), batch_size_ * sizeof(AdjRecord),
                                       off_t(next_ * sizeof(AdjRecord))));
      cur_ = buffer_.data();
    }
    next_ += batch_size_;
    return Status::OK();
  }

 private:
  const AdjRecord* mem_;
  int fd_;
  size_t next_, end_;
  std::vector<AdjRecord> buffer_;
  const AdjRecord* cur_ = nullptr;
  size_t pos_ = 0, batch_size_ = 0;
};

}  // namespace

AdjacencySorter::AdjacencySorter(BulkWorker* worker, std::string dir, size_t run_records)
    : worker_(worker), dir_(std::move(dir)), run_records_(std::max<size_t>(run_records, 2)) {
  // Reserved up front: growing by doubling copies and faults in every page
  // again. Untouched pages of a small load cost nothing.
  buffer_ = pool_.Take(run_records_);
}

AdjacencySorter::~AdjacencySorter() = default;

Status AdjacencySorter::SpillRun() {
  std::string file = dir_ + "/adj-run-" + std::to_string(run_files_.size()) + ".bin";
  run_files_.push_back(file);
  run_sizes_.push_back(buffer_.size());
  size_t bytes = buffer_.size() * sizeof(AdjRecord);
  auto run = std::make_shared<std::vector<AdjRecord>>(std::move(buffer_));
  buffer_ = {};
  Status s = worker_->Submit(
      [this, run, file] {
        std::sort(run->begin(), run->end());
        Status written = WriteRunFile(file, *run);
        pool_.Put(std::move(*run));
        return written;
      },
      bytes);
  // Taken after the hand-over, which waits for the previous run (and so for
  // its buffer to come back): at most two buffers are alive.
  buffer_ = pool_.Take(run_records_);
  return s;
}

Status AdjacencySorter::MergeRange(const std::vector<Run>& runs, uint64_t lo, uint64_t hi,
                                   SstStream* adj, SstStream* degrees) const {
  std::vector<RunCursor> cursors;
  for (const Run& run : runs) {
    COPMAP_ASSIGN_OR_RETURN(size_t begin, run.LowerBound(lo));
    COPMAP_ASSIGN_OR_RETURN(size_t end, run.LowerBound(hi));
    if (begin < end) cursors.emplace_back(run.mem, run.fd, begin, end);
  }
  std::vector<size_t> heap;
  for (size_t i = 0; i < cursors.size(); ++i) {
    COPMAP_RETURN_IF_ERROR(cursors[i].Load());
    heap.push_back(i);
  }
  auto later = [&cursors](size_t a, size_t b) { return cursors[b].Get() < cursors[a].Get(); };
  std::make_heap(heap.begin(), heap.end(), later);
  DegreeEmitter degree(degrees);
  char key[keys::kAdjKeySize];
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), later);
    RunCursor& c = cursors[heap.back()];
    EncodeAdjKey(c.Get(), key);
    COPMAP_RETURN_IF_ERROR(adj->Add(rocksdb::Slice(key, sizeof(key)), rocksdb::Slice()));
    COPMAP_RETURN_IF_ERROR(degree.Add(c.Get()));
    COPMAP_RETURN_IF_ERROR(c.Next());
    if (c.Valid()) {
      std::push_heap(heap.begin(), heap.end(), later);
    } else {
      heap.pop_back();
    }
  }
  COPMAP_RETURN_IF_ERROR(degree.Flush());
  COPMAP_RETURN_IF_ERROR(adj->Close());
  return degrees->Close();
}

Status AdjacencySorter::Finish(RocksStore* store, std::vector<std::string>* adj_files,
                               std::vector<std::string>* count_files) {
  COPMAP_RETURN_IF_ERROR(worker_->Drain());
  // The last buffer stays in memory, sorted as two halves on both cores.
  std::vector<AdjRecord> last = std::move(buffer_);
  buffer_ = {};
  const size_t half = last.size() / 2;
  COPMAP_RETURN_IF_ERROR(worker_->Submit(
      [&last, half] {
        std::sort(last.begin(), last.begin() + half);
        return Status::OK();
      },
      0));
  std::sort(last.begin() + half, last.end());
  COPMAP_RETURN_IF_ERROR(worker_->Drain());

  std::vector<Run> runs;
  struct Closer {
    std::vector<Run>* runs;
    ~Closer() {
      for (Run& r : *runs) {
        if (r.fd >= 0) ::close(r.fd);
      }
    }
  } closer{&runs};
  for (size_t i = 0; i < run_files_.size(); ++i) {
    int fd = ::open(run_files_[i].c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Errno("opening", run_files_[i]);
    runs.push_back(Run{nullptr, fd, run_sizes_[i]});
  }
  runs.push_back(Run{last.data(), -1, half});
  runs.push_back(Run{last.data() + half, -1, last.size() - half});

  // Split at the median of the runs' middle entries: both halves get about
  // as many entries, and one (node, direction) never straddles the split.
  std::vector<uint64_t> mids;
  for (const Run& r : runs) {
    if (r.size == 0) continue;
    COPMAP_ASSIGN_OR_RETURN(AdjRecord mid, r.At(r.size / 2));
    mids.push_back(mid.node_dir);
  }
  uint64_t split = 0;
  if (!mids.empty()) {
    std::nth_element(mids.begin(), mids.begin() + mids.size() / 2, mids.end());
    split = mids[mids.size() / 2];
  }
  SstStream adj0(store, Cf::kAdj, dir_, "adj-0"), adj1(store, Cf::kAdj, dir_, "adj-1");
  SstStream deg0(store, Cf::kCounts, dir_, "degree-0", /*as_merge=*/true);
  SstStream deg1(store, Cf::kCounts, dir_, "degree-1", /*as_merge=*/true);
  Status first = worker_->Submit(
      [&] { return MergeRange(runs, 0, split, &adj0, &deg0); }, 0);
  Status second = first.ok() ? MergeRange(runs, split, kNoBound, &adj1, &deg1) : Status::OK();
  Status drained = worker_->Drain();  // the worker's task uses locals: always wait
  COPMAP_RETURN_IF_ERROR(first);
  COPMAP_RETURN_IF_ERROR(drained);
  COPMAP_RETURN_IF_ERROR(second);
  for (SstStream* s : {&adj0, &adj1}) {
    adj_files->insert(adj_files->end(), s->files().begin(), s->files().end());
  }
  for (SstStream* s : {&deg0, &deg1}) {
    count_files->insert(count_files->end(), s->files().begin(), s->files().end());
  }
  return Status::OK();
}

}  // namespace copmap::storage
