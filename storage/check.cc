// RocksStore::Check: verifies every invariant of the stored graph on one
// snapshot and reports each violation in words.
#include <map>
#include <set>

#include "storage/codec.h"
#include "storage/keys.h"
#include "storage/rocks_status.h"
#include "storage/rocks_store.h"

namespace copmap::storage {

namespace {

constexpr size_t kMaxViolations = 1000;

class Checker {
 public:
  explicit Checker(RocksStore* store) : store_(store), db_(store->db()) {
    snapshot_ = db_->GetSnapshot();
    ro_.snapshot = snapshot_;
    ro_.total_order_seek = true;
    schema_ = store->schema();
  }
  ~Checker() { db_->ReleaseSnapshot(snapshot_); }

  Result<std::vector<Violation>> Run() {
    COPMAP_RETURN_IF_ERROR(CheckNodes());
    COPMAP_RETURN_IF_ERROR(CheckRels());
    COPMAP_RETURN_IF_ERROR(CheckAdjacency());
    COPMAP_RETURN_IF_ERROR(CheckScanEntries(Cf::kLabels, "label scan"));
    COPMAP_RETURN_IF_ERROR(CheckScanEntries(Cf::kRelTypes, "relationship type scan"));
    COPMAP_RETURN_IF_ERROR(CheckIndexEntries());
    COPMAP_RETURN_IF_ERROR(CheckCounts());
    return std::move(violations_);
  }

 private:
  void Report(std::string what) {
    if (violations_.size() < kMaxViolations) violations_.push_back(Violation{std::move(what)});
  }
  std::unique_ptr<rocksdb::Iterator> Iter(Cf cf) {
    return std::unique_ptr<rocksdb::Iterator>(db_->NewIterator(ro_, store_->cf(cf)));
  }
  bool Has(Cf cf, const std::string& key, std::string* value = nullptr) {
    std::string v;
    return db_->Get(ro_, store_->cf(cf), key, value ? value : &v).ok();
  }
  std::string Label(LabelId id) { return store_->catalog().Name(NameSpace::kLabel, id); }
  std::string Type(RelTypeId id) { return store_->catalog().Name(NameSpace::kRelType, id); }
  int64_t Count(const std::string& key) {
    std::string v;
    return db_->Get(ro_, store_->cf(Cf::kCounts), key, &v).ok() ? keys::DecodeCount(v) : 0;
  }

  Result<std::optional<NodeRecord>> LoadNode(NodeId id) {
    std::string v;
    if (!Has(Cf::kNodes, keys::IdKey(id), &v)) return std::optional<NodeRecord>();
    auto node = codec::DecodeNodeRecord(id, v);
    if (!node.ok()) return std::optional<NodeRecord>();
    return std::optional<NodeRecord>(std::move(node).value());
  }

  void CheckProperties(const Properties& props, const std::string& owner) {
    for (const auto& [key, value] : props) {
      if (!store_->catalog().Known(NameSpace::kPropKey, key)) {
        Report(owner + " has a property with unknown key id " + std::to_string(key));
      }
    }
  }

  Status CheckNodes() {
    auto it = Iter(Cf::kNodes);
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      if (it->key().size() != 8) {
        Report("node key of " + std::to_string(it->key().size()) + " bytes (expected 8)");
        continue;
      }
      NodeId id = keys::GetBig64(it->key().data());
      ++nodes_;
      auto node = codec::DecodeNodeRecord(id, it->value().ToStringView());
      if (!node.ok()) {
        Report("node " + std::to_string(id) + " cannot be decoded: " + node.status().message());
        continue;
      }
      std::string owner = "node " + std::to_string(id);
      if (!std::is_sorted(node->labels.begin(), node->labels.end()) ||
          std::adjacent_find(node->labels.begin(), node->labels.end()) != node->labels.end()) {
        Report(owner + " has unsorted or repeated labels");
      }
      for (LabelId l : node->labels) {
        if (!store_->catalog().Known(NameSpace::kLabel, l)) {
          Report(owner + " has unknown label id " + std::to_string(l));
        }
        ++by_label_[l];
        if (!Has(Cf::kLabels, keys::ScanKey(l, id))) {
          Report(owner + " has label :" + Label(l) + " but no label scan entry");
        }
      }
      CheckProperties(node->properties, owner);
      auto entries = NodeIndexEntries(*schema_, *node);
      if (!entries.ok()) {
        Report(owner + ": " + entries.status().message());
        continue;
      }
      for (const IndexEntry& e : *entries) {
        std::string holder;
        if (!Has(Cf::kIndex, e.key, &holder)) {
          Report(owner + " has no entry in index '" + e.index->info.name + "' for value " +
                 e.property->ToString());
        } else if (e.index->info.kind == IndexKind::kUnique && holder != e.value) {
          Report("unique constraint '" + e.index->info.name + "' broken: " + owner +
                 " and node " +
                 std::to_string(holder.size() == 8 ? keys::GetBig64(holder.data()) : 0) +
                 " share the value " + e.property->ToString());
        }
      }
    }
    return FromRocks(it->status(), "checking nodes");
  }

