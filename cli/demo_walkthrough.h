// The second half of `copmap demo`: what the CoP analytics say about the
// sample organization (experts for its best-covered domain, knowledge at
// risk, silos, brokers), its maps written to a folder, and how to serve it.
#pragma once

#include <cstdio>
#include <string>

#include "query/engine.h"
#include "storage/status.h"

namespace copmap::cli {

// Writes organization, risk and community-<name> maps as SVG and PDF (A3
// landscape) into `maps_dir` (created; nothing written when empty).
Status PrintDemoWalkthrough(query::Engine& engine, const std::string& db,
                            const std::string& maps_dir, std::FILE* out);

}  // namespace copmap::cli
