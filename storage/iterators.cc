#include "storage/iterators.h"

#include <algorithm>

#include "storage/codec.h"
#include "storage/keys.h"
#include "storage/rocks_status.h"

namespace copmap::storage {

KeyRange::KeyRange(std::unique_ptr<rocksdb::Iterator> it, std::string start, std::string limit)
    : it_(std::move(it)), limit_(std::move(limit)) {
  it_->Seek(start);
  Settle();
}

void KeyRange::Settle() {
  valid_ = it_->Valid() && (limit_.empty() || it_->key().compare(limit_) < 0);
}

void KeyRange::Next() {
  if (!valid_) return;
  it_->Next();
  Settle();
}

void KeyRange::Reseek(std::string_view start, std::string limit) {
  limit_ = std::move(limit);
  it_->Seek(rocksdb::Slice(start.data(), start.size()));
  Settle();
}

Status KeyRange::status() const { return FromRocks(it_->status(), "iterating"); }

template <typename Base>
uint64_t IdIterator<Base>::id() const {
  std::string_view bytes;
  switch (source_) {
    case IdSource::kKeyAt: bytes = range_.key().substr(std::min(offset_, range_.key().size())); break;
    case IdSource::kKeyTail:
      bytes = range_.key().size() >= 8 ? range_.key().substr(range_.key().size() - 8) : "";
      break;
    case IdSource::kValue: bytes = range_.value(); break;
  }
  return bytes.size() >= 8 ? keys::GetBig64(bytes.data()) : 0;
}

template class IdIterator<NodeIterator>;
template class IdIterator<RelIterator>;

void AdjRangeIterator::Decode() {
  if (range_.Valid() && range_.key().size() == keys::kAdjKeySize) {
    entry_ = keys::DecodeAdjKey(range_.key()).entry;
  }
}

bool AdjRangeIterator::Reseek(NodeId node, Direction dir, std::optional<RelTypeId> type) {
  // The same prefix as RocksTransaction::Expand; the iterator was made with
  // prefix_same_as_start, which a Seek re-anchors at the new prefix.
  std::string prefix = type ? keys::AdjTypePrefix(node, dir, *type) : keys::AdjPrefix(node, dir);
  range_.Reseek(prefix, keys::PrefixSuccessor(prefix));
  Decode();
  return true;
}

void RelRecordRangeIterator::Next() {
  if (!valid_) return;
  range_.Next();
  Settle();
}

void RelRecordRangeIterator::Settle() {
  valid_ = false;
  for (; range_.Valid(); range_.Next()) {
    if (range_.key().size() != 8) {
      error_ = Status::Corruption("relationship key of " + std::to_string(range_.key().size()) +
                                  " bytes (expected 8)");
      return;
    }
    RelId id = keys::GetBig64(range_.key().data());
    if (type_) {
      std::string_view header = range_.value();
      uint64_t type = 0;
      if (codec::GetVarint64(&header, &type) && type != *type_) continue;
      // A malformed header falls through to the decoder, which reports it.
    }
    Result<RelRecord> rel = codec::DecodeRelRecord(id, range_.value());
    if (!rel.ok()) {
      error_ = rel.status();
      return;
    }
    record_ = std::move(*rel);
    valid_ = true;
    return;
  }
}

Status RelRecordRangeIterator::status() const {
  if (!error_.ok()) return error_;
  return range_.status();
}

}  // namespace copmap::storage
