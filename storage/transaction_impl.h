// RocksTransaction: Transaction over an optimistic RocksDB transaction.
// Internal to storage/.
//
// Conflict model (see README.md): every record a transaction writes is
// tracked, and so is every record it reads "for update" (the end nodes of a
// relationship it creates, the records it modifies, unique-index keys it
// claims). Commit fails with Conflict when any of them was written by
// another commit after this transaction began. Counts are merge operands
// that are written untracked, so that concurrent commits that only add to
// the same counters (edges to one popular node) never conflict. Deleting a
// node reads its total-degree counters for update, so it conflicts with a
// concurrent commit that attached a relationship to it.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>

#include <rocksdb/utilities/transaction.h>

#include "storage/graph_store.h"
#include "storage/iterators.h"
#include "storage/rocks_store.h"
#include "storage/schema.h"

namespace copmap::storage {

class RocksTransaction : public Transaction {
 public:
  RocksTransaction(RocksStore* store, bool read_only);
  ~RocksTransaction() override;

  std::optional<LabelId> FindLabel(std::string_view name) override;
  std::optional<RelTypeId> FindRelType(std::string_view name) override;
  std::optional<PropKeyId> FindPropKey(std::string_view name) override;
  Result<LabelId> GetOrCreateLabel(std::string_view name) override;
  Result<RelTypeId> GetOrCreateRelType(std::string_view name) override;
  Result<PropKeyId> GetOrCreatePropKey(std::string_view name) override;
  std::string LabelName(LabelId id) override;
  std::string RelTypeName(RelTypeId id) override;
  std::string PropKeyName(PropKeyId id) override;
  std::vector<std::string> AllLabels() override;
  std::vector<std::string> AllRelTypes() override;
  std::vector<std::string> AllPropKeys() override;

  Result<NodeRecord> GetNode(NodeId id) override;
  Result<RelRecord> GetRel(RelId id) override;
  bool NodeExists(NodeId id) override;
  Result<Value> GetNodeProperty(NodeId id, PropKeyId key) override;
  Result<Value> GetRelProperty(RelId id, PropKeyId key) override;
  std::unique_ptr<NodeIterator> ScanAllNodes() override;
  std::unique_ptr<NodeIterator> ScanLabel(LabelId label) override;
  std::unique_ptr<RelIterator> ScanAllRels() override;
  std::unique_ptr<RelIterator> ScanRelType(RelTypeId type) override;
  std::unique_ptr<RelRecordIterator> ScanRelRecords(std::optional<RelTypeId> type) override;
  std::unique_ptr<AdjIterator> Expand(NodeId node, Direction dir,
                                      std::optional<RelTypeId> type) override;
  Result<uint64_t> Degree(NodeId node, Direction dir, std::optional<RelTypeId> type) override;
  Result<uint64_t> CountNodes(std::optional<LabelId> label) override;
  Result<uint64_t> CountRels(std::optional<RelTypeId> type) override;

  std::vector<IndexInfo> Indexes() override;
  Result<std::unique_ptr<NodeIterator>> IndexSeek(LabelId label, PropKeyId property,
                                                   const Value& value) override;
  Result<std::unique_ptr<NodeIterator>> IndexRange(LabelId label, PropKeyId property,
                                                    std::optional<Bound> lower,
                                                    std::optional<Bound> upper) override;
  std::optional<IndexInfo> FindIndex(LabelId label, PropKeyId property) override;

  Result<NodeId> CreateNode(std::vector<LabelId> labels, Properties properties) override;
  Result<RelId> CreateRel(RelTypeId type, NodeId start, NodeId end,
                          Properties properties) override;
  Status SetNodeProperty(NodeId id, PropKeyId key, Value value) override;
  Status SetRelProperty(RelId id, PropKeyId key, Value value) override;
  Status AddLabel(NodeId id, LabelId label) override;
  Status RemoveLabel(NodeId id, LabelId label) override;
  Status DeleteNode(NodeId id, bool detach) override;
  Status DeleteRel(RelId id) override;

  Status Commit() override;
  void Rollback() override;
  bool read_only() const override { return read_only_; }
  std::optional<DataVersion> data_version() override;

 private:
  // Reads through the transaction (own writes + snapshot).
  rocksdb::Status RawGet(Cf cf, const std::string& key, std::string* value);
  Result<bool> GetForUpdate(Cf cf, const std::string& key, std::string* value);
  std::unique_ptr<rocksdb::Iterator> RawIterator(Cf cf, bool prefix_mode);
  KeyRange Range(Cf cf, std::string start, std::string limit, bool prefix_mode = false);
  Result<int64_t> Count(const std::string& key);

  Status CheckWritable(std::string_view op);
  // Runs one write with a save point: on error every effect of it is undone.
  Status Atomically(const std::function<Status()>& write);
  Result<NodeRecord> LoadNodeForUpdate(NodeId id);
  Result<RelRecord> LoadRelForUpdate(RelId id);
  Status ValidateProperties(Properties* props, std::string_view what);
  // Writes the difference between `before` and `after` (either may be absent)
  // to the node record, label scan, label counts and every index.
  Status ApplyNodeChange(const NodeRecord* before, const NodeRecord* after);
  Status ClaimUniqueKey(const IndexEntry& entry, NodeId node);
  Status Merge(const std::string& key, int64_t delta);
  Status MergeDegree(NodeId node, Direction dir, RelTypeId type, int64_t delta);
  Status DeleteRelRecord(const RelRecord& rel);
  Status DropDegreeKeys(NodeId node);
  std::string UniqueViolation(const IndexEntry& entry, NodeId other);

  RocksStore* store_;
  rocksdb::OptimisticTransactionDB* db_;
  bool read_only_;
  bool done_ = false;
  bool wrote_ = false;
  std::unique_ptr<rocksdb::Transaction> txn_;  // null for read-only
  const rocksdb::Snapshot* snapshot_ = nullptr;  // owned when read-only
  std::optional<DataVersion> version_;           // of the snapshot, when nameable
  rocksdb::ReadOptions ro_;
  std::shared_ptr<const Schema> schema_;
  // Degree keys this transaction merged into, by node: a deleted node's
  // counters are found here and in the snapshot.
  std::map<NodeId, std::set<std::string>> touched_degrees_;
};

}  // namespace copmap::storage
