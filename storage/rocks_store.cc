#include "storage/rocks_store.h"

#include <filesystem>
#include <system_error>

#include <rocksdb/filter_policy.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>

#include "storage/counts_merge.h"
#include "storage/deferred_sync_fs.h"
#include "storage/info_log.h"
#include "storage/keys.h"
#include "storage/rocks_status.h"
#include "storage/transaction_impl.h"
#include "storage/wal_recovery.h"

namespace copmap::storage {

namespace fs = std::filesystem;

namespace {

constexpr const char* kCfNames[] = {keys::kMetaCf,   keys::kNodesCf,    keys::kRelsCf,
                                    keys::kAdjCf,    keys::kLabelsCf,   keys::kRelTypesCf,
                                    keys::kIndexCf,  keys::kCountsCf};
static_assert(sizeof(kCfNames) / sizeof(kCfNames[0]) == int(Cf::kCount));

rocksdb::ColumnFamilyOptions CfOptions(Cf cf, const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions o;
  o.compression = rocksdb::kLZ4Compression;
  // The bottom level holds nearly all the data (a bulk load writes there
  // directly): zstd at level 1 costs about what LZ4 does to write (measured
  // on a 100k store: 2.9 s vs 2.8 s) and stores 40 % less.
  o.bottommost_compression = rocksdb::kZSTD;
  o.bottommost_compression_opts.level = 1;
  o.bottommost_compression_opts.enabled = true;
  rocksdb::BlockBasedTableOptions t;
  t.block_cache = cache;
  t.format_version = 5;
  t.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  t.optimize_filters_for_memory = true;
  switch (cf) {
    case Cf::kAdj:
      // Expand() seeks (node, dir); a prefix bloom answers "no edges" without I/O.
      o.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(keys::kAdjPrefixSize));
      o.memtable_prefix_bloom_size_ratio = 0.05;
      t.whole_key_filtering = false;
      // An expansion reads a run of neighbouring keys; 16 KiB blocks
      // compress the near-identical keys far better than 4 KiB ones.
      t.block_size = 16 << 10;
      break;
    case Cf::kCounts:
      o.merge_operator = NewCountsMergeOperator();
      // Every created node adds a delta to the same global count keys; without
      // a bound, each read of a hot counter folds thousands of memtable deltas.
      o.max_successive_merges = 64;
      break;
    case Cf::kLabels:
    case Cf::kRelTypes:
      t.filter_policy.reset();  // only scanned, never point-read
      t.block_size = 64 << 10;
      break;
    default:
      break;
  }
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(t));
  return o;
}

bool DirIsEmpty(const std::string& dir) {
  std::error_code ec;
  return fs::is_empty(dir, ec) && !ec;
}

// Only called with the database open, i.e. holding RocksDB's LOCK file.
void RemoveStaleBulkDirs(const std::string& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_directory(ec) && entry.path().filename().string().starts_with(kBulkDirPrefix)) {
      fs::remove_all(entry.path(), ec);
    }
  }
}

}  // namespace

const char* CfName(Cf cf) { return kCfNames[int(cf)]; }

uint64_t RocksStore::NextInstanceId() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1);
}

Result<std::unique_ptr<GraphStore>> GraphStore::Open(const std::string& dir,
                                                     const StoreOptions& options) {
  return RocksStore::OpenStore(dir, options);
}

Result<std::unique_ptr<GraphStore>> RocksStore::OpenStore(const std::string& dir,
                                                          const StoreOptions& options) {
  std::unique_ptr<RocksStore> store(new RocksStore());
  COPMAP_RETURN_IF_ERROR(store->OpenDb(dir, options));
  return std::unique_ptr<GraphStore>(std::move(store));
}

