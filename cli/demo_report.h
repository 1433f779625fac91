// The demo's report: what the sample organization holds, and a few
// highlights read through the store API alone (no query language).
#pragma once

#include <cstdio>

#include "storage/graph_store.h"
#include "storage/status.h"

namespace copmap::cli {

// Prints counts by label and type and the largest communities with their
// leaders and leadership styles. (The analyses come after it, from the cop.*
// procedures: demo_walkthrough.h.)
Status PrintDemoReport(storage::GraphStore& store, std::FILE* out);

}  // namespace copmap::cli
