// The workload generator's state shared by its sections (private to
// workload_generator.cc and gen_meta.cc).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "storage/interchange/gen_random.h"
#include "storage/interchange/workload_generator.h"

namespace copmap::interchange {

// The generator's state: what later sections need from earlier ones.
struct GenWorld {
  int64_t n = 0;
  size_t n_org = 0, n_comm = 0, n_dom = 0, n_prac = 0;
  int64_t org_base = 0, comm_base = 0, dom_base = 0, prac_base = 0;
  std::vector<std::string> org_names, org_slug, dom_names, comm_names, comm_kind;
  std::vector<int> comm_founded;
  std::vector<std::vector<uint32_t>> comm_focus;
  std::vector<uint32_t> comm_org;
  Weighted org_pick, dom_pick, comm_pick;
  std::vector<std::vector<uint32_t>> org_comms;
  std::vector<Weighted> org_comm_pick;
  std::vector<uint32_t> p_org;
  std::vector<int> p_joined;
  std::vector<std::array<uint32_t, 4>> p_comms;
  std::vector<uint8_t> p_ncomms;
  std::vector<std::vector<int64_t>> org_members, comm_members, dom_experts;
};

// Writes params.json (the workload's query parameters, from their own
// random stream) and meta.json (counts, id ranges, files).
Status WriteParams(const GenWorld& g, const GenOptions& options);
Status WriteMeta(const GenWorld& g, const GenOptions& options, const GenSummary& summary);

}  // namespace copmap::interchange
