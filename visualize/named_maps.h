// Named maps and maps of any query: the entry points the command line
// (`copmap render`) and the gRPC Render method call.
//
// A named map is one or more read-only queries in the copmap query language
// plus a map spec (grouping, colouring, title). The queries use only MATCH,
// WHERE and RETURN of nodes and relationships, with parameters.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "query/engine.h"
#include "storage/status.h"
#include "visualize/map_builder.h"
#include "visualize/render_options.h"

namespace copmap::visualize {

struct MapRequest {
  // "community", "domain", "organization", "person" or "risk".
  std::string map;
  // community: its name; domain: its name; person: the email;
  // organization: optional organization name (empty: every community);
  // risk: empty.
  std::string argument;
  RenderOptions render;
  size_t max_nodes = 2000;
  OverflowPolicy overflow = OverflowPolicy::kSummarize;
  // The title block shows `date` when non-empty. Nothing time-dependent is
  // added otherwise, so the same database gives the same bytes.
  std::string date;
  std::string data_note;  // e.g. the database's name; shown under the title
  std::chrono::milliseconds query_timeout{0};  // 0: the engine's default
};

struct RenderedMap {
  std::string bytes;       // the file's contents
  std::string media_type;  // "image/svg+xml", "application/pdf", "image/png", "text/vnd.graphviz"
  std::string title;
  size_t nodes = 0;  // drawn nodes (after any summary)
  size_t edges = 0;
};

// Runs the named map's queries (read-only) and renders the result.
// Errors: InvalidArgument for an unknown map name or a missing/extra
// argument (the message lists the maps and their arguments), NotFound when
// the community, domain, person or organization does not exist, query
// errors as the engine reports them, then RenderMap's errors.
Result<RenderedMap> RenderNamedMap(query::Engine& engine, const MapRequest& request);

// Runs any read-only query and draws the nodes, relationships and paths it
// returns. `spec` chooses grouping and colouring (default: none, by label);
// its title defaults to the query text.
Result<RenderedMap> RenderQueryMap(query::Engine& engine, std::string_view query_text,
                                   const RenderOptions& render, MapSpec spec = {});

// The named maps: name, argument, description and their queries (for help
// text and docs).
struct NamedMapInfo {
  std::string name;
  std::string argument;  // "NAME", "EMAIL", "[NAME]" or ""
  std::string description;
  std::vector<std::string> queries;
};
const std::vector<NamedMapInfo>& NamedMaps();

std::string_view MediaType(Format format);

}  // namespace copmap::visualize
