// PrezeroedWalFile: the write-ahead log file of a store that syncs every
// commit. Internal to storage/.
//
// Why: fdatasync() after appending to a file must also commit the file's new
// size (an ext4 journal transaction), which about doubles its latency on the
// virtual disks we run on; overwriting blocks that already exist needs no
// metadata. So, like SQLite reusing its WAL, the file is extended with zeros
// ahead of the records (64 KiB, doubling to 1 MiB at a time) and each record
// is written over those zeros: a durable commit costs one data-only
// fdatasync, plus one metadata sync per extension.
//
// Safe for recovery: RocksDB's log reader skips zero-filled space (a
// zero-length record of type zero is how it marks preallocated regions), a
// torn record before the zeros fails its checksum exactly as a torn append
// would, and Close() truncates the file to its records.
#pragma once

#include <memory>
#include <string>

#include <rocksdb/file_system.h>

namespace copmap::storage {

// True for RocksDB's WAL file names ("<number>.log").
bool IsWalFileName(const std::string& path);

// Creates (truncating) `path` as a pre-zeroed WAL file.
rocksdb::IOStatus NewPrezeroedWalFile(const std::string& path,
                                      std::unique_ptr<rocksdb::FSWritableFile>* result);

}  // namespace copmap::storage
