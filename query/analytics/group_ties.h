// Ties within and between groups of nodes (groups may overlap), and
// Krackhardt & Stern's E-I index.
//
// A tie is an edge of an undirected projection or an arc of a directed one.
// For a group S: internal ties have both ends in S, external ties exactly
// one. E-I = (E - I) / (E + I): -1 when all ties stay inside the group (a
// silo), +1 when all lead out of it.
#pragma once

#include <cstdint>
#include <vector>

#include "query/analytics/projection.h"

namespace copmap::analytics {

struct GroupTies {
  uint64_t internal = 0;
  uint64_t external = 0;
  // NaN when the group has no ties at all.
  double ei_index() const;
};

// One entry per group. Duplicate members within a group are ignored.
std::vector<GroupTies> CountGroupTies(const Projection& g,
                                      const std::vector<std::vector<LocalId>>& groups);

// matrix[a][b] (a != b): the number of ties between a member of group a and a
// member of group b, i.e. with one end in a and the other in b (two distinct
// people; a person in both groups counts on both sides). Symmetric for an
// undirected projection; for a directed one, arcs from a to b. Diagonal: the
// group's internal ties.
std::vector<std::vector<uint64_t>> TieMatrix(const Projection& g,
                                             const std::vector<std::vector<LocalId>>& groups);

}  // namespace copmap::analytics
