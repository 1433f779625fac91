#include "tests/reliability/workload_database.h"

#include "query/engine.h"
#include "storage/interchange/csv_importer.h"
#include "storage/interchange/workload_generator.h"

namespace copmap::reliability {

Result<WorkloadDatabase> BuildWorkloadDatabase(int64_t people, const std::string& csv_dir,
                                               const std::string& db_dir) {
  interchange::GenOptions gen;
  gen.people = people;
  gen.out = csv_dir;
  gen.draws = 1;  // the tests draw their own parameters
  gen.writes = 1;
  interchange::GenSummary generated;
  COPMAP_RETURN_IF_ERROR(interchange::GenerateWorkload(gen, &generated));

  COPMAP_ASSIGN_OR_RETURN(auto engine, query::Engine::Open(db_dir));
  interchange::ImportOptions import;
  import.paths = {csv_dir};
  interchange::ImportSummary imported;
  std::vector<std::string> errors;
  Status loaded = interchange::ImportCsv(engine->store(), import, &imported, &errors);
  if (!loaded.ok()) {
    return errors.empty() ? loaded : loaded.WithContext(errors.front());
  }
  for (const char* index : {"CREATE INDEX FOR (p:Person) ON (p.id)",
                            "CREATE INDEX FOR (d:Domain) ON (d.id)"}) {
    COPMAP_RETURN_IF_ERROR(engine->Run(index).status());
  }
  COPMAP_RETURN_IF_ERROR(engine->store().Flush());

  WorkloadDatabase db;
  db.people = people;
  db.nodes = imported.nodes;
  db.relationships = imported.relationships;
  for (const auto& [type, n] : imported.rels_by_type) {
    if (type == "KNOWS") db.knows = n;
  }
  return db;
}

}  // namespace copmap::reliability
