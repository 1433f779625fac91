// The demo's report: what the sample organization holds, and a few
// highlights computed through the store API alone (no query language).
#pragma once

#include <cstdio>

#include "storage/graph_store.h"
#include "storage/status.h"

namespace copmap::cli {

// Prints counts by label and type, the largest communities with their
// leaders, domains whose only senior expert has left or is leaving, silo
// communities (no member belongs to another community) and practices all of
// whose authors have left.
Status PrintDemoReport(storage::GraphStore& store, std::FILE* out);

}  // namespace copmap::cli
