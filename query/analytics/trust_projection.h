// The KNOWS graph that SearchTrust (trust_search.h) walks, held in memory
// and shared between queries that read the same data.
//
// Why: a search from one person over the store costs one Expand per person
// reached and one relationship read per tie (1.7 s per cop.experts call at
// 100k people); over a projection it is a few milliseconds. Building the
// projection costs about as much as one store search, so it is built once
// per DataVersion (storage/graph_store.h) and reused until a commit or a
// bulk load changes the store: the next query then builds a new one.
//
// Contents: every node, KNOWS ties in both directions (a tie carries trust
// both ways; of reciprocal or parallel ties the strongest counts), no self
// loops, arc weight TrustCost(strength), a missing or non-numeric strength
// counting kDefaultStrength (trust_search.h).
#pragma once

#include <memory>

#include "query/analytics/projection.h"
#include "storage/graph_store.h"

namespace copmap::analytics {

// The shared projection for the data `txn` reads; nullptr when `txn` cannot
// name its data (it has written), so the caller must read the store itself.
// Thread-safe; one projection per open store is kept.
Result<std::shared_ptr<const Projection>> CachedTrustProjection(storage::Transaction& txn);

}  // namespace copmap::analytics
