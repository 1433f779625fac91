// Checks a Map before it is drawn, so that nothing malformed reaches Graphviz.
#pragma once

#include "storage/status.h"
#include "visualize/map_model.h"

namespace copmap::visualize {

// OK when every colour is "#RRGGBB", every number is within the range
// map_model.h states, node keys are non-empty and unique, every edge names
// existing nodes and every cluster index is valid. Otherwise InvalidArgument
// naming the offending node, edge or cluster and value.
Status CheckMap(const Map& map);

}  // namespace copmap::visualize
