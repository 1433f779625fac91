// Test-only access below the invariants of GraphStore. Never use outside tests:
// these calls write raw keys so that tests can inject corruption and show
// that Check() finds it, or fake a newer on-disk format.
#pragma once

#include <string_view>

#include "storage/graph_store.h"
#include "storage/status.h"

namespace copmap::storage::testing {

// `cf` is a column family name from keys.h ("nodes", "adj", "counts", ...).
// InvalidArgument for an unknown name or a store not opened by GraphStore::Open.
Status PutRaw(GraphStore& store, std::string_view cf, std::string_view key, std::string_view value);
Status DeleteRaw(GraphStore& store, std::string_view cf, std::string_view key);

}  // namespace copmap::storage::testing
