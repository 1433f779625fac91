// Side effects as the TCK defines them: the difference, before and after a
// query, in the nodes, relationships, labels and properties that a later
// query could observe. Read straight from the store (not through the query
// engine), so a wrong engine cannot hide its own side effects.
#pragma once

#include <map>
#include <set>
#include <string>
#include <tuple>

#include "storage/graph_store.h"
#include "storage/status.h"

namespace copmap::tck {

struct GraphSnapshot {
  std::set<uint64_t> nodes;
  std::set<uint64_t> rels;
  std::set<std::string> labels;  // distinct label names in use (the TCK's definition)
  // ("n" or "r", id, key, canonical value text)
  std::multiset<std::tuple<char, uint64_t, std::string, std::string>> properties;
};

Result<GraphSnapshot> TakeSnapshot(storage::GraphStore& store);

// "+nodes", "-nodes", "+relationships", "-relationships", "+labels",
// "-labels", "+properties", "-properties" -> count; zero counts omitted.
// A property whose value changed counts once in +properties and once in
// -properties.
std::map<std::string, int64_t> Diff(const GraphSnapshot& before, const GraphSnapshot& after);

}  // namespace copmap::tck
