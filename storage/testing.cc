#include "storage/testing.h"

#include "storage/rocks_status.h"
#include "storage/rocks_store.h"

namespace copmap::storage::testing {

namespace {

Result<std::pair<RocksStore*, rocksdb::ColumnFamilyHandle*>> Resolve(GraphStore& store,
                                                                      std::string_view cf) {
  auto* rocks = dynamic_cast<RocksStore*>(&store);
  if (rocks == nullptr) return Status::InvalidArgument("not a RocksDB-backed store");
  for (int i = 0; i < int(Cf::kCount); ++i) {
    if (cf == CfName(Cf(i))) return std::pair{rocks, rocks->cf(Cf(i))};
  }
  return Status::InvalidArgument("unknown column family '" + std::string(cf) + "'");
}

}  // namespace

Status PutRaw(GraphStore& store, std::string_view cf, std::string_view key, std::string_view value) {
  COPMAP_ASSIGN_OR_RETURN(auto target, Resolve(store, cf));
  return FromRocks(target.first->db()->Put(rocksdb::WriteOptions(), target.second,
                                           rocksdb::Slice(key.data(), key.size()),
                                           rocksdb::Slice(value.data(), value.size())),
                   "raw put");
}

Status DeleteRaw(GraphStore& store, std::string_view cf, std::string_view key) {
  COPMAP_ASSIGN_OR_RETURN(auto target, Resolve(store, cf));
  return FromRocks(target.first->db()->Delete(rocksdb::WriteOptions(), target.second,
                                              rocksdb::Slice(key.data(), key.size())),
                   "raw delete");
}

}  // namespace copmap::storage::testing
