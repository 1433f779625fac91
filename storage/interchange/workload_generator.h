// GenerateWorkload: writes the CoP workload dataset (../shared/bench/WORKLOAD.md)
// in the format and with the shape of gen_cop.py: the same files, headers,
// id ranges, size ratios and distributions, meta.json and params.json. The
// same options always give the same bytes; they differ from gen_cop.py's
// because the random stream differs, and in one respect on purpose: practice
// titles are made unique (" (2)", " (3)", ... on repeats) because title is
// the CoP schema's key for Practice.
//
//   nodes_Person.csv  nodes_Organization.csv  nodes_Community.csv
//   nodes_Domain.csv  nodes_Practice.csv
//   rels_WORKS_AT.csv rels_MEMBER_OF.csv rels_EXPERT_IN.csv rels_KNOWS.csv
//   rels_MENTORS.csv  rels_AUTHORED.csv  rels_ABOUT.csv     rels_FOCUSES_ON.csv
//   meta.json  params.json
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "storage/status.h"

namespace copmap::interchange {

struct GenOptions {
  int64_t people = 0;  // at least 10
  uint64_t seed = 42;
  std::string out;     // created when missing
  int draws = 200;     // parameter draws for each of Q1..Q6
  int writes = 10000;  // [src, dst, strength] triples for Q10
};

struct GenSummary {
  std::map<std::string, uint64_t> nodes;          // by label
  std::map<std::string, uint64_t> relationships;  // by type
  double seconds = 0;
};

Status GenerateWorkload(const GenOptions& options, GenSummary* summary);

}  // namespace copmap::interchange
