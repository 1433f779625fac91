// SstStream: one column family's output of a bulk load, written as a
// sequence of SST files whose keys strictly increase across the whole
// stream. Internal to storage/.
//
// Because the files of a stream do not overlap each other (nor the files of
// another stream covering a disjoint key range), IngestExternalFiles can put
// them straight into the bottom level of an empty key range: no L0 pile-up
// and no compaction after the load.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <rocksdb/sst_file_writer.h>

#include "storage/rocks_store.h"

namespace copmap::storage {

class SstStream {
 public:
  // Files are named `dir`/`name`-<n>.sst and rolled past `file_bytes`.
  // `as_merge` writes every entry as a merge operand (the counts family).
  SstStream(RocksStore* store, Cf cf, std::string dir, std::string name, bool as_merge = false,
            uint64_t file_bytes = kDefaultFileBytes);
  ~SstStream();
  SstStream(const SstStream&) = delete;
  SstStream& operator=(const SstStream&) = delete;

  // REQUIRES: `key` greater than every key added before.
  Status Add(const rocksdb::Slice& key, const rocksdb::Slice& value);
  // Finishes the open file. The stream may be added to again afterwards.
  Status Close();
  Cf cf() const { return cf_; }
  const std::vector<std::string>& files() const { return files_; }

  static constexpr uint64_t kDefaultFileBytes = 64ull << 20;

 private:
  Status OpenNext();

  rocksdb::Options options_;
  rocksdb::ColumnFamilyHandle* handle_;
  Cf cf_;
  std::string dir_, name_;
  bool as_merge_;
  uint64_t file_bytes_;
  std::unique_ptr<rocksdb::SstFileWriter> writer_;
  std::vector<std::string> files_;
};

}  // namespace copmap::storage
