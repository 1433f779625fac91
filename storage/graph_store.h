// GraphStore: the property graph copmap keeps on disk.
//
// This is the whole public surface of storage/. Nothing in it names a
// RocksDB type, so that another ordered key-value engine could stand behind
// the same interface. The byte layout of every key is in storage/keys.h.
//
// Thread safety: a GraphStore may be shared by any number of threads. A
// Transaction belongs to one thread at a time. Iterators returned by a
// Transaction must not outlive it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/status.h"
#include "storage/value.h"

namespace copmap::storage {

using NodeId = uint64_t;
using RelId = uint64_t;
// Interned names. Labels, relationship types and property keys each have
// their own id space; ids are small, dense and never reused.
using LabelId = uint32_t;
using RelTypeId = uint32_t;
using PropKeyId = uint32_t;

enum class Direction : uint8_t { kOut = 0, kIn = 1 };

// Properties of one record, sorted by key id, keys unique, no null values
// (setting a property to null removes it).
using Properties = std::vector<std::pair<PropKeyId, Value>>;

struct NodeRecord {
  NodeId id = 0;
  std::vector<LabelId> labels;  // sorted, unique
  Properties properties;
};

struct RelRecord {
  RelId id = 0;
  RelTypeId type = 0;
  NodeId start = 0;
  NodeId end = 0;
  Properties properties;
};

// One adjacency entry as seen from the node it was read from.
struct AdjEntry {
  RelTypeId type = 0;
  Direction direction = Direction::kOut;
  NodeId neighbor = 0;  // the other end (equal to the node for a self loop)
  RelId rel = 0;
};

enum class IndexKind : uint8_t { kUnique = 0, kRange = 1 };

struct IndexInfo {
  std::string name;
  IndexKind kind = IndexKind::kRange;
  LabelId label = 0;
  PropKeyId property = 0;
};

// Iterates nodes (label scan, full scan, index lookup). Valid() is false at
// the end or after an error; status() tells which.
class NodeIterator {
 public:
  virtual ~NodeIterator() = default;
  virtual bool Valid() const = 0;
  virtual NodeId id() const = 0;
  virtual void Next() = 0;
  virtual Status status() const = 0;
};

class RelIterator {
 public:
  virtual ~RelIterator() = default;
  virtual bool Valid() const = 0;
  virtual RelId id() const = 0;
  virtual void Next() = 0;
  virtual Status status() const = 0;
};

class AdjIterator {
 public:
  virtual ~AdjIterator() = default;
  virtual bool Valid() const = 0;
  virtual const AdjEntry& entry() const = 0;
  virtual void Next() = 0;
  virtual Status status() const = 0;
  // Moves to the relationships of another (node, direction, type), as if
  // Transaction::Expand had made this iterator for them, reusing the storage
  // iterator underneath (creating one per expansion costs more than walking a
  // few entries). False when this kind of iterator cannot; it is then unchanged.
  virtual bool Reseek(NodeId /*node*/, Direction /*dir*/, std::optional<RelTypeId> /*type*/) {
    return false;
  }
};

// Relationship records in id order (Transaction::ScanRelRecords).
class RelRecordIterator {
 public:
  virtual ~RelRecordIterator() = default;
  virtual bool Valid() const = 0;
  // REQUIRES: Valid().
  virtual const RelRecord& record() const = 0;
  virtual void Next() = 0;
  virtual Status status() const = 0;
};

// An index range bound; an absent bound is open.
struct Bound {
  Value value;
  bool inclusive = true;
};

// Names one committed state of one open store (see Transaction::data_version).
struct DataVersion {
  uint64_t store = 0;     // unique per opened store in this process
  uint64_t epoch = 0;     // bumped around bulk ingestions
  uint64_t sequence = 0;  // the snapshot's last commit
  bool operator==(const DataVersion&) const = default;
};

struct TransactionOptions {
  // A read-only transaction refuses every write with InvalidArgument.
  bool read_only = false;
};

// A unit of work. Reads see one consistent snapshot taken at Begin() plus
// this transaction's own writes. Writes become visible to others, all
// together, at Commit(); a transaction destroyed without Commit() rolls back.
// Commit() fails with Conflict when another transaction committed a write to
// a record this one wrote after this one began; then nothing of it is applied.
class Transaction {
 public:
  virtual ~Transaction() = default;

