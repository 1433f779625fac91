// The info log (the LOG file in a store's directory) of a RocksStore.
// Internal to storage/.
//
// Why our own: RocksDB's file logger asserts (and so aborts the process, as
// Debian builds librocksdb with assertions on) when it writes again after a
// write failed, which is what happens on a full disk: the first error the
// store logs after the LOG file hit ENOSPC killed the process. This logger
// drops a line it cannot write instead; logging never stops the store.
#pragma once

#include <memory>
#include <string>

#include <rocksdb/env.h>

namespace copmap::storage {

// Opens "<dir>/LOG" (creating `dir`), keeping the previous one as LOG.old.
// Null when the file cannot be created (RocksDB then makes its own).
std::shared_ptr<rocksdb::Logger> NewInfoLog(const std::string& dir);

}  // namespace copmap::storage