Status RocksStore::OpenDb(const std::string& dir, const StoreOptions& options) {
  path_ = dir;
  std::error_code ec;
  bool exists = fs::exists(dir, ec);
  if (exists && !fs::is_directory(dir, ec)) {
    return Status::InvalidArgument("'" + dir + "' is not a copmap database: it is not a directory");
  }
  bool fresh = !exists || DirIsEmpty(dir);
  if (!exists && !options.create_if_missing) {
    return Status::NotFound("no copmap database at '" + dir + "'");
  }

  rocksdb::DBOptions dbo;
  dbo.create_if_missing = fresh;
  dbo.create_missing_column_families = fresh;
  dbo.IncreaseParallelism(2);
  dbo.max_background_jobs = 2;
  dbo.bytes_per_sync = 1 << 20;
  dbo.keep_log_file_num = 4;
  // Recovered WAL data stays in memtables (the WAL is kept until flushed)
  // instead of being flushed, file by file with syncs, inside Open().
  dbo.avoid_flush_during_recovery = true;
  fs_ = std::make_shared<DeferredSyncFileSystem>(rocksdb::FileSystem::Default());
  env_ = rocksdb::NewCompositeEnv(fs_);
  dbo.env = env_.get();
  // A new store is created with syncs held back, then synced file by file
  // once, below (see deferred_sync_fs.h).
  fs_->set_deferring(fresh);
  fs_->set_prezero_wal(options.sync_commits);

  std::vector<std::string> existing;
  if (!fresh) {
    rocksdb::Status s = rocksdb::DB::ListColumnFamilies(dbo, dir, &existing);
    // A directory with RocksDB's IDENTITY file was a database: failing to list
    // it means a damaged CURRENT or MANIFEST, not someone else's directory.
    if (!s.ok() && fs::exists(dir + "/IDENTITY", ec)) {
      return Status::Corruption("'" + dir + "' is a damaged database: " + s.ToString());
    }
    if (!s.ok()) {
      return Status::InvalidArgument("'" + dir +
                                     "' is not a copmap database: the directory is not empty and "
                                     "holds no database (" + s.ToString() + ")");
    }
    bool has_meta = false;
    for (const auto& n : existing) has_meta |= n == keys::kMetaCf;
    if (!has_meta) {
      return Status::InvalidArgument("'" + dir +
                                     "' is not a copmap database: it is a RocksDB database "
                                     "without copmap's column families");
    }
  }

  auto cache = rocksdb::NewLRUCache(options.cache_bytes);
  std::vector<rocksdb::ColumnFamilyDescriptor> descs;
  descs.emplace_back(rocksdb::kDefaultColumnFamilyName, rocksdb::ColumnFamilyOptions());
  for (int i = 0; i < int(Cf::kCount); ++i) {
    descs.emplace_back(kCfNames[i], CfOptions(Cf(i), cache));
  }
  // Column families a newer format may have added: opened with defaults so
  // that the version check below can give the right error.
  for (const auto& n : existing) {
    bool known = n == rocksdb::kDefaultColumnFamilyName;
    for (const char* k : kCfNames) known |= n == k;
    if (!known) descs.emplace_back(n, rocksdb::ColumnFamilyOptions());
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  dbo.info_log = NewInfoLog(dir);  // survives a full disk (see info_log.h)
  // Commit validation locks one bucket per written key; the default of 2^20
  // buckets costs 64 MB and most of a second at open.
  rocksdb::OptimisticTransactionDBOptions occ;
  occ.occ_lock_buckets = 1 << 14;
  // A new database is opened with the default family only and gets ours in
  // one CreateColumnFamilies call: RocksDB then writes its OPTIONS file once
  // instead of once per family (each write is serialized, re-read and
  // verified: most of the time it took to create a store).
  std::vector<rocksdb::ColumnFamilyDescriptor> ours;
  if (fresh) ours.assign(descs.begin() + 1, descs.end()), descs.resize(1);
  const bool accept_wal_loss = options.accept_wal_loss && !fresh;
  SetStrictWalRecovery(&dbo, accept_wal_loss);
  rocksdb::Status s = rocksdb::OptimisticTransactionDB::Open(dbo, occ, dir, descs, &handles, &db_);
  const bool strict_failed = !s.ok() && !fresh;
  if (strict_failed) {
    COPMAP_RETURN_IF_ERROR(JudgeWalDamage(s, dir, descs, &dbo));
    handles.clear();
    s = rocksdb::OptimisticTransactionDB::Open(dbo, occ, dir, descs, &handles, &db_);
  }
  if (!s.ok()) return FromRocks(s, "opening the database at '" + dir + "'");
  if (fresh) {
    std::vector<rocksdb::ColumnFamilyHandle*> created;
    s = db_->CreateColumnFamilies(ours, &created);
    handles.insert(handles.end(), created.begin(), created.end());
    if (!s.ok() || created.size() != ours.size()) {
      for (auto* h : handles) db_->DestroyColumnFamilyHandle(h);
      delete db_;
      db_ = nullptr;
      return FromRocks(s, "creating the column families of '" + dir + "'");
    }
  }
  RemoveStaleBulkDirs(dir);
  cfs_.assign(handles.begin() + 1, handles.begin() + 1 + int(Cf::kCount));
  other_cfs_.push_back(handles[0]);
  other_cfs_.insert(other_cfs_.end(), handles.begin() + 1 + int(Cf::kCount), handles.end());
  // The commits before a torn or accepted-as-lost log tail go to SST files,
  // so the damaged log is retired and the next open replays cleanly.
  if (strict_failed || accept_wal_loss) {
    s = db_->Flush(rocksdb::FlushOptions(), handles);
    if (!s.ok()) return FromRocks(s, "retiring the damaged write-ahead log of '" + dir + "'");
  }

  write_options_.sync = options.sync_commits;
  catalog_ = std::make_unique<Catalog>(db_, cf(Cf::kMeta));
  COPMAP_RETURN_IF_ERROR(InitOrVerifyFormat(fresh, options));
  COPMAP_RETURN_IF_ERROR(catalog_->Load());
  COPMAP_RETURN_IF_ERROR(LoadSchema());
  COPMAP_RETURN_IF_ERROR(LoadIdCounters());
  if (fresh && options.cop_schema) COPMAP_RETURN_IF_ERROR(InstallCopSchema());
  if (fresh) {
    fs_->set_deferring(false);
    // Without synced commits nothing is promised to survive a crash, the
    // store's creation included (tests, the TCK: one fresh store each).
    if (options.sync_commits) COPMAP_RETURN_IF_ERROR(SyncDirectoryTree(dir));
  }
  return Status::OK();
}

Status RocksStore::InitOrVerifyFormat(bool fresh, const StoreOptions&) {
  auto* meta = cf(Cf::kMeta);
  if (fresh) {
    rocksdb::WriteBatch batch;
    batch.Put(meta, std::string(keys::kFormatKey), keys::kFormatMarker);
    batch.Put(meta, std::string(keys::kVersionKey), keys::Big32Key(keys::kFormatVersion));
    rocksdb::WriteOptions wo;
    wo.sync = true;
    return FromRocks(db_->Write(wo, &batch), "initializing the database at '" + path_ + "'");
  }
  std::string marker, version;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), meta, std::string(keys::kFormatKey), &marker);
  if (s.IsNotFound() || (s.ok() && marker != keys::kFormatMarker)) {
    return Status::InvalidArgument("'" + path_ +
                                   "' is not a copmap database: its format marker is missing");
  }
  COPMAP_RETURN_IF_ERROR(FromRocks(s, "reading the format marker of '" + path_ + "'"));
  s = db_->Get(rocksdb::ReadOptions(), meta, std::string(keys::kVersionKey), &version);
  if (!s.ok() || version.size() != 4) {
    return Status::Corruption("'" + path_ + "' has a missing or malformed format version");
  }
  uint32_t v = keys::GetBig32(version.data());
  if (v > keys::kFormatVersion) {
    return Status::NotSupported("'" + path_ + "' was written by copmap format version " +
                                std::to_string(v) + "; this copmap reads versions up to " +
                                std::to_string(keys::kFormatVersion) + " (upgrade copmap)");
  }
  return Status::OK();
}

