#include "storage/rocks_status.h"

#include <string>

namespace copmap::storage {

Status FromRocks(const rocksdb::Status& s, std::string_view context) {
  if (s.ok()) return Status::OK();
  std::string msg(context);
  msg += ": ";
  msg += s.ToString();
  switch (s.code()) {
    case rocksdb::Status::kBusy:
    case rocksdb::Status::kTryAgain:
      return Status::Conflict(std::string(context) +
                              ": a concurrent transaction committed a change to data this "
                              "transaction wrote or read for update; nothing was applied, retry");
    case rocksdb::Status::kNotFound: return Status::NotFound(std::move(msg));
    case rocksdb::Status::kCorruption: return Status::Corruption(std::move(msg));
    case rocksdb::Status::kNotSupported: return Status::NotSupported(std::move(msg));
    case rocksdb::Status::kInvalidArgument: return Status::InvalidArgument(std::move(msg));
    case rocksdb::Status::kIOError: return Status::IOError(std::move(msg));
    case rocksdb::Status::kTimedOut: return Status::Timeout(std::move(msg));
    case rocksdb::Status::kAborted: return Status::Cancelled(std::move(msg));
    default: return Status::Internal(std::move(msg));
  }
}

}  // namespace copmap::storage
