#include "storage/counts_merge.h"

#include <algorithm>

#include "storage/keys.h"

namespace copmap::storage {
namespace {

class CountsMergeOperator : public rocksdb::MergeOperator {
 public:
  const char* Name() const override { return "copmap.CountsMerge"; }

  bool FullMergeV2(const MergeOperationInput& in, MergeOperationOutput* out) const override {
    const bool is_max = IsMax(in.key);
    int64_t acc = in.existing_value ? Decode(*in.existing_value) : 0;
    for (const rocksdb::Slice& op : in.operand_list) acc = Combine(is_max, acc, Decode(op));
    out->new_value = keys::EncodeCount(acc);
    return true;
  }

  bool PartialMergeMulti(const rocksdb::Slice& key,
                         const std::deque<rocksdb::Slice>& operands, std::string* new_value,
                         rocksdb::Logger*) const override {
    const bool is_max = IsMax(key);
    int64_t acc = is_max ? Decode(operands.front()) : 0;
    for (const rocksdb::Slice& op : operands) acc = Combine(is_max, acc, Decode(op));
    *new_value = keys::EncodeCount(acc);
    return true;
  }

  bool AllowSingleOperand() const override { return true; }

 private:
  static bool IsMax(const rocksdb::Slice& key) {
    return !key.empty() && key[0] == keys::kHighWaterTag;
  }
  static int64_t Decode(const rocksdb::Slice& s) {
    return keys::DecodeCount(std::string_view(s.data(), s.size()));
  }
  static int64_t Combine(bool is_max, int64_t a, int64_t b) {
    return is_max ? std::max(a, b) : int64_t(uint64_t(a) + uint64_t(b));
  }
};

}  // namespace

std::shared_ptr<rocksdb::MergeOperator> NewCountsMergeOperator() {
  return std::make_shared<CountsMergeOperator>();
}

}  // namespace copmap::storage
