// How a store replays its write-ahead log when it opens. Internal to storage/.
//
// The policy: a commit that was acknowledged is never dropped without an
// error. RocksDB's default (point-in-time recovery) stops replaying at the
// first bad record and opens silently, which is right for a torn last record
// (a crash or power loss during a write: that commit was never acknowledged)
// but loses every later commit when the damage is in the middle of the log.
// So the store first replays strictly (kAbsoluteConsistency: any bad record
// fails the open). Only when that fails does it look closer: it replays the
// log read-only twice, stopping at the damage and skipping over it; if
// skipping reaches further, valid commits follow the damage and the open
// fails with Corruption naming how many writes would be lost. Otherwise the
// damage is a torn tail and the store opens with point-in-time recovery.
//
// Limit: RocksDB's reader drops the rest of a 32 KiB log block after a bad
// record, so damage inside the log's last block cannot be told from a torn
// tail and is recovered as one.
//
// accept_loss (StoreOptions::accept_wal_loss, `copmap check
// --accept-wal-loss`) skips the strict replay: the store opens with the
// commits before the damage.
#pragma once

#include <string>
#include <vector>

#include <rocksdb/db.h>

#include "storage/status.h"

namespace copmap::storage {

// Sets the replay mode for the first open attempt.
void SetStrictWalRecovery(rocksdb::DBOptions* dbo, bool accept_loss);

// Called when the first open of `dir` failed with `failure`. OK (and the mode
// set to point-in-time recovery) when the failure is a torn tail the store
// may drop; otherwise the error to report.
Status JudgeWalDamage(const rocksdb::Status& failure, const std::string& dir,
                      const std::vector<rocksdb::ColumnFamilyDescriptor>& descs,
                      rocksdb::DBOptions* dbo);

}  // namespace copmap::storage
