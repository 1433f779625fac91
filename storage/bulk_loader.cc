#include "storage/bulk_loader.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>

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

Result<std::unique_ptr<BulkLoader>> RocksBulkLoader::Start(RocksStore* store,
                                                           const BulkLoadLimits& limits) {
  std::unique_lock lock(store->bulk_mutex(), std::try_to_lock);
  if (!lock.owns_lock()) {
    return Status::InvalidArgument("another bulk load into '" + store->path() + "' is running");
  }
  std::string dir = store->path() + "/" + std::string(kBulkDirPrefix) +
                    std::to_string(::getpid()) + "-" + std::to_string(g_loader_counter++);
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::create_directories(dir, ec);
  if (ec) return Status::IOError("creating bulk-load directory '" + dir + "': " + ec.message());
  return std::unique_ptr<BulkLoader>(
      new RocksBulkLoader(store, std::move(lock), std::move(dir), limits));
}

RocksBulkLoader::RocksBulkLoader(RocksStore* store, std::unique_lock<std::mutex> lock,
                                 std::string dir, const BulkLoadLimits& limits)
    : store_(store), lock_(std::move(lock)), dir_(std::move(dir)), limits_(limits),
      schema_(store->schema()),
      worker_(std::make_unique<BulkWorker>(limits.worker_bytes)),
      nodes_(std::make_unique<SstStream>(store, Cf::kNodes, dir_, "nodes", false,
                                         limits.sst_file_bytes)),
      rels_(std::make_unique<SstStream>(store, Cf::kRels, dir_, "rels", false,
                                        limits.sst_file_bytes)),
      adjacency_(worker_.get(), dir_, limits.adj_run_records) {
  // The sequence first: whatever is committed after it is re-checked at Finish().
  start_sequence_ = store->db()->GetLatestSequenceNumber();
  std::unique_ptr<rocksdb::Iterator> it(
      store->db()->NewIterator(rocksdb::ReadOptions(), store->cf(Cf::kIndex)));
  for (const IndexDef& def : schema_->indexes) {
    if (def.info.kind != IndexKind::kUnique) continue;
    std::string prefix = keys::Big32Key(def.id);
    it->Seek(prefix);
    // On an iterator error, assume entries: the point lookups stay on.
    if (!it->status().ok() || (it->Valid() && it->key().starts_with(prefix))) {
      stored_unique_indexes_.push_back(def.id);
    }
  }
  node_chunk_ = chunk_pool_.Take(limits_.chunk_bytes + 1024);
  rel_chunk_ = chunk_pool_.Take(limits_.chunk_bytes + 1024);
}

RocksBulkLoader::~RocksBulkLoader() {
  worker_.reset();  // its tasks use the streams and the directory
  if (!finished_) {
    for (auto [space, id] : reserved_) store_->catalog().Abandon(space, id);
  }
  nodes_.reset();
  rels_.reset();
  Cleanup();
}