  Status CheckRels() {
    auto it = Iter(Cf::kRels);
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
      if (!store_->catalog().Known(NameSpace::kRelType, rel->type)) {
        Report(owner + " has unknown type id " + std::to_string(rel->type));
      }
      ++by_type_[rel->type];
      CheckProperties(rel->properties, owner);
      for (auto [node, what] : {std::pair{rel->start, "start"}, std::pair{rel->end, "end"}}) {
        if (!Has(Cf::kNodes, keys::IdKey(node))) {
          Report(owner + " has a missing " + what + " node " + std::to_string(node));
        }
      }
      if (!Has(Cf::kAdj, keys::AdjKey(rel->start, Direction::kOut, rel->type, rel->end, id))) {
        Report(owner + " (:" + Type(rel->type) + ") has no outgoing adjacency entry at node " +
               std::to_string(rel->start));
      }
      if (!Has(Cf::kAdj, keys::AdjKey(rel->end, Direction::kIn, rel->type, rel->start, id))) {
        Report(owner + " (:" + Type(rel->type) + ") has no incoming adjacency entry at node " +
               std::to_string(rel->end));
      }
      if (!Has(Cf::kRelTypes, keys::ScanKey(rel->type, id))) {
        Report(owner + " has no relationship type scan entry");
      }
    }
    return FromRocks(it->status(), "checking relationships");
  }

