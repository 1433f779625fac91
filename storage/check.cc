// RocksStore::Check, fast passes: every column family scanned once in key
// order (see checker.h for the plan).
#include <algorithm>

#include "storage/checker.h"
#include "storage/keys.h"
#include "storage/rocks_status.h"

namespace copmap::storage {

namespace {
constexpr size_t kMaxViolations = 1000;
}  // namespace

void NodeIdSet::Reset(uint64_t max_id, uint64_t expected_count) {
  // A bitmap costs max_id / 8 bytes: fine while ids are dense.
  dense_ = max_id < 16 * expected_count + (uint64_t(1) << 24);
  bits_.assign(dense_ ? max_id / 64 + 1 : 0, 0);
  sorted_.clear();
}

void NodeIdSet::Add(uint64_t id) {
  if (dense_) {
    bits_[id / 64] |= uint64_t(1) << (id % 64);
  } else {
    sorted_.push_back(id);
  }
}

bool NodeIdSet::Contains(uint64_t id) const {
  if (dense_) return id / 64 < bits_.size() && (bits_[id / 64] >> (id % 64)) & 1;
  return std::binary_search(sorted_.begin(), sorted_.end(), id);
}

Checker::Checker(RocksStore* store) : store_(store), db_(store->db()) {
  snapshot_ = db_->GetSnapshot();
  ro_.snapshot = snapshot_;
  ro_.total_order_seek = true;
  schema_ = store->schema();
}

Checker::~Checker() { db_->ReleaseSnapshot(snapshot_); }

Result<std::vector<Violation>> Checker::Run() {
  COPMAP_RETURN_IF_ERROR(ScanNodes());
  COPMAP_RETURN_IF_ERROR(ScanRels());
  COPMAP_RETURN_IF_ERROR(ScanAdjacency());
  COPMAP_RETURN_IF_ERROR(ScanTagEntries(Cf::kLabels, "label scan", &stored_labels_));
  COPMAP_RETURN_IF_ERROR(ScanTagEntries(Cf::kRelTypes, "relationship type scan", &stored_types_));
  COPMAP_RETURN_IF_ERROR(ScanIndexEntries());
  COPMAP_RETURN_IF_ERROR(CheckCounts());
  if (implied_labels_ != stored_labels_) COPMAP_RETURN_IF_ERROR(ExplainLabelScan());
  if (implied_types_ != stored_types_) COPMAP_RETURN_IF_ERROR(ExplainTypeScan());
  if (implied_adj_ != stored_adj_) COPMAP_RETURN_IF_ERROR(ExplainAdjacency());
  if (implied_index_ != stored_index_) COPMAP_RETURN_IF_ERROR(ExplainIndex());
  return std::move(violations_);
}

void Checker::Report(std::string what) {
  if (violations_.size() < kMaxViolations) violations_.push_back(Violation{std::move(what)});
}

std::unique_ptr<rocksdb::Iterator> Checker::Iter(Cf cf) {
  return std::unique_ptr<rocksdb::Iterator>(db_->NewIterator(ro_, store_->cf(cf)));
}

bool Checker::Has(Cf cf, const std::string& key, std::string* value) {
  std::string v;
  return db_->Get(ro_, store_->cf(cf), key, value ? value : &v).ok();
}

std::string Checker::Label(LabelId id) { return store_->catalog().Name(NameSpace::kLabel, id); }
std::string Checker::Type(RelTypeId id) { return store_->catalog().Name(NameSpace::kRelType, id); }

int64_t Checker::Count(const std::string& key) {
  std::string v;
  return db_->Get(ro_, store_->cf(Cf::kCounts), key, &v).ok() ? keys::DecodeCount(v) : 0;
}

std::string Checker::DirName(Direction d) { return d == Direction::kOut ? "outgoing" : "incoming"; }

uint64_t Checker::AdjHash(NodeId node, Direction dir, RelTypeId type, NodeId neighbor, RelId rel) {
  return HashWords({node, uint64_t(dir), type, neighbor, rel});
}

uint64_t Checker::IndexHash(std::string_view key, std::string_view value) {
  return HashBytes(value, HashBytes(key));
}

bool Checker::WellFormedAdjKey(std::string_view key) {
  return key.size() == keys::kAdjKeySize && static_cast<uint8_t>(key[8]) <= 1;
}

const IndexDef* Checker::FindIndex(std::string_view key) const {
  if (key.size() < 4) return nullptr;
  uint32_t index_id = keys::GetBig32(key.data());
  for (const IndexDef& d : schema_->indexes) {
    if (d.id == index_id) return &d;
  }
  return nullptr;
}

void Checker::CheckPropertyKeys(const Properties& properties, const std::string& owner) {
  for (const auto& [key, value] : properties) {
    if (!store_->catalog().Known(NameSpace::kPropKey, key)) {
      Report(owner + " has a property with unknown key id " + std::to_string(key));
    }
  }
}

Status Checker::ScanNodes() {
  auto it = Iter(Cf::kNodes);
  it->SeekToLast();
  bool last_ok = it->Valid() && it->key().size() == 8;
  node_ids_.Reset(last_ok ? keys::GetBig64(it->key().data()) : ~uint64_t(0),
                  uint64_t(std::max<int64_t>(0, Count(keys::NodeCountKey()))));
  const Catalog& catalog = store_->catalog();
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    if (it->key().size() != 8) {
      Report("node key of " + std::to_string(it->key().size()) + " bytes (expected 8)");
      continue;
    }
    NodeId id = keys::GetBig64(it->key().data());
    ++nodes_;
    node_ids_.Add(id);
    auto node = codec::DecodeNodeRecord(id, it->value().ToStringView());
    if (!node.ok()) {
      Report("node " + std::to_string(id) + " cannot be decoded: " + node.status().message());
      continue;
    }
    if (!std::is_sorted(node->labels.begin(), node->labels.end()) ||
        std::adjacent_find(node->labels.begin(), node->labels.end()) != node->labels.end()) {
      Report("node " + std::to_string(id) + " has unsorted or repeated labels");
    }
    for (LabelId l : node->labels) {
      if (!catalog.Known(NameSpace::kLabel, l)) {
        Report("node " + std::to_string(id) + " has unknown label id " + std::to_string(l));
      }
      ++by_label_[l];
      implied_labels_.Add(HashWords({l, id}));
    }
    CheckPropertyKeys(node->properties, "node " + std::to_string(id));
    auto entries = NodeIndexEntries(*schema_, *node);
    if (!entries.ok()) {
      Report("node " + std::to_string(id) + ": " + entries.status().message());
      continue;
    }
    for (const IndexEntry& e : *entries) implied_index_.Add(IndexHash(e.key, e.value));
  }
  return FromRocks(it->status(), "checking nodes");
}

