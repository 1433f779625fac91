// The TCK's value notation (upstream README, "Format of the expected
// results") and a canonical text form that both expected cells and engine
// results are reduced to before comparison.
//
// Canonical form: ints in decimal; floats in shortest round-trip form with a
// '.0' or exponent ("1.0", "1.2635418652381264e+305", "NaN", "Inf",
// "-Inf"); strings single-quoted with \\ and \' escaped; maps and property
// maps sorted by key; node labels sorted; lists in order, or sorted by
// element text when list order is ignored; relationships "[:T {k: v}]";
// paths "<(..)-[..]->(..)<-[..]-(..)>".
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "storage/status.h"
#include "storage/value.h"

namespace copmap::tck {

struct TckValue {
  enum class Kind { kNull, kBool, kInt, kFloat, kString, kList, kMap, kNode, kRel, kPath };
  Kind kind = Kind::kNull;
  bool b = false;
  int64_t i = 0;
  double f = 0;
  std::string s;                                        // string text, or relationship type
  std::vector<std::string> labels;                      // node labels
  std::vector<TckValue> items;                          // list elements; path: node, rel, node, ...
  std::vector<std::pair<std::string, TckValue>> entries;  // map entries or properties
  bool forward = true;                                  // a relationship inside a path: -> or <-
};

// Parses one cell. Errors name the text and the offset.
Result<TckValue> ParseTckValue(const std::string& text);

// The engine's value in the same structure. A relationship inside a path
// points forward when its start is the preceding node.
TckValue FromValue(const Value& v);

// A parameter value for the engine. Nodes, relationships and paths cannot be
// parameters (InvalidArgument).
Result<Value> ToValue(const TckValue& v);

// The canonical text (see above). `sort_lists` sorts list elements, at every
// depth, for "ignoring element order for lists".
std::string Canonical(const TckValue& v, bool sort_lists = false);

}  // namespace copmap::tck
