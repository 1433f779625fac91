// OpenAcceptingWalLoss: the way back into a store that GraphStore::Open
// refuses because its write-ahead log is damaged with valid commits after the
// damage ("Corruption: ... has a damaged write-ahead log", see
// storage/wal_recovery.h). It opens the store keeping only the commits before
// the damage (those after it are lost) and retires the damaged log, so later
// opens succeed. On a store without such damage it is GraphStore::Open.
// `copmap check --accept-wal-loss` calls it.
#pragma once

#include <memory>
#include <string>

#include "storage/graph_store.h"

namespace copmap::storage {

Result<std::unique_ptr<GraphStore>> OpenAcceptingWalLoss(const std::string& dir,
                                                          const StoreOptions& options = {});

}  // namespace copmap::storage