Status Checker::ScanRels() {
  auto it = Iter(Cf::kRels);
  const Catalog& catalog = store_->catalog();
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    if (it->key().size() != 8) {
      Report("relationship key of " + std::to_string(it->key().size()) + " bytes (expected 8)");
      continue;
    }
    RelId id = keys::GetBig64(it->key().data());
    ++rels_;
    auto rel = codec::DecodeRelRecord(id, it->value().ToStringView());
    std::string owner = "relationship " + std::to_string(id);
    if (!rel.ok()) {
      Report(owner + " cannot be decoded: " + rel.status().message());
      continue;
    }
    if (!catalog.Known(NameSpace::kRelType, rel->type)) {
      Report(owner + " has unknown type id " + std::to_string(rel->type));
    }
    ++by_type_[rel->type];
    CheckPropertyKeys(rel->properties, owner);
    for (auto [node, what] : {std::pair{rel->start, "start"}, std::pair{rel->end, "end"}}) {
      if (!node_ids_.Contains(node)) {
        Report(owner + " has a missing " + what + " node " + std::to_string(node));
      }
    }
    implied_adj_.Add(AdjHash(rel->start, Direction::kOut, rel->type, rel->end, id));
    implied_adj_.Add(AdjHash(rel->end, Direction::kIn, rel->type, rel->start, id));
    implied_types_.Add(HashWords({rel->type, id}));
  }
  return FromRocks(it->status(), "checking relationships");
}