Status RocksStore::LoadSchema() {
  auto schema = std::make_shared<Schema>();
  std::string prefix(1, keys::kIndexTag);
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf(Cf::kMeta)));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    std::string name = it->key().ToString().substr(1);
    COPMAP_ASSIGN_OR_RETURN(IndexDef def, DecodeIndexDef(name, it->value().ToStringView()));
    schema->indexes.push_back(std::move(def));
  }
  COPMAP_RETURN_IF_ERROR(FromRocks(it->status(), "reading index definitions"));
  schema->version = 1;
  PublishSchema(std::move(schema));
  return Status::OK();
}

Result<int64_t> ReadCount(rocksdb::DB* db, const rocksdb::ReadOptions& ro,
                          rocksdb::ColumnFamilyHandle* counts, const std::string& key) {
  std::string v;
  rocksdb::Status s = db->Get(ro, counts, key, &v);
  if (s.IsNotFound()) return int64_t{0};
  COPMAP_RETURN_IF_ERROR(FromRocks(s, "reading a count"));
  return keys::DecodeCount(v);
}

Status RocksStore::LoadIdCounters() {
  rocksdb::ReadOptions ro;
  COPMAP_ASSIGN_OR_RETURN(int64_t next_node,
                          ReadCount(db_, ro, cf(Cf::kCounts), keys::NodeHighWaterKey()));
  COPMAP_ASSIGN_OR_RETURN(int64_t next_rel,
                          ReadCount(db_, ro, cf(Cf::kCounts), keys::RelHighWaterKey()));
  // Belt and braces: never below the largest stored id + 1.
  for (auto [which, next] : {std::pair{Cf::kNodes, &next_node}, std::pair{Cf::kRels, &next_rel}}) {
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(which)));
    it->SeekToLast();
    if (it->Valid() && it->key().size() == 8) {
      *next = std::max<int64_t>(*next, int64_t(keys::GetBig64(it->key().data())) + 1);
    }
  }
  next_node_id_ = std::max<int64_t>(next_node, 1);
  next_rel_id_ = std::max<int64_t>(next_rel, 1);
  return Status::OK();
}

