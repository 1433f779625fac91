#include <algorithm>
#include <memory>

#include "query/procedures/procedure.h"

namespace copmap::query {

namespace {
std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}
}  // namespace

ProcedureRegistry& ProcedureRegistry::Global() {
  static ProcedureRegistry* registry = [] {
    auto* r = new ProcedureRegistry();
    RegisterBuiltinProcedures(*r);
    RegisterCopProcedures(*r);
    return r;
  }();
  return *registry;
}

Status ProcedureRegistry::Register(Procedure procedure) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string key = Lower(procedure.name);
  if (by_name_.count(key)) {
    return Status::InvalidArgument("procedure already registered: " + procedure.name);
  }
  by_name_[key] = std::make_unique<Procedure>(std::move(procedure));
  return Status::OK();
}

const Procedure* ProcedureRegistry::Find(std::string_view name) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = by_name_.find(Lower(name));
  return it == by_name_.end() ? nullptr : it->second.get();
}

std::vector<std::string> ProcedureRegistry::Names() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<std::string> names;
  for (const auto& [key, p] : by_name_) names.push_back(p->name);
  return names;
}

}  // namespace copmap::query
