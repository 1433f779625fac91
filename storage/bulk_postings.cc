#include "storage/bulk_postings.h"

#include "storage/codec.h"
#include "storage/keys.h"

namespace copmap::storage {

void PostingLists::Add(uint32_t tag, uint64_t id) {
  if (tag >= lists_.size()) lists_.resize(size_t(tag) + 1);
  List& list = lists_[tag];
  codec::PutVarint64(&list.deltas, id - list.last);
  list.last = id;
  ++list.count;
}

Status PostingLists::WriteTo(SstStream* out) const {
  char key[12];
  for (uint32_t tag = 0; tag < lists_.size(); ++tag) {
    for (int i = 3; i >= 0; --i) key[3 - i] = char(tag >> (8 * i));
    std::string_view in = lists_[tag].deltas;
    uint64_t id = 0, delta = 0;
    while (!in.empty()) {
      if (!codec::GetVarint64(&in, &delta)) {
        return Status::Internal("bulk load: malformed posting list of tag " + std::to_string(tag));
      }
      id += delta;
      uint64_t v = id;
      for (int i = 7; i >= 0; --i, v >>= 8) key[4 + i] = char(v);
      COPMAP_RETURN_IF_ERROR(out->Add(rocksdb::Slice(key, sizeof(key)), rocksdb::Slice()));
    }
  }
  return out->Close();
}

}  // namespace copmap::storage
