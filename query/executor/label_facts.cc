#include "query/executor/label_facts.h"

#include <mutex>
#include <vector>

#include "query/executor/cached_read_txn.h"

namespace copmap::query {

namespace {

struct Fact {
  storage::DataVersion version;
  storage::RelTypeId type;
  RelEnd end;
  storage::LabelId label;
  bool holds;
};

// Degrees of the label's members, summed; stops early once the sum reaches
// `total` (the rest can only add to it, and a larger sum is impossible).
Result<bool> ComputeFact(storage::Transaction& txn, storage::RelTypeId type, RelEnd end,
                         storage::LabelId label) {
  // The record/degree cache of a read-only statement would only churn: read past it.
  auto* cached = dynamic_cast<CachedReadTransaction*>(&txn);
  storage::Transaction& reader = cached ? cached->inner() : txn;
  COPMAP_ASSIGN_OR_RETURN(uint64_t total, reader.CountRels(type));
  uint64_t sum = 0;
  auto members = reader.ScanLabel(label);
  for (; sum < total && members->Valid(); members->Next()) {
    COPMAP_ASSIGN_OR_RETURN(uint64_t d, reader.Degree(members->id(), DirectionFrom(end), type));
    sum += d;
  }
  COPMAP_RETURN_IF_ERROR(members->status());
  return sum == total;
}

}  // namespace

Result<std::optional<bool>> LabelImplied(storage::Transaction& txn, storage::RelTypeId type,
                                         RelEnd end, storage::LabelId label, bool compute) {
  std::optional<storage::DataVersion> version = txn.data_version();
  if (!version) return std::optional<bool>();
  // Held while computing, so that concurrent first queries compute once.
  static std::mutex mu;
  static std::vector<Fact> facts;  // of the latest state seen per store
  std::lock_guard lock(mu);
  for (const Fact& f : facts) {
    if (f.version == *version && f.type == type && f.end == end && f.label == label) {
      return std::optional<bool>(f.holds);
    }
  }
  if (!compute) return std::optional<bool>();
  COPMAP_ASSIGN_OR_RETURN(bool holds, ComputeFact(txn, type, end, label));
  // Facts of an older state of this store are stale; stores closed long ago
  // leave entries behind, so keep the list short.
  std::erase_if(facts, [&](const Fact& f) {
    return f.version.store == version->store && !(f.version == *version);
  });
  if (facts.size() >= 256) facts.erase(facts.begin());
  facts.push_back(Fact{*version, type, end, label, holds});
  return std::optional<bool>(holds);
}

}  // namespace copmap::query