// Adjacency runs come out in (node, direction, type) order, and each
// direction's total right after its last type: the order of the degree
// counter keys ('D' node dir type, kAllTypes = 0xFFFFFFFF last). So the
// counters are merge-joined with the runs, one iterator each.
Status Checker::ScanAdjacency() {
  auto counters = Iter(Cf::kCounts);
  counters->Seek(std::string(1, keys::kDegreeTag));
  auto it = Iter(Cf::kAdj);
  bool open = false;
  NodeId node = 0;
  Direction dir = Direction::kOut;
  RelTypeId type = 0;
  int64_t run = 0, dir_total = 0;
  auto close_dir = [&] {
    MatchDegree(counters.get(), node, dir, type, run);
    MatchDegree(counters.get(), node, dir, keys::kAllTypes, dir_total);
  };
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::string_view key = it->key().ToStringView();
    if (!WellFormedAdjKey(key)) {
      Report("malformed adjacency key of " + std::to_string(key.size()) + " bytes");
      continue;
    }
    auto p = keys::DecodeAdjKey(key);
    if (!open || p.node != node || p.entry.direction != dir) {
      if (open) close_dir();
      open = true;
      node = p.node, dir = p.entry.direction, type = p.entry.type;
      run = dir_total = 0;
    } else if (p.entry.type != type) {
      MatchDegree(counters.get(), node, dir, type, run);
      type = p.entry.type;
      run = 0;
    }
    ++run, ++dir_total;
    stored_adj_.Add(AdjHash(p.node, p.entry.direction, p.entry.type, p.entry.neighbor, p.entry.rel));
  }
  if (open) close_dir();
  for (; counters->Valid() && counters->key().starts_with(std::string_view("D", 1));
       counters->Next()) {
    ReportStaleDegree(counters.get());
  }
  COPMAP_RETURN_IF_ERROR(FromRocks(counters->status(), "checking degree counts"));
  return FromRocks(it->status(), "checking adjacency");
}

void Checker::MatchDegree(rocksdb::Iterator* counters, NodeId node, Direction dir,
                          RelTypeId type, int64_t entries) {
  std::string key = keys::DegreeKey(node, dir, type);
  for (; counters->Valid() && counters->key().starts_with(std::string_view("D", 1)) &&
         counters->key().compare(key) < 0;
       counters->Next()) {
    ReportStaleDegree(counters);
  }
  int64_t stored = 0;
  if (counters->Valid() && counters->key() == key) {
    stored = DegreeValue(counters);
    counters->Next();
  }
  if (stored == entries) return;
  if (type == keys::kAllTypes) {
    Report("total " + DirName(dir) + " degree of node " + std::to_string(node) + " is " +
           std::to_string(stored) + " but " + std::to_string(entries) +
           " adjacency entries exist");
  } else {
    Report("degree count of node " + std::to_string(node) + " " + DirName(dir) + " :" +
           Type(type) + " is " + std::to_string(stored) + " but " + std::to_string(entries) +
           " adjacency entries exist");
  }
}

int64_t Checker::DegreeValue(rocksdb::Iterator* counters) {
  if (counters->value().size() != 8) {
    Report("count value of " + std::to_string(counters->value().size()) + " bytes (expected 8)");
  }
  return keys::DecodeCount(counters->value().ToStringView());
}

// A counter the merge passed without a matching run: nonzero means counted
// relationships that do not exist.
void Checker::ReportStaleDegree(rocksdb::Iterator* counters) {
  int64_t v = DegreeValue(counters);
  if (counters->key().size() != 14 || v == 0) return;
  Report("node " + std::to_string(keys::GetBig64(counters->key().data() + 1)) +
         " has a degree count of " + std::to_string(v) + " but no such relationships");
}

