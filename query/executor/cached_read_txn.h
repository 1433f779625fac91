// CachedReadTransaction: a read-only Transaction that remembers the node and
// relationship records and degree counts it has read.
//
// Why: one query reads the same records again and again (a label check, then
// a property of the same node; every row of a group reading its community's
// name), and each storage point read costs microseconds. A read-only
// transaction sees one snapshot, so a record read once stays right for the
// whole query. Writes are refused by the wrapped transaction anyway; this
// class is only ever put around read-only transactions.
//
// Bounded: each cache is cleared when it reaches kMaxEntries, so memory stays
// small for queries that touch the whole graph.
//
// When the state it reads has a DataVersion, the records live in the cache
// shared with every statement that reads the same committed state
// (shared_record_cache.h) instead of a cache of its own.
#pragma once

#include <memory>
#include <unordered_map>

#include "query/executor/shared_record_cache.h"
#include "storage/graph_store.h"

namespace copmap::query {

class CachedReadTransaction final : public storage::Transaction {
 public:
  // REQUIRES: inner->read_only().
  explicit CachedReadTransaction(std::unique_ptr<storage::Transaction> inner);

  static constexpr size_t kMaxEntries = 1 << 16;

  // The wrapped transaction, for passes over many records that would only
  // churn the caches (see label_facts.h).
  storage::Transaction& inner() { return *inner_; }

  // The cached reads.
  Result<storage::NodeRecord> GetNode(storage::NodeId id) override;
  Result<storage::RelRecord> GetRel(storage::RelId id) override;
  Result<Value> GetNodeProperty(storage::NodeId id, storage::PropKeyId key) override;
  Result<Value> GetRelProperty(storage::RelId id, storage::PropKeyId key) override;
  Result<uint64_t> Degree(storage::NodeId node, storage::Direction dir,
                          std::optional<storage::RelTypeId> type) override;
  // Borrowed views of the cached records (valid until the next read through
  // this transaction): no copy of the record per row.
  Result<const storage::NodeRecord*> NodeRef(storage::NodeId id);
  Result<const storage::RelRecord*> RelRef(storage::RelId id);

