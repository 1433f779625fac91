// The one place where RocksDB status values become copmap Status values.
#pragma once

#include <string_view>

#include <rocksdb/status.h>

#include "storage/status.h"

namespace copmap::storage {

// Busy and TryAgain (optimistic commit validation) become Conflict; the
// others map to the nearest copmap code. `context` prefixes the message.
Status FromRocks(const rocksdb::Status& s, std::string_view context);

}  // namespace copmap::storage
