#include "storage/schema.h"

#include <algorithm>

#include "storage/codec.h"
#include "storage/keys.h"

namespace copmap::storage {

const IndexDef* Schema::Find(LabelId label, PropKeyId property) const {
  for (const IndexDef& d : indexes) {
    if (d.info.label == label && d.info.property == property) return &d;
  }
  return nullptr;
}

const IndexDef* Schema::FindByName(std::string_view name) const {
  for (const IndexDef& d : indexes) {
    if (d.info.name == name) return &d;
  }
  return nullptr;
}

uint32_t Schema::NextIndexId() const {
  uint32_t next = 0;
  for (const IndexDef& d : indexes) next = std::max(next, d.id + 1);
  return next;
}

std::string EncodeIndexDef(const IndexDef& def) {
  std::string out;
  keys::PutBig32(&out, def.id);
  out.push_back(char(def.info.kind));
  keys::PutBig32(&out, def.info.label);
  keys::PutBig32(&out, def.info.property);
  return out;
}

Result<IndexDef> DecodeIndexDef(std::string_view name, std::string_view bytes) {
  if (bytes.size() != 13 || static_cast<uint8_t>(bytes[4]) > uint8_t(IndexKind::kRange)) {
    return Status::Corruption("malformed definition of index '" + std::string(name) + "'");
  }
  IndexDef def;
  def.id = keys::GetBig32(bytes.data());
  def.info.name = std::string(name);
  def.info.kind = static_cast<IndexKind>(bytes[4]);
  def.info.label = keys::GetBig32(bytes.data() + 5);
  def.info.property = keys::GetBig32(bytes.data() + 9);
  return def;
}

Result<std::string> IndexValuePrefix(uint32_t index_id, const Value& v) {
  std::string key;
  keys::PutBig32(&key, index_id);
  COPMAP_RETURN_IF_ERROR(codec::EncodeIndexValue(v, &key));
  return key;
}

Result<std::vector<IndexEntry>> NodeIndexEntries(const Schema& schema, const NodeRecord& node) {
  std::vector<IndexEntry> out;
  for (const IndexDef& d : schema.indexes) {
    if (!std::binary_search(node.labels.begin(), node.labels.end(), d.info.label)) continue;
    auto prop = std::lower_bound(node.properties.begin(), node.properties.end(), d.info.property,
                                 [](const auto& p, PropKeyId k) { return p.first < k; });
    if (prop == node.properties.end() || prop->first != d.info.property) continue;
    COPMAP_ASSIGN_OR_RETURN(std::string key, IndexValuePrefix(d.id, prop->second));
    IndexEntry e{&d, std::move(key), {}, &prop->second};
    if (d.info.kind == IndexKind::kUnique) {
      e.value = keys::IdKey(node.id);
    } else {
      keys::PutBig64(&e.key, node.id);
    }
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace copmap::storage
