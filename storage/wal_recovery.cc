#include "storage/wal_recovery.h"

#include "storage/rocks_status.h"

namespace copmap::storage {
namespace {

// The last sequence number a read-only replay in `mode` reaches.
rocksdb::Status ReplayedSequence(rocksdb::DBOptions dbo, rocksdb::WALRecoveryMode mode,
                                 const std::string& dir,
                                 const std::vector<rocksdb::ColumnFamilyDescriptor>& descs,
                                 rocksdb::SequenceNumber* last) {
  dbo.wal_recovery_mode = mode;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  rocksdb::Status s = rocksdb::DB::OpenForReadOnly(dbo, dir, descs, &handles, &db);
  if (!s.ok()) return s;
  *last = db->GetLatestSequenceNumber();
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
  delete db;
  return s;
}

}  // namespace

void SetStrictWalRecovery(rocksdb::DBOptions* dbo, bool accept_loss) {
  dbo->wal_recovery_mode = accept_loss ? rocksdb::WALRecoveryMode::kPointInTimeRecovery
                                       : rocksdb::WALRecoveryMode::kAbsoluteConsistency;
}

Status JudgeWalDamage(const rocksdb::Status& failure, const std::string& dir,
                      const std::vector<rocksdb::ColumnFamilyDescriptor>& descs,
                      rocksdb::DBOptions* dbo) {
  const Status original = FromRocks(failure, "opening the database at '" + dir + "'");
  if (!failure.IsCorruption() ||
      dbo->wal_recovery_mode != rocksdb::WALRecoveryMode::kAbsoluteConsistency) {
    return original;
  }
  rocksdb::SequenceNumber stopped = 0, skipped = 0;
  // Damage outside the log fails this replay too: report the original error.
  if (!ReplayedSequence(*dbo, rocksdb::WALRecoveryMode::kPointInTimeRecovery, dir, descs, &stopped)
           .ok()) {
    return original;
  }
  // Skipping the damage: nothing more (zeros, or the end of the file) means a
  // torn tail; more records, or records that do not replay, mean commits that
  // point-in-time recovery would drop.
  rocksdb::Status beyond = ReplayedSequence(
      *dbo, rocksdb::WALRecoveryMode::kSkipAnyCorruptedRecords, dir, descs, &skipped);
  if (beyond.ok() && skipped == stopped) {
    dbo->wal_recovery_mode = rocksdb::WALRecoveryMode::kPointInTimeRecovery;
    return Status::OK();
  }
  const std::string found =
      beyond.ok() ? std::to_string(skipped - stopped) + " writes, sequence numbers " +
                        std::to_string(stopped + 1) + ".." + std::to_string(skipped)
                  : "records that do not replay: " + beyond.ToString();
  return Status::Corruption(
      "'" + dir + "' has a damaged write-ahead log: more of the log follows the damage (" + found +
      "), and opening would silently drop it (" + failure.ToString() +
      "). Restore a backup, or accept losing every commit after the damage with "
      "`copmap check --accept-wal-loss`");
}

}  // namespace copmap::storage
