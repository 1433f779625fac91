#include "storage/bulk_sst.h"

#include "storage/rocks_status.h"

namespace copmap::storage {

SstStream::SstStream(RocksStore* store, Cf cf, std::string dir, std::string name, bool as_merge,
                     uint64_t file_bytes)
    : options_(store->db()->GetDBOptions(), store->db()->GetOptions(store->cf(cf))),
      handle_(store->cf(cf)), cf_(cf), dir_(std::move(dir)), name_(std::move(name)),
      as_merge_(as_merge), file_bytes_(file_bytes) {
  // SstFileWriter takes the column family's bottommost compression (zstd
  // level 1, rocks_store.cc): the files are ingested into the bottom level,
  // where compactions would recompress LZ4 files with it anyway.
}

SstStream::~SstStream() = default;

Status SstStream::OpenNext() {
  std::string file = dir_ + "/" + name_ + "-" + std::to_string(files_.size()) + ".sst";
  auto writer = std::make_unique<rocksdb::SstFileWriter>(rocksdb::EnvOptions(), options_, handle_);
  COPMAP_RETURN_IF_ERROR(FromRocks(writer->Open(file), "bulk load: creating " + file));
  writer_ = std::move(writer);
  files_.push_back(std::move(file));
  return Status::OK();
}

Status SstStream::Add(const rocksdb::Slice& key, const rocksdb::Slice& value) {
  if (writer_ != nullptr && writer_->FileSize() >= file_bytes_) COPMAP_RETURN_IF_ERROR(Close());
  if (writer_ == nullptr) COPMAP_RETURN_IF_ERROR(OpenNext());
  rocksdb::Status s = as_merge_ ? writer_->Merge(key, value) : writer_->Put(key, value);
  if (s.ok()) return Status::OK();  // the common case builds no message
  return FromRocks(s, "bulk load: writing " + files_.back());
}

Status SstStream::Close() {
  if (writer_ == nullptr) return Status::OK();
  auto writer = std::move(writer_);
  return FromRocks(writer->Finish(), "bulk load: finishing " + files_.back());
}

}  // namespace copmap::storage