Status Checker::ScanTagEntries(Cf cf, const std::string& what, Fingerprint* stored) {
  auto it = Iter(cf);
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    if (it->key().size() != 12) {
      Report("malformed " + what + " key of " + std::to_string(it->key().size()) + " bytes");
      continue;
    }
    stored->Add(HashWords({keys::GetBig32(it->key().data()), keys::GetBig64(it->key().data() + 4)}));
  }
  return FromRocks(it->status(), "checking the " + what);
}

Status Checker::ScanIndexEntries() {
  auto it = Iter(Cf::kIndex);
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::string_view key = it->key().ToStringView();
    const IndexDef* def = FindIndex(key);
    if (def == nullptr) {
      Report("index entry for an index that does not exist");
      continue;
    }
    bool unique = def->info.kind == IndexKind::kUnique;
    if ((unique && it->value().size() != 8) || (!unique && key.size() < 12)) {
      Report("malformed entry in index '" + def->info.name + "'");
      continue;
    }
    stored_index_.Add(IndexHash(key, it->value().ToStringView()));
  }
  return FromRocks(it->status(), "checking indexes");
}

Status Checker::CheckCounts() {
  auto compare = [&](const std::string& key, int64_t actual, const std::string& what) {
    int64_t stored = Count(key);
    if (stored != actual) {
      Report(what + " count is " + std::to_string(stored) + " but " + std::to_string(actual) +
             " exist");
    }
  };
  compare(keys::NodeCountKey(), nodes_, "node");
  compare(keys::RelCountKey(), rels_, "relationship");
  auto it = Iter(Cf::kCounts);
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::string key = it->key().ToString();
    if (key.empty()) continue;
    if (key[0] != keys::kDegreeTag && it->value().size() != 8) {
      Report("count value of " + std::to_string(it->value().size()) + " bytes (expected 8)");
      continue;
    }
    int64_t v = keys::DecodeCount(it->value().ToStringView());
    if (key[0] == keys::kLabelCountTag && key.size() == 5) {
      LabelId l = keys::GetBig32(key.data() + 1);
      if (v != by_label_[l]) compare(key, by_label_[l], "label :" + Label(l));
    } else if (key[0] == keys::kTypeCountTag && key.size() == 5) {
      RelTypeId t = keys::GetBig32(key.data() + 1);
      if (v != by_type_[t]) compare(key, by_type_[t], "relationship type :" + Type(t));
    } else if (key[0] == keys::kDegreeTag) {
      // Skip the (many) degree counters: ScanAdjacency merge-joined them.
      it->Seek(std::string(1, char(keys::kDegreeTag + 1)));
      if (!it->Valid()) break;
      it->Prev();
    } else if (key[0] == keys::kHighWaterTag && key.size() == 2) {
      high_water_[key[1]] = v;
    }
  }
  for (auto [l, n] : by_label_) {
    if (n > 0 && !Has(Cf::kCounts, keys::LabelCountKey(l))) {
      compare(keys::LabelCountKey(l), n, "label :" + Label(l));
    }
  }
  for (auto [t, n] : by_type_) {
    if (n > 0 && !Has(Cf::kCounts, keys::TypeCountKey(t))) {
      compare(keys::TypeCountKey(t), n, "relationship type :" + Type(t));
    }
  }
  for (auto [cf, tag, what] :
       {std::tuple{Cf::kNodes, 'N', "node"}, std::tuple{Cf::kRels, 'R', "relationship"}}) {
    auto last = Iter(cf);
    last->SeekToLast();
    if (last->Valid() && last->key().size() == 8 &&
        int64_t(keys::GetBig64(last->key().data())) >= high_water_[tag]) {
      Report(std::string(what) + " id " + std::to_string(keys::GetBig64(last->key().data())) +
             " is not below the persisted id high-water mark " + std::to_string(high_water_[tag]));
    }
  }
  return FromRocks(it->status(), "checking counts");
}

Result<std::vector<Violation>> RocksStore::Check() {
  Checker checker(this);
  return checker.Run();
}

}  // namespace copmap::storage