  // Everything else goes straight to the wrapped transaction.
  std::optional<storage::LabelId> FindLabel(std::string_view n) override { return inner_->FindLabel(n); }
  std::optional<storage::RelTypeId> FindRelType(std::string_view n) override { return inner_->FindRelType(n); }
  std::optional<storage::PropKeyId> FindPropKey(std::string_view n) override { return inner_->FindPropKey(n); }
  Result<storage::LabelId> GetOrCreateLabel(std::string_view n) override { return inner_->GetOrCreateLabel(n); }
  Result<storage::RelTypeId> GetOrCreateRelType(std::string_view n) override { return inner_->GetOrCreateRelType(n); }
  Result<storage::PropKeyId> GetOrCreatePropKey(std::string_view n) override { return inner_->GetOrCreatePropKey(n); }
  std::string LabelName(storage::LabelId id) override { return inner_->LabelName(id); }
  std::string RelTypeName(storage::RelTypeId id) override { return inner_->RelTypeName(id); }
  std::string PropKeyName(storage::PropKeyId id) override { return inner_->PropKeyName(id); }
  std::vector<std::string> AllLabels() override { return inner_->AllLabels(); }
  std::vector<std::string> AllRelTypes() override { return inner_->AllRelTypes(); }
  std::vector<std::string> AllPropKeys() override { return inner_->AllPropKeys(); }
  bool NodeExists(storage::NodeId id) override;
  std::unique_ptr<storage::NodeIterator> ScanAllNodes() override { return inner_->ScanAllNodes(); }
  std::unique_ptr<storage::NodeIterator> ScanLabel(storage::LabelId l) override { return inner_->ScanLabel(l); }
  std::unique_ptr<storage::RelIterator> ScanAllRels() override { return inner_->ScanAllRels(); }
  std::unique_ptr<storage::RelIterator> ScanRelType(storage::RelTypeId t) override { return inner_->ScanRelType(t); }
  std::unique_ptr<storage::RelRecordIterator> ScanRelRecords(std::optional<storage::RelTypeId> t) override {
    return inner_->ScanRelRecords(t);
  }
  std::unique_ptr<storage::AdjIterator> Expand(storage::NodeId node, storage::Direction dir,
                                               std::optional<storage::RelTypeId> type) override {
    return inner_->Expand(node, dir, type);
  }
  Result<uint64_t> CountNodes(std::optional<storage::LabelId> l) override { return inner_->CountNodes(l); }
  Result<uint64_t> CountRels(std::optional<storage::RelTypeId> t) override { return inner_->CountRels(t); }
  std::vector<storage::IndexInfo> Indexes() override { return inner_->Indexes(); }
  Result<std::unique_ptr<storage::NodeIterator>> IndexSeek(storage::LabelId l, storage::PropKeyId p,
                                                           const Value& v) override {
    return inner_->IndexSeek(l, p, v);
  }
  Result<std::unique_ptr<storage::NodeIterator>> IndexRange(storage::LabelId l, storage::PropKeyId p,
                                                            std::optional<storage::Bound> lower,
                                                            std::optional<storage::Bound> upper) override {
    return inner_->IndexRange(l, p, std::move(lower), std::move(upper));
  }
  std::optional<storage::IndexInfo> FindIndex(storage::LabelId l, storage::PropKeyId p) override {
    return inner_->FindIndex(l, p);
  }
  Result<storage::NodeId> CreateNode(std::vector<storage::LabelId> l, storage::Properties p) override {
    return inner_->CreateNode(std::move(l), std::move(p));
  }
  Result<storage::RelId> CreateRel(storage::RelTypeId t, storage::NodeId s, storage::NodeId e,
                                   storage::Properties p) override {
    return inner_->CreateRel(t, s, e, std::move(p));
  }
  Status SetNodeProperty(storage::NodeId id, storage::PropKeyId k, Value v) override {
    return inner_->SetNodeProperty(id, k, std::move(v));
  }
  Status SetRelProperty(storage::RelId id, storage::PropKeyId k, Value v) override {
    return inner_->SetRelProperty(id, k, std::move(v));
  }
  Status AddLabel(storage::NodeId id, storage::LabelId l) override { return inner_->AddLabel(id, l); }
  Status RemoveLabel(storage::NodeId id, storage::LabelId l) override { return inner_->RemoveLabel(id, l); }
  Status DeleteNode(storage::NodeId id, bool detach) override { return inner_->DeleteNode(id, detach); }
  Status DeleteRel(storage::RelId id) override { return inner_->DeleteRel(id); }
  Status Commit() override { return inner_->Commit(); }
  void Rollback() override { inner_->Rollback(); }
  bool read_only() const override { return true; }
  // Read-only: the wrapped snapshot's version (lets analytics reuse cached projections).
  std::optional<storage::DataVersion> data_version() override { return inner_->data_version(); }

 private:
  struct DegreeKey {
    storage::NodeId node;
    uint32_t type;  // UINT32_MAX: every type
    storage::Direction dir;
    bool operator==(const DegreeKey&) const = default;
  };
  struct DegreeKeyHash {
    size_t operator()(const DegreeKey& k) const {
      return std::hash<uint64_t>()(k.node * 0x9E3779B97F4A7C15ull ^ (uint64_t{k.type} << 1) ^
                                   static_cast<uint64_t>(k.dir));
    }
  };

  std::unique_ptr<storage::Transaction> inner_;
  std::shared_ptr<SharedRecordCache> shared_;  // null when the state has no version
  // With shared_: the records NodeRef/RelRef returned last, kept alive.
  std::shared_ptr<const storage::NodeRecord> pinned_node_;
  std::shared_ptr<const storage::RelRecord> pinned_rel_;
  // Without shared_: this statement's own records.
  std::unordered_map<storage::NodeId, std::shared_ptr<const storage::NodeRecord>> nodes_;
  std::unordered_map<storage::RelId, std::shared_ptr<const storage::RelRecord>> rels_;
  std::unordered_map<DegreeKey, uint64_t, DegreeKeyHash> degrees_;
};

}  // namespace copmap::query
