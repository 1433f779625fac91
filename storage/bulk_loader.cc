#include "storage/bulk_loader.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <shared_mutex>

#include <rocksdb/sst_file_writer.h>

#include "storage/codec.h"
#include "storage/keys.h"
#include "storage/rocks_status.h"
#include "storage/validation.h"

namespace copmap::storage {

namespace fs = std::filesystem;

namespace {
constexpr uint64_t kIdBlock = 4096;
std::atomic<uint64_t> g_loader_counter{0};
}  // namespace

Result<std::unique_ptr<BulkLoader>> RocksStore::BeginBulkLoad() {
  return RocksBulkLoader::Start(this);
}

Result<std::unique_ptr<BulkLoader>> RocksBulkLoader::Start(RocksStore* store, size_t run_bytes) {
  std::unique_lock lock(store->bulk_mutex(), std::try_to_lock);
  if (!lock.owns_lock()) {
    return Status::InvalidArgument("another bulk load into '" + store->path() + "' is running");
  }
  std::string dir = store->path() + "/bulk-" + std::to_string(::getpid()) + "-" +
                    std::to_string(g_loader_counter++);
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::create_directories(dir, ec);
  if (ec) return Status::IOError("creating bulk-load directory '" + dir + "': " + ec.message());
  return std::unique_ptr<BulkLoader>(
      new RocksBulkLoader(store, std::move(lock), std::move(dir), run_bytes));
}

RocksBulkLoader::RocksBulkLoader(RocksStore* store, std::unique_lock<std::mutex> lock,
                                 std::string dir, size_t run_bytes)
    : store_(store), lock_(std::move(lock)), dir_(std::move(dir)), run_bytes_(run_bytes),
      schema_(store->schema()) {}

RocksBulkLoader::~RocksBulkLoader() {
  if (!finished_) {
    for (auto [space, id] : reserved_) store_->catalog().Abandon(space, id);
  }
  Cleanup();
}

void RocksBulkLoader::Cleanup() {
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

Status RocksBulkLoader::CheckUsable() const {
  if (finished_) return Status::InvalidArgument("the bulk load has already finished");
  return Status::OK();
}

Result<uint32_t> RocksBulkLoader::Reserve(NameSpace space, std::string_view name) {
  COPMAP_RETURN_IF_ERROR(CheckUsable());
  if (auto id = store_->catalog().Find(space, name)) return *id;
  size_t before = store_->catalog().IdLimit(space);
  COPMAP_ASSIGN_OR_RETURN(uint32_t id, store_->catalog().Reserve(space, name));
  if (id >= before) reserved_.emplace_back(space, id);
  return id;
}

Result<LabelId> RocksBulkLoader::Label(std::string_view name) {
  return Reserve(NameSpace::kLabel, name);
}
Result<RelTypeId> RocksBulkLoader::RelType(std::string_view name) {
  return Reserve(NameSpace::kRelType, name);
}
Result<PropKeyId> RocksBulkLoader::PropKey(std::string_view name) {
  return Reserve(NameSpace::kPropKey, name);
}

void RocksBulkLoader::Add(Cf cf, std::string key, std::string value) {
  buffered_bytes_ += key.size() + value.size() + 48;
  buffers_[int(cf)].rows.emplace_back(std::move(key), std::move(value));
}

Result<NodeId> RocksBulkLoader::AddNode(std::vector<LabelId> labels, Properties properties) {
  COPMAP_RETURN_IF_ERROR(CheckUsable());
  COPMAP_RETURN_IF_ERROR(NormalizeLabels(store_->catalog(), &labels));
  COPMAP_RETURN_IF_ERROR(NormalizeProperties(store_->catalog(), &properties, "a new node"));
  if (next_node_ == node_block_end_) {
    next_node_ = store_->AllocateNodeIds(kIdBlock);
    node_block_end_ = next_node_ + kIdBlock;
    node_blocks_.emplace_back(next_node_, next_node_);
  }
  NodeRecord node{next_node_, std::move(labels), std::move(properties)};
  COPMAP_ASSIGN_OR_RETURN(std::vector<IndexEntry> entries, NodeIndexEntries(*schema_, node));
  // Check every unique entry before buffering anything: a rejected node
  // leaves no trace.
  rocksdb::ReadOptions ro;
  for (const IndexEntry& e : entries) {
    if (e.index->info.kind != IndexKind::kUnique) continue;
    std::string holder;
    bool in_store = store_->db()->Get(ro, store_->cf(Cf::kIndex), e.key, &holder).ok();
    if (in_store || unique_keys_.count(e.key)) {
      std::string other = in_store && holder.size() == 8
                              ? "node " + std::to_string(keys::GetBig64(holder.data()))
                              : "another node of this import";
      auto& catalog = store_->catalog();
      return Status::ConstraintError(
          other + " already has label :" + catalog.Name(NameSpace::kLabel, e.index->info.label) +
          " and property " + catalog.Name(NameSpace::kPropKey, e.index->info.property) + " = " +
          e.property->ToString() + " (unique constraint '" + e.index->info.name + "')");
    }
  }
  for (const IndexEntry& e : entries) {
    if (e.index->info.kind == IndexKind::kUnique) unique_keys_.insert(e.key);
    Add(Cf::kIndex, e.key, e.value);
  }
  for (LabelId l : node.labels) {
    Add(Cf::kLabels, keys::ScanKey(l, node.id), "");
    ++counts_[keys::LabelCountKey(l)];
  }
  ++counts_[keys::NodeCountKey()];
  Add(Cf::kNodes, keys::IdKey(node.id), codec::EncodeNodeRecord(node));
  ++next_node_;
  node_blocks_.back().second = next_node_;
  COPMAP_RETURN_IF_ERROR(SpillIfFull());
  return node.id;
}

bool RocksBulkLoader::LoadedNode(NodeId id) const {
  auto it = std::upper_bound(node_blocks_.begin(), node_blocks_.end(), id,
                             [](NodeId v, const auto& block) { return v < block.first; });
  return it != node_blocks_.begin() && id < std::prev(it)->second;
}

Result<bool> RocksBulkLoader::NodeExists(NodeId id) {
  if (LoadedNode(id)) return true;
  std::string v;
  rocksdb::Status s = store_->db()->Get(rocksdb::ReadOptions(), store_->cf(Cf::kNodes),
                                        keys::IdKey(id), &v);
  if (s.IsNotFound()) return false;
  COPMAP_RETURN_IF_ERROR(FromRocks(s, "checking node " + std::to_string(id)));
  return true;
}

Result<RelId> RocksBulkLoader::AddRel(RelTypeId type, NodeId start, NodeId end,
                                      Properties properties) {
  COPMAP_RETURN_IF_ERROR(CheckUsable());
  auto& catalog = store_->catalog();
  if (!catalog.Known(NameSpace::kRelType, type)) {
    return Status::InvalidArgument("unknown relationship type id " + std::to_string(type));
  }
  for (NodeId n : {start, end}) {
    COPMAP_ASSIGN_OR_RETURN(bool exists, NodeExists(n));
    if (!exists) {
      return Status::EntityNotFound("cannot create a :" + catalog.Name(NameSpace::kRelType, type) +
                                    " relationship: node " + std::to_string(n) +
                                    " does not exist");
    }
  }
  COPMAP_RETURN_IF_ERROR(NormalizeProperties(store_->catalog(), &properties, "a new relationship"));
  if (next_rel_ == rel_block_end_) {
    next_rel_ = store_->AllocateRelIds(kIdBlock);
    rel_block_end_ = next_rel_ + kIdBlock;
  }
  RelRecord rel{next_rel_++, type, start, end, std::move(properties)};
  Add(Cf::kRels, keys::IdKey(rel.id), codec::EncodeRelRecord(rel));
  Add(Cf::kAdj, keys::AdjKey(start, Direction::kOut, type, end, rel.id), "");
  Add(Cf::kAdj, keys::AdjKey(end, Direction::kIn, type, start, rel.id), "");
  Add(Cf::kRelTypes, keys::ScanKey(type, rel.id), "");
  degrees_[start << 1 | uint64_t(Direction::kOut)].Add(type);
  degrees_[end << 1 | uint64_t(Direction::kIn)].Add(type);
  ++counts_[keys::TypeCountKey(type)];
  ++counts_[keys::RelCountKey()];
  COPMAP_RETURN_IF_ERROR(SpillIfFull());
  return rel.id;
}

void RocksBulkLoader::DegreeTally::Add(RelTypeId type) {
  ++all;
  for (auto& [t, n] : by_type) {
    if (t == type) {
      ++n;
      return;
    }
  }
  by_type.emplace_back(type, 1);
}

Status RocksBulkLoader::SpillIfFull() {
  return buffered_bytes_ >= run_bytes_ ? Spill() : Status::OK();
}

Status RocksBulkLoader::WriteSst(Cf cf, const std::vector<std::pair<std::string, std::string>>& rows,
                                 bool as_merge) {
  if (rows.empty()) return Status::OK();
  rocksdb::Options options(store_->db()->GetDBOptions(), store_->db()->GetOptions(store_->cf(cf)));
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), options, store_->cf(cf));
  std::string file = dir_ + "/" + CfName(cf) + "-" + std::to_string(file_counter_++) + ".sst";
  COPMAP_RETURN_IF_ERROR(FromRocks(writer.Open(file), "bulk load: creating " + file));
  for (const auto& [key, value] : rows) {
    rocksdb::Status s = as_merge ? writer.Merge(key, value) : writer.Put(key, value);
    COPMAP_RETURN_IF_ERROR(FromRocks(s, "bulk load: writing " + file));
  }
  COPMAP_RETURN_IF_ERROR(FromRocks(writer.Finish(), "bulk load: finishing " + file));
  buffers_[int(cf)].files.push_back(std::move(file));
  return Status::OK();
}

