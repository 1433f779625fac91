// Checker: the engine of RocksStore::Check(). Internal to storage/.
//
// Two kinds of passes over one snapshot:
// - fast passes (check.cc): each column family is scanned once, in key
//   order. Whatever can be compared in that order is compared exactly (degree
//   counters against adjacency runs, relationship end nodes against the set
//   of node ids, counts); the cross-family invariants (label and type scan
//   entries, adjacency entries, index entries) are compared as Fingerprints
//   of what the records imply and what is stored;
// - explaining passes (check_explain.cc), run only for a family whose
//   fingerprints differ: point reads in both directions name every
//   violation. Their cost is the old Check's, paid only on a damaged store.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <rocksdb/db.h>

#include "storage/check_fingerprint.h"
#include "storage/codec.h"
#include "storage/rocks_store.h"
#include "storage/schema.h"

namespace copmap::storage {

// The ids of the stored nodes: a bitmap when ids are dense (the normal case:
// ids come from a counter), a sorted list otherwise.
class NodeIdSet {
 public:
  // REQUIRES: ids added in increasing order, all <= max_id.
  void Reset(uint64_t max_id, uint64_t expected_count);
  void Add(uint64_t id);
  bool Contains(uint64_t id) const;

 private:
  bool dense_ = true;
  std::vector<uint64_t> bits_;
  std::vector<uint64_t> sorted_;
};

class Checker {
 public:
  explicit Checker(RocksStore* store);
  ~Checker();
  Result<std::vector<Violation>> Run();

 private:
  // check.cc
  Status ScanNodes();
  Status ScanRels();
  Status ScanAdjacency();
  Status ScanTagEntries(Cf cf, const std::string& what, Fingerprint* actual);
  Status ScanIndexEntries();
  Status CheckCounts();
  void CheckPropertyKeys(const Properties& properties, const std::string& owner);
  void MatchDegree(rocksdb::Iterator* counters, NodeId node, Direction dir, RelTypeId type,
                   int64_t entries);
  void ReportStaleDegree(rocksdb::Iterator* counters);
  int64_t DegreeValue(rocksdb::Iterator* counters);

  // check_explain.cc
  Status ExplainLabelScan();
  Status ExplainTypeScan();
  Status ExplainAdjacency();
  Status ExplainIndex();

  // Shared helpers.
  void Report(std::string what);
  std::unique_ptr<rocksdb::Iterator> Iter(Cf cf);
  bool Has(Cf cf, const std::string& key, std::string* value = nullptr);
  std::string Label(LabelId id);
  std::string Type(RelTypeId id);
  int64_t Count(const std::string& key);
  Result<std::optional<NodeRecord>> LoadNode(NodeId id);
  std::optional<RelRecord> LoadRel(RelId id);
  static std::string DirName(Direction d);
  static uint64_t AdjHash(NodeId node, Direction dir, RelTypeId type, NodeId neighbor, RelId rel);
  static uint64_t IndexHash(std::string_view key, std::string_view value);
  static bool WellFormedAdjKey(std::string_view key);
  const IndexDef* FindIndex(std::string_view key) const;

  RocksStore* store_;
  rocksdb::DB* db_;
  const rocksdb::Snapshot* snapshot_;
  rocksdb::ReadOptions ro_;
  std::shared_ptr<const Schema> schema_;
  std::vector<Violation> violations_;
  int64_t nodes_ = 0, rels_ = 0;
  std::map<LabelId, int64_t> by_label_;
  std::map<RelTypeId, int64_t> by_type_;
  std::map<char, int64_t> high_water_;
  NodeIdSet node_ids_;
  // What the records imply, and what is stored.
  Fingerprint implied_labels_, stored_labels_;
  Fingerprint implied_types_, stored_types_;
  Fingerprint implied_adj_, stored_adj_;
  Fingerprint implied_index_, stored_index_;
};

}  // namespace copmap::storage