  // --- catalog ---------------------------------------------------------
  // Looks up an interned name; nullopt when it was never used.
  virtual std::optional<LabelId> FindLabel(std::string_view name) = 0;
  virtual std::optional<RelTypeId> FindRelType(std::string_view name) = 0;
  virtual std::optional<PropKeyId> FindPropKey(std::string_view name) = 0;
  // Interns a name, creating it when new (a write: not in read-only transactions).
  virtual Result<LabelId> GetOrCreateLabel(std::string_view name) = 0;
  virtual Result<RelTypeId> GetOrCreateRelType(std::string_view name) = 0;
  virtual Result<PropKeyId> GetOrCreatePropKey(std::string_view name) = 0;
  // REQUIRES: the id was returned by this store.
  virtual std::string LabelName(LabelId id) = 0;
  virtual std::string RelTypeName(RelTypeId id) = 0;
  virtual std::string PropKeyName(PropKeyId id) = 0;
  // Every interned name, ordered by id.
  virtual std::vector<std::string> AllLabels() = 0;
  virtual std::vector<std::string> AllRelTypes() = 0;
  virtual std::vector<std::string> AllPropKeys() = 0;

  // --- reads -----------------------------------------------------------
  // EntityNotFound when there is no such node.
  virtual Result<NodeRecord> GetNode(NodeId id) = 0;
  virtual Result<RelRecord> GetRel(RelId id) = 0;
  virtual bool NodeExists(NodeId id) = 0;
  // One property, or a null Value when absent.
  virtual Result<Value> GetNodeProperty(NodeId id, PropKeyId key) = 0;
  virtual Result<Value> GetRelProperty(RelId id, PropKeyId key) = 0;

  virtual std::unique_ptr<NodeIterator> ScanAllNodes() = 0;
  virtual std::unique_ptr<NodeIterator> ScanLabel(LabelId label) = 0;
  virtual std::unique_ptr<RelIterator> ScanAllRels() = 0;
  virtual std::unique_ptr<RelIterator> ScanRelType(RelTypeId type) = 0;
  // Every relationship of `type` (nullopt: of every type) with its record,
  // in id order: one sequential read of the relationship records, for work
  // over the whole graph (analytics projections need each tie's properties)
  // that would otherwise cost a GetRel() per id. A record that does not
  // decode ends the iteration with Corruption.
  virtual std::unique_ptr<RelRecordIterator> ScanRelRecords(std::optional<RelTypeId> type) = 0;

  // A node's relationships in one direction, of one type or (nullopt) of
  // every type. One prefix seek; entries of one type are ordered by neighbor.
  virtual std::unique_ptr<AdjIterator> Expand(NodeId node, Direction dir,
                                              std::optional<RelTypeId> type) = 0;
  // Number of relationships Expand() would yield, without scanning.
  virtual Result<uint64_t> Degree(NodeId node, Direction dir,
                                  std::optional<RelTypeId> type) = 0;

  // Counts kept on every commit: no scan.
  virtual Result<uint64_t> CountNodes(std::optional<LabelId> label) = 0;
  virtual Result<uint64_t> CountRels(std::optional<RelTypeId> type) = 0;

  // --- indexes and constraints ------------------------------------------
  virtual std::vector<IndexInfo> Indexes() = 0;
  // Nodes with `label` whose `property` equals `value`, through an index on
  // (label, property). NotFound when no such index exists.
  virtual Result<std::unique_ptr<NodeIterator>> IndexSeek(LabelId label, PropKeyId property,
                                                           const Value& value) = 0;
  // Nodes whose property lies within the bounds, in index (value) order.
  virtual Result<std::unique_ptr<NodeIterator>> IndexRange(LabelId label, PropKeyId property,
                                                            std::optional<Bound> lower,
                                                            std::optional<Bound> upper) = 0;
  virtual std::optional<IndexInfo> FindIndex(LabelId label, PropKeyId property) = 0;

  // --- writes ----------------------------------------------------------
  // Writes fail with ConstraintError when they would break a unique
  // constraint; the transaction stays usable and the failed write left no trace.
  virtual Result<NodeId> CreateNode(std::vector<LabelId> labels, Properties properties) = 0;
  // EntityNotFound when an end node does not exist.
  virtual Result<RelId> CreateRel(RelTypeId type, NodeId start, NodeId end,
                                  Properties properties) = 0;
  // Setting null removes the property.
  virtual Status SetNodeProperty(NodeId id, PropKeyId key, Value value) = 0;
  virtual Status SetRelProperty(RelId id, PropKeyId key, Value value) = 0;
  virtual Status AddLabel(NodeId id, LabelId label) = 0;
  virtual Status RemoveLabel(NodeId id, LabelId label) = 0;
  // Without detach, a node that still has relationships is a ConstraintError.
  virtual Status DeleteNode(NodeId id, bool detach) = 0;
  virtual Status DeleteRel(RelId id) = 0;

