#include "storage/validation.h"

#include <algorithm>
#include <string>

namespace copmap::storage {

Status NormalizeLabels(const Catalog& catalog, std::vector<LabelId>* labels) {
  std::sort(labels->begin(), labels->end());
  labels->erase(std::unique(labels->begin(), labels->end()), labels->end());
  for (LabelId l : *labels) {
    if (!catalog.Known(NameSpace::kLabel, l)) {
      return Status::InvalidArgument("unknown label id " + std::to_string(l));
    }
  }
  return Status::OK();
}

Status NormalizeProperties(const Catalog& catalog, Properties* props, std::string_view what) {
  std::stable_sort(props->begin(), props->end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  size_t out = 0;
  bool have_last = false;
  PropKeyId last = 0;
  for (size_t i = 0; i < props->size(); ++i) {
    auto& [key, value] = (*props)[i];
    if (!catalog.Known(NameSpace::kPropKey, key)) {
      return Status::InvalidArgument("unknown property key id " + std::to_string(key) + " on " +
                                     std::string(what));
    }
    if (have_last && last == key) {
      return Status::InvalidArgument("property '" + catalog.Name(NameSpace::kPropKey, key) +
                                     "' given twice for " + std::string(what));
    }
    have_last = true;
    last = key;
    if (!value.IsPropertyValue()) {
      return Status::InvalidArgument("property '" + catalog.Name(NameSpace::kPropKey, key) +
                                     "' of " + std::string(what) + " cannot hold " +
                                     value.ToString() + " (a " +
                                     std::string(Value::KindName(value.kind())) + ")");
    }
    if (value.is_null()) continue;
    if (out != i) (*props)[out] = std::move((*props)[i]);
    ++out;
  }
  props->resize(out);
  return Status::OK();
}

}  // namespace copmap::storage
