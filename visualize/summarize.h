// Keeps maps printable: a map over its node limit is summarized or refused.
#pragma once

#include <cstddef>

#include "storage/status.h"
#include "visualize/map_builder.h"
#include "visualize/map_model.h"

namespace copmap::visualize {

// Returns `map` unchanged when it has at most `max_nodes` nodes. Otherwise,
// with kSummarize: every cluster collapses into one node that counts what it
// held ("143 people, 1 Community"), and if that is still too many, the
// remaining top-level nodes collapse by kind; parallel edges between the
// collapsed nodes merge into one labelled with their count. The title
// block's data note says what was summarized.
// Errors: ResourceExhausted naming the node count and the limit when the
// policy is kRefuse, or when even the summary is over the limit.
Result<Map> EnforceNodeLimit(Map map, size_t max_nodes, OverflowPolicy policy);

}  // namespace copmap::visualize