  // Schema writes run in their own transaction (see GraphStore).

  // --- end ---------------------------------------------------------------
  // Makes every write durable and visible at once, or changes nothing.
  virtual Status Commit() = 0;
  virtual void Rollback() = 0;
  virtual bool read_only() const = 0;

  // The committed state this transaction reads, for caches of derived data
  // (analytics projections): two transactions with equal versions read the
  // same data, and any later commit or bulk load gives new transactions a
  // different version. nullopt once this transaction has written (its reads
  // include its own writes), or when the state cannot be named.
  virtual std::optional<DataVersion> data_version() { return std::nullopt; }
};

struct StoreOptions {
  // Create the directory as a new database when it does not exist.
  bool create_if_missing = true;
  // Sync the write-ahead log on every commit (durable). Turning it off is
  // for bulk loads that are checkpointed at their end, and for throw-away
  // stores (tests): a store created with it off is not synced at creation.
  bool sync_commits = true;
  // Block cache size in bytes.
  uint64_t cache_bytes = 256ull << 20;
  // Install the CoP schema's unique constraints (DESIGN.md section 2) on create.
  bool cop_schema = true;
  // Open a store whose write-ahead log is damaged with valid commits after the
  // damage (refused with Corruption otherwise, see storage/wal_recovery.h),
  // keeping only the commits before it; the damaged log is then retired so
  // later opens succeed. `copmap check --accept-wal-loss` sets it.
  bool accept_wal_loss = false;
};

// One invariant violation found by Check().
struct Violation {
  std::string what;  // e.g. "outgoing adjacency of rel 12 has no incoming mirror"
};

struct StoreStats {
  std::vector<std::pair<std::string, uint64_t>> nodes_by_label;
  std::vector<std::pair<std::string, uint64_t>> rels_by_type;
  uint64_t node_count = 0;
  uint64_t rel_count = 0;
  uint64_t disk_bytes = 0;
};

// A bulk writer for imports: batches many writes; nothing is visible until
// Finish() succeeds, and a failure (or destruction without Finish) leaves the
// store exactly as it was. Uniqueness is checked against the store and the
// batch itself.
class BulkLoader {
 public:
  virtual ~BulkLoader() = default;
  virtual Result<LabelId> Label(std::string_view name) = 0;
  virtual Result<RelTypeId> RelType(std::string_view name) = 0;
  virtual Result<PropKeyId> PropKey(std::string_view name) = 0;
  virtual Result<NodeId> AddNode(std::vector<LabelId> labels, Properties properties) = 0;
  virtual Result<RelId> AddRel(RelTypeId type, NodeId start, NodeId end,
                               Properties properties) = 0;
  virtual Status Finish() = 0;
};

class GraphStore {
 public:
  // Opens (or with create_if_missing creates) the database in `dir`.
  // InvalidArgument when `dir` exists but is not a copmap database;
  // NotSupported when it was written by a newer format version.
  static Result<std::unique_ptr<GraphStore>> Open(const std::string& dir,
                                                  const StoreOptions& options = {});

  virtual ~GraphStore() = default;

  virtual std::unique_ptr<Transaction> Begin(const TransactionOptions& options = {}) = 0;
  virtual Result<std::unique_ptr<BulkLoader>> BeginBulkLoad() = 0;

  // Schema. Creating an index or constraint builds it from the existing data;
  // a unique constraint fails with ConstraintError when data already breaks it.
  virtual Status CreateIndex(std::string_view name, IndexKind kind, std::string_view label,
                             std::string_view property) = 0;
  virtual Status DropIndex(std::string_view name) = 0;

  // Every invariant: mirrored adjacency, degree and count keys, index
  // entries, constraint uniqueness, catalog references. Empty when clean.
  virtual Result<std::vector<Violation>> Check() = 0;
  virtual Result<StoreStats> Stats() = 0;

  // A consistent copy of the whole database in `dir` (must not exist).
  virtual Status Backup(const std::string& dir) = 0;
  // Flushes memtables so the on-disk files hold everything (end of bulk load).
  virtual Status Flush() = 0;

  virtual const std::string& path() const = 0;
};

// Replaces `target_dir` with the backup in `backup_dir` (target must not be open).
Status RestoreBackup(const std::string& backup_dir, const std::string& target_dir);

}  // namespace copmap::storage
