// Catalog: interned names (labels, relationship types, property keys).
//
// Each space has dense ids from 0, never reused. The name -> id direction is
// persisted in the meta column family ('l'/'t'/'p' + name -> fixed32 id);
// everything is cached in memory, loaded once at open.
//
// Interning in a transaction is not part of that transaction: a new name is
// written (synced) at once, because two transactions interning one name
// must agree on its id, and a name nobody uses is harmless. A bulk load
// instead *reserves* names (Reserve) and writes them in its own atomic
// ingestion, so a failed import leaves no new names behind; reserved names
// are invisible to Find/All until Publish, and an abandoned reservation only
// leaves a gap in the id space.
//
// Thread safety: all methods may be called concurrently.
#pragma once

#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <rocksdb/db.h>

#include "storage/status.h"

namespace copmap::storage {

enum class NameSpace : uint8_t { kLabel = 0, kRelType = 1, kPropKey = 2 };

class Catalog {
 public:
  Catalog(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* meta) : db_(db), meta_(meta) {}

  // Reads every persisted name. Corruption on a malformed entry.
  Status Load();

  std::optional<uint32_t> Find(NameSpace space, std::string_view name) const;
  Result<uint32_t> GetOrCreate(NameSpace space, std::string_view name);
  // The name of `id`, or "" when `id` is unknown.
  std::string Name(NameSpace space, uint32_t id) const;
  bool Known(NameSpace space, uint32_t id) const;
  // Every published name, in id order.
  std::vector<std::string> All(NameSpace space) const;
  // Number of ids handed out so far (published, reserved or abandoned).
  uint32_t IdLimit(NameSpace space) const;

  // Bulk-load reservations (see the file comment).
  Result<uint32_t> Reserve(NameSpace space, std::string_view name);
  void Publish(NameSpace space, uint32_t id);
  void Abandon(NameSpace space, uint32_t id);

  static char Tag(NameSpace space);
  static std::string_view SpaceName(NameSpace space);

 private:
  struct Entry {
    std::string name;
    bool published = false;
    bool abandoned = false;
  };
  struct Space {
    std::unordered_map<std::string, uint32_t> ids;
    std::vector<Entry> names;  // index = id
  };
  Status Persist(NameSpace space, std::string_view name, uint32_t id);
  static Status ValidateName(NameSpace space, std::string_view name);

  rocksdb::DB* db_;
  rocksdb::ColumnFamilyHandle* meta_;
  mutable std::shared_mutex mu_;
  Space spaces_[3];
};

}  // namespace copmap::storage
