// Normalizes and validates the labels and properties of a record about to be
// written, for transactions and bulk loads alike. Internal to storage/.
#pragma once

#include <string_view>
#include <vector>

#include "storage/catalog.h"
#include "storage/graph_store.h"

namespace copmap::storage {

// Sorts and deduplicates; InvalidArgument for an id the catalog never gave out.
Status NormalizeLabels(const Catalog& catalog, std::vector<LabelId>* labels);

// Sorts by key and drops nulls (null means absent). InvalidArgument, naming
// `what` and the key, for an unknown key, a key given twice or a value kind a
// property cannot hold.
Status NormalizeProperties(const Catalog& catalog, Properties* props, std::string_view what);

}  // namespace copmap::storage