  // Every adjacency entry is mirrored by its relationship, and the entries of
  // each (node, direction, type) run number exactly its degree count.
  Status CheckAdjacency() {
    auto it = Iter(Cf::kAdj);
    std::string run_prefix, dir_prefix;
    int64_t run = 0, dir_total = 0;
    auto close_run = [&] {
      if (run_prefix.empty()) return;
      auto p = keys::DecodeAdjKey(run_prefix + std::string(16, '\0'));
      int64_t stored = Count(keys::DegreeKey(p.node, p.entry.direction, p.entry.type));
      if (stored != run) {
        Report("degree count of node " + std::to_string(p.node) + " " + DirName(p.entry.direction) +
               " :" + Type(p.entry.type) + " is " + std::to_string(stored) + " but " +
               std::to_string(run) + " adjacency entries exist");
      }
    };
    auto close_dir = [&] {
      if (dir_prefix.empty()) return;
      NodeId node = keys::GetBig64(dir_prefix.data());
      auto dir = static_cast<Direction>(dir_prefix[8]);
      int64_t stored = Count(keys::DegreeKey(node, dir, keys::kAllTypes));
      if (stored != dir_total) {
        Report("total " + DirName(dir) + " degree of node " + std::to_string(node) + " is " +
               std::to_string(stored) + " but " + std::to_string(dir_total) +
               " adjacency entries exist");
      }
    };
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      std::string_view key = it->key().ToStringView();
      if (key.size() != keys::kAdjKeySize || static_cast<uint8_t>(key[8]) > 1) {
        Report("malformed adjacency key of " + std::to_string(key.size()) + " bytes");
        continue;
      }
      std::string prefix(key.substr(0, 13)), dprefix(key.substr(0, 9));
      if (prefix != run_prefix) {
        close_run();
        run_prefix = prefix;
        run = 0;
      }
      if (dprefix != dir_prefix) {
        close_dir();
        dir_prefix = dprefix;
        dir_total = 0;
      }
      ++run;
      ++dir_total;
      auto p = keys::DecodeAdjKey(key);
      std::string v;
      auto rel = Has(Cf::kRels, keys::IdKey(p.entry.rel), &v)
                     ? codec::DecodeRelRecord(p.entry.rel, v)
                     : Result<RelRecord>(Status::EntityNotFound(""));
      bool out = p.entry.direction == Direction::kOut;
      if (!rel.ok() || rel->type != p.entry.type || (out ? rel->start : rel->end) != p.node ||
          (out ? rel->end : rel->start) != p.entry.neighbor) {
        Report(DirName(p.entry.direction) + " adjacency entry of node " + std::to_string(p.node) +
               " for relationship " + std::to_string(p.entry.rel) +
               " has no matching relationship record");
      }
    }
    close_run();
    close_dir();
    return FromRocks(it->status(), "checking adjacency");
  }

  static std::string DirName(Direction d) { return d == Direction::kOut ? "outgoing" : "incoming"; }

  Status CheckScanEntries(Cf cf, const std::string& what) {
    auto it = Iter(cf);
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      if (it->key().size() != 12) {
        Report("malformed " + what + " key of " + std::to_string(it->key().size()) + " bytes");
        continue;
      }
      uint32_t tag = keys::GetBig32(it->key().data());
      uint64_t id = keys::GetBig64(it->key().data() + 4);
      if (cf == Cf::kLabels) {
        COPMAP_ASSIGN_OR_RETURN(auto node, LoadNode(id));
        if (!node || !std::binary_search(node->labels.begin(), node->labels.end(), tag)) {
          Report(what + " entry :" + Label(tag) + " for node " + std::to_string(id) +
                 " but the node does not have that label");
        }
      } else {
        std::string v;
        auto rel = Has(Cf::kRels, keys::IdKey(id), &v) ? codec::DecodeRelRecord(id, v)
                                                       : Result<RelRecord>(Status::EntityNotFound(""));
        if (!rel.ok() || rel->type != tag) {
          Report(what + " entry :" + Type(tag) + " for relationship " + std::to_string(id) +
                 " but no such relationship of that type exists");
        }
      }
    }
    return FromRocks(it->status(), "checking the " + what);
  }

  // Every index entry belongs to a defined index and is implied by its node.
  Status CheckIndexEntries() {
    auto it = Iter(Cf::kIndex);
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      std::string key = it->key().ToString();
      const IndexDef* def = nullptr;
      if (key.size() >= 4) {
        uint32_t index_id = keys::GetBig32(key.data());
        for (const IndexDef& d : schema_->indexes) def = d.id == index_id ? &d : def;
      }
      if (def == nullptr) {
        Report("index entry for an index that does not exist");
        continue;
      }
      bool unique = def->info.kind == IndexKind::kUnique;
      std::string_view id_bytes = unique ? it->value().ToStringView()
                                         : std::string_view(key).substr(key.size() - 8);
      if (id_bytes.size() != 8 || (!unique && key.size() < 12)) {
        Report("malformed entry in index '" + def->info.name + "'");
        continue;
      }
      NodeId id = keys::GetBig64(id_bytes.data());
      COPMAP_ASSIGN_OR_RETURN(auto node, LoadNode(id));
      bool implied = false;
      if (node) {
        auto entries = NodeIndexEntries(*schema_, *node);
        if (entries.ok()) {
          for (const IndexEntry& e : *entries) implied |= e.index == def && e.key == key;
        }
      }
      if (!implied) {
        Report("index '" + def->info.name + "' has an entry for node " + std::to_string(id) +
               " that does not match the node's label and property value");
      }
    }
    return FromRocks(it->status(), "checking indexes");
  }

  Status CheckCounts() {
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
      if (it->value().size() != 8) {
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
      } else if (key[0] == keys::kDegreeTag && key.size() == 14 && v != 0) {
        // Nonzero counters without entries (entries without counters were
        // found by CheckAdjacency).
        std::string prefix = key.substr(1, 13);
        if (keys::GetBig32(prefix.data() + 9) == keys::kAllTypes) prefix.resize(9);
        auto adj = Iter(Cf::kAdj);
        adj->Seek(prefix);
        if (!adj->Valid() || !adj->key().starts_with(prefix)) {
          Report("node " + std::to_string(keys::GetBig64(key.data() + 1)) +
                 " has a degree count of " + std::to_string(v) + " but no such relationships");
        }
      } else if (key[0] == keys::kHighWaterTag && key.size() == 2) {
        high_water_[key[1]] = v;
      }
    }
    for (auto [l, n] : by_label_) {
      if (n > 0 && !Has(Cf::kCounts, keys::LabelCountKey(l))) compare(keys::LabelCountKey(l), n, "label :" + Label(l));
    }
    for (auto [t, n] : by_type_) {
      if (n > 0 && !Has(Cf::kCounts, keys::TypeCountKey(t))) compare(keys::TypeCountKey(t), n, "relationship type :" + Type(t));
    }
    for (auto [cf, tag, what] : {std::tuple{Cf::kNodes, 'N', "node"}, std::tuple{Cf::kRels, 'R', "relationship"}}) {
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
};

}  // namespace

Result<std::vector<Violation>> RocksStore::Check() {
  Checker checker(this);
  return checker.Run();
}

}  // namespace copmap::storage
