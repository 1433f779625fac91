// copmap gen: writes the CoP workload dataset (../shared/bench/WORKLOAD.md).
#include <cstdio>

#include "cli/command.h"
#include "storage/interchange/workload_generator.h"

namespace copmap::cli {
namespace {

struct GenArgs {
  int64_t people = 0;
  int64_t seed = 42;
  std::string out;
  int64_t draws = 200;
  int64_t writes = 10000;
};

int RunGen(const GenArgs& args) {
  interchange::GenOptions options;
  options.people = args.people;
  options.seed = static_cast<uint64_t>(args.seed);
  options.out = args.out;
  options.draws = static_cast<int>(args.draws);
  options.writes = static_cast<int>(args.writes);
  interchange::GenSummary summary;
  Status status = interchange::GenerateWorkload(options, &summary);
  if (!status.ok()) return Fail("gen", status);
  uint64_t nodes = 0, rels = 0;
  for (const auto& [label, n] : summary.nodes) nodes += n;
  for (const auto& [type, n] : summary.relationships) rels += n;
  std::printf("wrote %llu nodes and %llu relationships to %s in %.2f s\n",
              static_cast<unsigned long long>(nodes), static_cast<unsigned long long>(rels),
              args.out.c_str(), summary.seconds);
  return kExitOk;
}

}  // namespace

Command GenCommand() {
  auto args = std::make_shared<GenArgs>();
  Command c{"gen",
            "Write the CoP workload dataset (the format and shape of gen_cop.py: nodes_*.csv, "
            "rels_*.csv, meta.json, params.json)."};
  c.options = {
      {"--people", "number of people (at least 10)", &args->people, true},
      {"--seed", "random seed", &args->seed},
      {"--out", "output directory (created when missing)", &args->out, true},
      {"--draws", "parameter draws for each of Q1..Q6", &args->draws},
      {"--writes", "edge inserts for Q10", &args->writes},
  };
  c.run = [args] { return RunGen(*args); };
  return c;
}

}  // namespace copmap::cli
