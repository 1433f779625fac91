// The CoP standard workload's read and write statements (WORKLOAD.md, v1) in
// copmap's Cypher dialect, and the canonical line of each read's answer.
//
// The canonical line is what the checksums of all engines are computed
// from, so each function here mirrors the peer runners' `canon` table
// (bench_common.js) exactly; e.g. Q2 sorts the names by byte order itself
// because the query does not order them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storage/value.h"

namespace copmap::bench {

struct ReadQuery {
  std::string_view name;  // "Q1" ... "Q8"
  std::string_view text;
  // Parameter names in the order of one params.json draw ({} for Q7/Q8,
  // one name for a scalar draw, two for a pair).
  std::vector<std::string_view> params;
};

const std::vector<ReadQuery>& ReadQueries();

extern const std::string_view kWriteEdgeQuery;   // Q10, parameters $src $dst $w
extern const std::string_view kCountKnowsQuery;  // one row, column n
// Indexes created as part of the load so that Q1-Q6 seek on id.
extern const std::vector<std::string_view> kLoadIndexes;

// The canonical line of one answer of read query `name`. Rows are in the
// query's column order.
std::string CanonicalLine(std::string_view name, const std::vector<std::vector<Value>>& rows);

}  // namespace copmap::bench
