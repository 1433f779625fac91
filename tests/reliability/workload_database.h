// BuildWorkloadDatabase: a database holding the CoP workload dataset
// (../shared/bench/WORKLOAD.md) of a given size, made the way `copmap gen`
// and `copmap import` make it, for tests that need a realistic graph.
#pragma once

#include <cstdint>
#include <string>

#include "storage/status.h"

namespace copmap::reliability {

struct WorkloadDatabase {
  int64_t people = 0;         // Person ids are 1..people
  uint64_t nodes = 0;
  uint64_t relationships = 0;
  uint64_t knows = 0;         // KNOWS relationships
};

// Generates the dataset (seed 42) into `csv_dir`, imports it into a new
// database at `db_dir` with the indexes the workload's queries use
// (Person.id, Domain.id), flushes and closes it.
Result<WorkloadDatabase> BuildWorkloadDatabase(int64_t people, const std::string& csv_dir,
                                               const std::string& db_dir);

}  // namespace copmap::reliability
