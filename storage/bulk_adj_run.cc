#include "storage/bulk_adj_run.h"

#include <algorithm>

#include "storage/codec.h"

namespace copmap::storage {

EncodedRun::EncodedRun(const AdjRecord* sorted, size_t n) : size_(n) {
  bytes_.reserve(n * 10);
  AdjRecord prev{};
  for (size_t i = 0; i < n; ++i) {
    const AdjRecord& r = sorted[i];
    if (i % kBlock == 0) {
      prev = AdjRecord{};
      blocks_.emplace_back(bytes_.size(), r.node_dir);
    }
    uint64_t node_delta = r.node_dir - prev.node_dir;
    codec::PutVarint64(&bytes_, node_delta);
    bool same_node = node_delta == 0;
    codec::PutVarint64(&bytes_, same_node ? r.type - prev.type : r.type);
    bool same_group = same_node && r.type == prev.type;
    codec::PutVarint64(&bytes_, same_group ? r.neighbor - prev.neighbor : r.neighbor);
    codec::PutVarint64(&bytes_, r.rel);
    prev = r;
  }
  bytes_.shrink_to_fit();
}

uint64_t EncodedRun::MiddleNodeDir() const {
  return blocks_.empty() ? 0 : blocks_[blocks_.size() / 2].second;
}

EncodedRun::Cursor::Cursor(const EncodedRun& run, uint64_t lo, uint64_t hi)
    : run_(&run), offset_(0), index_(0), hi_(hi) {
  // The last block that starts below lo: entries equal to lo may begin in it.
  auto after = std::lower_bound(run.blocks_.begin(), run.blocks_.end(), lo,
                                [](const auto& block, uint64_t v) { return block.second < v; });
  if (after != run.blocks_.begin()) {
    size_t block = size_t(after - run.blocks_.begin()) - 1;
    offset_ = run.blocks_[block].first;
    index_ = block * kBlock;
  }
  while (Decode()) {
    if (cur_.node_dir >= lo) {
      valid_ = cur_.node_dir < hi_;
      return;
    }
  }
}

void EncodedRun::Cursor::Next() { valid_ = Decode() && cur_.node_dir < hi_; }

bool EncodedRun::Cursor::Decode() {
  if (index_ >= run_->size_) return false;
  if (index_ % kBlock == 0) cur_ = AdjRecord{};
  std::string_view in(run_->bytes_.data() + offset_, run_->bytes_.size() - offset_);
  uint64_t node_delta = 0, type = 0, neighbor = 0, rel = 0;
  // The bytes are our own encoding of `size_` records: they always decode.
  codec::GetVarint64(&in, &node_delta);
  codec::GetVarint64(&in, &type);
  codec::GetVarint64(&in, &neighbor);
  codec::GetVarint64(&in, &rel);
  bool same_node = node_delta == 0;
  bool same_group = same_node && type == 0;
  cur_.node_dir += node_delta;
  cur_.type = same_node ? cur_.type + uint32_t(type) : uint32_t(type);
  cur_.neighbor = same_group ? cur_.neighbor + neighbor : neighbor;
  cur_.rel = rel;
  offset_ = run_->bytes_.size() - in.size();
  ++index_;
  return true;
}

}  // namespace copmap::storage
