// Iterator implementations over one key range of one column family.
// Internal to storage/.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <rocksdb/iterator.h>

#include "storage/graph_store.h"

namespace copmap::storage {

// Walks the keys in [start, limit) of a RocksDB iterator (limit empty: to
// the end). Owns the iterator.
class KeyRange {
 public:
  KeyRange(std::unique_ptr<rocksdb::Iterator> it, std::string start, std::string limit);
  bool Valid() const { return valid_; }
  std::string_view key() const { return it_->key().ToStringView(); }
  std::string_view value() const { return it_->value().ToStringView(); }
  void Next();
  Status status() const;
  // Starts again at `start`, bounded by `limit`, on the same RocksDB iterator.
  void Reseek(std::string_view start, std::string limit);

 private:
  void Settle();
  std::unique_ptr<rocksdb::Iterator> it_;
  std::string limit_;
  bool valid_ = false;
};

// Where an IdIterator finds the big-endian id of each entry.
enum class IdSource : uint8_t {
  kKeyAt,    // at a fixed offset of the key (scans)
  kKeyTail,  // the last 8 bytes of the key (range indexes)
  kValue,    // the first 8 bytes of the value (unique indexes)
};

template <typename Base>
class IdIterator : public Base {
 public:
  IdIterator(KeyRange range, IdSource source, size_t offset = 0)
      : range_(std::move(range)), source_(source), offset_(offset) {}
  bool Valid() const override { return range_.Valid(); }
  uint64_t id() const override;
  void Next() override { range_.Next(); }
  Status status() const override { return range_.status(); }

 private:
  KeyRange range_;
  IdSource source_;
  size_t offset_;
};

using NodeIdIterator = IdIterator<NodeIterator>;
using RelIdIterator = IdIterator<RelIterator>;

class AdjRangeIterator : public AdjIterator {
 public:
  explicit AdjRangeIterator(KeyRange range) : range_(std::move(range)) { Decode(); }
  bool Valid() const override { return range_.Valid(); }
  const AdjEntry& entry() const override { return entry_; }
  void Next() override {
    range_.Next();
    Decode();
  }
  Status status() const override { return range_.status(); }
  bool Reseek(NodeId node, Direction dir, std::optional<RelTypeId> type) override;

 private:
  void Decode();
  KeyRange range_;
  AdjEntry entry_;
};

// Decodes the records of the rels column family in key (id) order. With a
// type, records of other types are skipped after reading their type only.
class RelRecordRangeIterator : public RelRecordIterator {
 public:
  RelRecordRangeIterator(KeyRange range, std::optional<RelTypeId> type)
      : range_(std::move(range)), type_(type) {
    Settle();
  }
  bool Valid() const override { return valid_; }
  const RelRecord& record() const override { return record_; }
  void Next() override;
  Status status() const override;

 private:
  // Decodes the current entry, first moving past entries of other types.
  void Settle();
  KeyRange range_;
  std::optional<RelTypeId> type_;
  RelRecord record_;
  Status error_;
  bool valid_ = false;
};

// An iterator that yields nothing, e.g. for a range whose bounds compare
// values of different kinds.
class EmptyNodeIterator : public NodeIterator {
 public:
  bool Valid() const override { return false; }
  NodeId id() const override { return 0; }
  void Next() override {}
  Status status() const override { return Status::OK(); }
};

}  // namespace copmap::storage
