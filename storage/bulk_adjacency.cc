#include "storage/bulk_adjacency.h"

#include <algorithm>
#include <limits>

#include "storage/keys.h"

namespace copmap::storage {

namespace {

constexpr uint64_t kNoBound = std::numeric_limits<uint64_t>::max();

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

AdjacencySorter::AdjacencySorter(BulkWorker* worker, std::string dir, size_t run_records)
    : worker_(worker), dir_(std::move(dir)), run_records_(std::max<size_t>(run_records, 2)) {
  // Reserved up front: growing by doubling copies and faults in every page
  // again. Untouched pages of a small load cost nothing.
  buffer_ = pool_.Take(run_records_);
}

AdjacencySorter::~AdjacencySorter() = default;

Status AdjacencySorter::SpillRun() {
  size_t bytes = buffer_.size() * sizeof(AdjRecord);
  auto run = std::make_shared<std::vector<AdjRecord>>(std::move(buffer_));
  buffer_ = {};
  std::unique_ptr<EncodedRun>* slot = &runs_.emplace_back();
  Status s = worker_->Submit(
      [this, run, slot] {
        std::sort(run->begin(), run->end());
        *slot = std::make_unique<EncodedRun>(run->data(), run->size());
        pool_.Put(std::move(*run));
        return Status::OK();
      },
      bytes);
  // Taken after the hand-over, which waits for the previous run (and so for
  // its buffer to come back): at most two buffers are alive.
  buffer_ = pool_.Take(run_records_);
  return s;
}

Status AdjacencySorter::MergeRange(uint64_t lo, uint64_t hi, SstStream* adj,
                                   SstStream* degrees) const {
  std::vector<EncodedRun::Cursor> cursors;
  for (const auto& run : runs_) {
    if (run == nullptr) return Status::Internal("bulk load: an adjacency run was not written");
    EncodedRun::Cursor c(*run, lo, hi);
    if (c.Valid()) cursors.push_back(c);
  }
  std::vector<size_t> heap;
  for (size_t i = 0; i < cursors.size(); ++i) heap.push_back(i);
  auto later = [&cursors](size_t a, size_t b) { return cursors[b].Get() < cursors[a].Get(); };
  std::make_heap(heap.begin(), heap.end(), later);
  DegreeEmitter degree(degrees);
  char key[keys::kAdjKeySize];
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), later);
    EncodedRun::Cursor& c = cursors[heap.back()];
    EncodeAdjKey(c.Get(), key);
    COPMAP_RETURN_IF_ERROR(adj->Add(rocksdb::Slice(key, sizeof(key)), rocksdb::Slice()));
    COPMAP_RETURN_IF_ERROR(degree.Add(c.Get()));
    c.Next();
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
  // The last buffer: sorted and encoded as two halves on both cores.
  std::vector<AdjRecord> last = std::move(buffer_);
  buffer_ = {};
  const size_t half = last.size() / 2;
  std::unique_ptr<EncodedRun>* first_half = &runs_.emplace_back();
  std::unique_ptr<EncodedRun>* second_half = &runs_.emplace_back();
  COPMAP_RETURN_IF_ERROR(worker_->Submit(
      [&last, half, first_half] {
        std::sort(last.begin(), last.begin() + half);
        *first_half = std::make_unique<EncodedRun>(last.data(), half);
        return Status::OK();
      },
      0));
  std::sort(last.begin() + half, last.end());
  *second_half = std::make_unique<EncodedRun>(last.data() + half, last.size() - half);
  COPMAP_RETURN_IF_ERROR(worker_->Drain());
  last = {};
  pool_.Clear();

  // Split at the median of the runs' middle entries: both halves get about
  // as many entries, and one (node, direction) never straddles the split.
  std::vector<uint64_t> mids;
  for (const auto& run : runs_) {
    if (run != nullptr && run->size() > 0) mids.push_back(run->MiddleNodeDir());
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
      [&] { return MergeRange(0, split, &adj0, &deg0); }, 0);
  Status second = first.ok() ? MergeRange(split, kNoBound, &adj1, &deg1) : Status::OK();
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