Status RocksStore::InstallCopSchema() {
  static constexpr std::pair<const char*, const char*> kKeys[] = {
      {"Person", "email"}, {"Organization", "name"}, {"Community", "name"},
      {"Domain", "name"},  {"Practice", "title"},    {"Event", "name"}};
  for (auto [label, prop] : kKeys) {
    COPMAP_RETURN_IF_ERROR(
        CreateIndex(std::string(label) + "." + prop, IndexKind::kUnique, label, prop));
  }
  return Status::OK();
}

std::shared_ptr<const Schema> RocksStore::schema() const {
  std::lock_guard lock(schema_mu_);
  return schema_;
}

void RocksStore::PublishSchema(std::shared_ptr<const Schema> schema) {
  std::lock_guard lock(schema_mu_);
  schema_ = std::move(schema);
}

RocksStore::~RocksStore() {
  if (db_ == nullptr) return;
  for (auto* h : cfs_) db_->DestroyColumnFamilyHandle(h);
  for (auto* h : other_cfs_) db_->DestroyColumnFamilyHandle(h);
  delete db_;
}

std::unique_ptr<Transaction> RocksStore::Begin(const TransactionOptions& options) {
  return std::make_unique<RocksTransaction>(this, options.read_only);
}

Status RocksStore::Flush() {
  rocksdb::FlushOptions fo;
  fo.wait = true;
  return FromRocks(db_->Flush(fo, cfs_), "flushing '" + path_ + "'");
}

}  // namespace copmap::storage
