#include "storage/catalog.h"

#include <memory>
#include <mutex>

#include "storage/keys.h"
#include "storage/rocks_status.h"

namespace copmap::storage {

char Catalog::Tag(NameSpace space) {
  switch (space) {
    case NameSpace::kLabel: return keys::kLabelTag;
    case NameSpace::kRelType: return keys::kRelTypeTag;
    case NameSpace::kPropKey: return keys::kPropKeyTag;
  }
  return '?';
}

std::string_view Catalog::SpaceName(NameSpace space) {
  switch (space) {
    case NameSpace::kLabel: return "label";
    case NameSpace::kRelType: return "relationship type";
    case NameSpace::kPropKey: return "property key";
  }
  return "name";
}

Status Catalog::Load() {
  std::unique_lock lock(mu_);
  for (NameSpace space : {NameSpace::kLabel, NameSpace::kRelType, NameSpace::kPropKey}) {
    Space& s = spaces_[int(space)];
    std::string prefix(1, Tag(space));
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), meta_));
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
      std::string name = it->key().ToString().substr(1);
      if (it->value().size() != 4) {
        return Status::Corruption("catalog entry for " + std::string(SpaceName(space)) + " '" +
                                  name + "' has a malformed id");
      }
      uint32_t id = keys::GetBig32(it->value().data());
      if (id >= (1u << 24)) {
        return Status::Corruption("catalog id " + std::to_string(id) + " of '" + name +
                                  "' is implausibly large");
      }
      if (s.names.size() <= id) s.names.resize(id + 1, Entry{"", false, true});
      s.names[id] = Entry{name, true, false};
      s.ids[name] = id;
    }
    COPMAP_RETURN_IF_ERROR(FromRocks(it->status(), "reading the catalog"));
  }
  return Status::OK();
}

std::optional<uint32_t> Catalog::Find(NameSpace space, std::string_view name) const {
  std::shared_lock lock(mu_);
  const Space& s = spaces_[int(space)];
  auto it = s.ids.find(std::string(name));
  if (it == s.ids.end() || !s.names[it->second].published) return std::nullopt;
  return it->second;
}

Status Catalog::ValidateName(NameSpace space, std::string_view name) {
  if (name.empty()) {
    return Status::InvalidArgument("a " + std::string(SpaceName(space)) + " name cannot be empty");
  }
  if (name.size() > 65535) {
    return Status::InvalidArgument("a " + std::string(SpaceName(space)) +
                                   " name is longer than 65535 bytes");
  }
  return Status::OK();
}

Status Catalog::Persist(NameSpace space, std::string_view name, uint32_t id) {
  rocksdb::WriteOptions wo;
  wo.sync = true;
  return FromRocks(db_->Put(wo, meta_, keys::CatalogKey(Tag(space), name), keys::Big32Key(id)),
                   "writing the catalog");
}

Result<uint32_t> Catalog::GetOrCreate(NameSpace space, std::string_view name) {
  if (auto id = Find(space, name)) return *id;
  COPMAP_RETURN_IF_ERROR(ValidateName(space, name));
  std::unique_lock lock(mu_);
  Space& s = spaces_[int(space)];
  auto it = s.ids.find(std::string(name));
  uint32_t id;
  if (it != s.ids.end()) {
    id = it->second;
    if (s.names[id].published) return id;
  } else {
    id = uint32_t(s.names.size());
  }
  // Persist before publishing so that no committed record can name an id
  // the catalog does not hold. Holding the lock keeps ids dense.
  COPMAP_RETURN_IF_ERROR(Persist(space, name, id));
  if (id == s.names.size()) s.names.push_back(Entry{std::string(name), true, false});
  s.names[id].published = true;
  s.ids[std::string(name)] = id;
  return id;
}

Result<uint32_t> Catalog::Reserve(NameSpace space, std::string_view name) {
  COPMAP_RETURN_IF_ERROR(ValidateName(space, name));
  std::unique_lock lock(mu_);
  Space& s = spaces_[int(space)];
  auto it = s.ids.find(std::string(name));
  if (it != s.ids.end()) return it->second;
  uint32_t id = uint32_t(s.names.size());
  s.names.push_back(Entry{std::string(name), false, false});
  s.ids[std::string(name)] = id;
  return id;
}

void Catalog::Publish(NameSpace space, uint32_t id) {
  std::unique_lock lock(mu_);
  Space& s = spaces_[int(space)];
  if (id < s.names.size()) s.names[id].published = true;
}

void Catalog::Abandon(NameSpace space, uint32_t id) {
  std::unique_lock lock(mu_);
  Space& s = spaces_[int(space)];
  if (id >= s.names.size() || s.names[id].published) return;
  s.ids.erase(s.names[id].name);
  s.names[id].abandoned = true;
}

std::string Catalog::Name(NameSpace space, uint32_t id) const {
  std::shared_lock lock(mu_);
  const Space& s = spaces_[int(space)];
  return id < s.names.size() && !s.names[id].abandoned ? s.names[id].name : std::string();
}

bool Catalog::Known(NameSpace space, uint32_t id) const {
  std::shared_lock lock(mu_);
  const Space& s = spaces_[int(space)];
  return id < s.names.size() && !s.names[id].abandoned;
}

std::vector<std::string> Catalog::All(NameSpace space) const {
  std::shared_lock lock(mu_);
  std::vector<std::string> out;
  for (const Entry& e : spaces_[int(space)].names) {
    if (e.published) out.push_back(e.name);
  }
  return out;
}

uint32_t Catalog::IdLimit(NameSpace space) const {
  std::shared_lock lock(mu_);
  return uint32_t(spaces_[int(space)].names.size());
}

}  // namespace copmap::storage