void RocksBulkLoader::Cleanup() {
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

Status RocksBulkLoader::CheckUsable() const {
  if (finished_) return Status::InvalidArgument("the bulk load has already finished");
  if (failed_) {
    return Status::InvalidArgument("the bulk load failed at Finish(); start a new one");
  }
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

Status RocksBulkLoader::SubmitChunk(std::string* chunk, SstStream* stream) {
  if (chunk->empty()) return Status::OK();
  size_t bytes = chunk->size();
  Status s = worker_->Submit(
      [this, stream, data = std::move(*chunk)]() mutable {
        std::string_view in = data;
        while (!in.empty()) {
          rocksdb::Slice key(in.data(), 8);
          in.remove_prefix(8);
          uint64_t size = 0;
          if (!codec::GetVarint64(&in, &size) || size > in.size()) {
            return Status::Internal("bulk load: malformed record chunk");
          }
          COPMAP_RETURN_IF_ERROR(stream->Add(key, rocksdb::Slice(in.data(), size)));
          in.remove_prefix(size);
        }
        chunk_pool_.Put(std::move(data));
        return Status::OK();
      },
      bytes);
  *chunk = chunk_pool_.Take(limits_.chunk_bytes + 1024);
  return s;
}

Status RocksBulkLoader::AppendRecord(std::string* chunk, SstStream* stream, uint64_t id,
                                     const std::string& record) {
  keys::PutBig64(chunk, id);
  codec::PutVarint64(chunk, record.size());
  chunk->append(record);
  return chunk->size() >= limits_.chunk_bytes ? SubmitChunk(chunk, stream) : Status::OK();
}

bool RocksBulkLoader::MayBeStored(const IndexDef& index) const {
  return std::find(stored_unique_indexes_.begin(), stored_unique_indexes_.end(), index.id) !=
         stored_unique_indexes_.end();
}

Status RocksBulkLoader::CheckUnique(const std::vector<IndexEntry>& entries) {
  rocksdb::ReadOptions ro;
  for (const IndexEntry& e : entries) {
    if (e.index->info.kind != IndexKind::kUnique) continue;
    std::string holder;
    // An index that was empty when the load started needs no lookup here;
    // Finish() looks again if anything was committed meanwhile.
    bool in_store = MayBeStored(*e.index) &&
                    store_->db()->Get(ro, store_->cf(Cf::kIndex), e.key, &holder).ok();
    bool here = false;
    if (!in_store && unique_keys_.MaybeContains(FingerprintSet::Of(e.key))) {
      COPMAP_ASSIGN_OR_RETURN(here, AddedByThisLoad(e.key));
    }
    if (in_store || here) {
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
  return Status::OK();
}

bool RocksBulkLoader::Known(NameSpace space, uint32_t id) {
  std::vector<bool>& known = known_[int(space)];
  if (id < known.size() && known[id]) return true;
  if (!store_->catalog().Known(space, id)) return false;
  if (id >= known.size()) known.resize(size_t(id) + 1, false);
  known[id] = true;
  return true;
}

Status RocksBulkLoader::Normalize(Properties* props, std::string_view what) {
  bool normal = true;
  for (size_t i = 0; i < props->size() && normal; ++i) {
    const auto& [key, value] = (*props)[i];
    normal = (i == 0 || (*props)[i - 1].first < key) && Known(NameSpace::kPropKey, key) &&
             !value.is_null() && value.IsPropertyValue();
  }
  return normal ? Status::OK() : NormalizeProperties(store_->catalog(), props, what);
}

Result<NodeId> RocksBulkLoader::AddNode(std::vector<LabelId> labels, Properties properties) {
  COPMAP_RETURN_IF_ERROR(CheckUsable());
  COPMAP_RETURN_IF_ERROR(NormalizeLabels(store_->catalog(), &labels));
  COPMAP_RETURN_IF_ERROR(Normalize(&properties, "a new node"));
  if (next_node_ == node_block_end_) {
    next_node_ = store_->AllocateNodeIds(kIdBlock);
    node_block_end_ = next_node_ + kIdBlock;
    // Blocks are usually consecutive: one range keeps LoadedNode() a lookup in cache.
    if (node_blocks_.empty() || node_blocks_.back().second != next_node_) {
      node_blocks_.emplace_back(next_node_, next_node_);
    }
  }
  NodeRecord node{next_node_, std::move(labels), std::move(properties)};
  COPMAP_ASSIGN_OR_RETURN(std::vector<IndexEntry> entries, NodeIndexEntries(*schema_, node));
  // Every check before anything is buffered: a rejected node leaves no trace.
  COPMAP_RETURN_IF_ERROR(CheckUnique(entries));
  for (IndexEntry& e : entries) {
    if (e.index->info.kind == IndexKind::kUnique) unique_keys_.Insert(FingerprintSet::Of(e.key));
    index_bytes_ += e.key.size() + e.value.size() + 64;
    index_rows_.emplace_back(std::move(e.key), std::move(e.value));
  }
  for (LabelId l : node.labels) labels_.Add(l, node.id);
  scratch_.clear();
  codec::AppendNodeRecord(node, &scratch_);
  ++next_node_;
  ++nodes_added_;
  node_blocks_.back().second = next_node_;
  COPMAP_RETURN_IF_ERROR(AppendRecord(&node_chunk_, nodes_.get(), node.id, scratch_));
  if (index_bytes_ >= limits_.index_run_bytes) COPMAP_RETURN_IF_ERROR(SpillIndex());
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
  stored_ends_.insert(id);
  return true;
}

Result<RelId> RocksBulkLoader::AddRel(RelTypeId type, NodeId start, NodeId end,
                                      Properties properties) {
  COPMAP_RETURN_IF_ERROR(CheckUsable());
  auto& catalog = store_->catalog();
  if (!Known(NameSpace::kRelType, type)) {
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
  if (!properties.empty()) {
    COPMAP_RETURN_IF_ERROR(Normalize(&properties, "a new relationship"));
  }
  if (next_rel_ == rel_block_end_) {
    next_rel_ = store_->AllocateRelIds(kIdBlock);
    rel_block_end_ = next_rel_ + kIdBlock;
  }
  RelRecord rel{next_rel_++, type, start, end, std::move(properties)};
  ++rels_added_;
  scratch_.clear();
  codec::AppendRelRecord(rel, &scratch_);
  COPMAP_RETURN_IF_ERROR(AppendRecord(&rel_chunk_, rels_.get(), rel.id, scratch_));
  COPMAP_RETURN_IF_ERROR(adjacency_.Add({start << 1 | uint64_t(Direction::kOut), type, end, rel.id}));
  COPMAP_RETURN_IF_ERROR(adjacency_.Add({end << 1 | uint64_t(Direction::kIn), type, start, rel.id}));
  types_.Add(type, rel.id);
  return rel.id;
}

}  // namespace copmap::storage