Status RocksBulkLoader::Spill() {
  for (int i = 0; i < int(Cf::kCount); ++i) {
    auto& rows = buffers_[i].rows;
    if (rows.empty()) continue;
    if (!std::is_sorted(rows.begin(), rows.end())) std::sort(rows.begin(), rows.end());
    COPMAP_RETURN_IF_ERROR(WriteSst(Cf(i), rows, false));
    rows.clear();
    rows.shrink_to_fit();
  }
  buffered_bytes_ = 0;
  return Status::OK();
}

Status RocksBulkLoader::Finish() {
  COPMAP_RETURN_IF_ERROR(CheckUsable());
  Status s = Spill();
  if (s.ok()) {
    std::vector<std::pair<std::string, std::string>> counts;
    counts.reserve(counts_.size() + 2);
    for (const auto& [key, delta] : counts_) counts.emplace_back(key, keys::EncodeCount(delta));
    for (const auto& [node_dir, tally] : degrees_) {
      NodeId node = node_dir >> 1;
      auto dir = static_cast<Direction>(node_dir & 1);
      counts.emplace_back(keys::DegreeKey(node, dir, keys::kAllTypes), keys::EncodeCount(tally.all));
      for (auto [type, n] : tally.by_type) {
        counts.emplace_back(keys::DegreeKey(node, dir, type), keys::EncodeCount(n));
      }
    }
    if (next_node_ > 0) {
      counts.emplace_back(keys::NodeHighWaterKey(), keys::EncodeCount(int64_t(next_node_)));
    }
    if (next_rel_ > 0) {
      counts.emplace_back(keys::RelHighWaterKey(), keys::EncodeCount(int64_t(next_rel_)));
    }
    std::sort(counts.begin(), counts.end());
    s = WriteSst(Cf::kCounts, counts, /*as_merge=*/true);
  }
  if (s.ok()) {
    std::vector<std::pair<std::string, std::string>> names;
    for (auto [space, id] : reserved_) {
      names.emplace_back(keys::CatalogKey(Catalog::Tag(space), store_->catalog().Name(space, id)),
                         keys::Big32Key(id));
    }
    std::sort(names.begin(), names.end());
    s = WriteSst(Cf::kMeta, names, false);
  }
  if (s.ok()) s = Ingest();
  if (!s.ok()) return s.WithContext("bulk load failed; the database is unchanged");
  finished_ = true;
  for (auto [space, id] : reserved_) store_->catalog().Publish(space, id);
  Cleanup();
  return Status::OK();
}

Status RocksBulkLoader::Ingest() {
  std::vector<rocksdb::IngestExternalFileArg> args;
  for (int i = 0; i < int(Cf::kCount); ++i) {
    if (buffers_[i].files.empty()) continue;
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = store_->cf(Cf(i));
    arg.external_files = buffers_[i].files;
    arg.options.move_files = true;
    arg.options.snapshot_consistency = true;
    arg.options.allow_global_seqno = true;
    arg.options.allow_blocking_flush = true;
    args.push_back(std::move(arg));
  }
  if (args.empty()) return Status::OK();
  // Under the commit lock, so the schema the loader computed index entries
  // with is still the current one.
  std::shared_lock lock(store_->commit_mutex());
  if (store_->schema()->version != schema_->version) {
    return Status::Conflict("the schema (indexes or constraints) changed during the bulk load");
  }
  return FromRocks(store_->db()->GetBaseDB()->IngestExternalFiles(args), "bulk load: ingesting");
}

}  // namespace copmap::storage
