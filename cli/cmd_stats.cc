// copmap stats: counts by label and type and the size on disk.
#include <cstdio>

#include "cli/command.h"
#include "storage/interchange/output_file.h"

namespace copmap::cli {
namespace {

struct StatsArgs {
  std::string db;
  std::string format = "table";
};

std::string JsonCounts(const std::vector<std::pair<std::string, uint64_t>>& counts) {
  std::string out = "{";
  for (size_t i = 0; i < counts.size(); ++i) {
    if (i) out += ", ";
    interchange::AppendJsonString(&out, counts[i].first);
    out += ": " + std::to_string(counts[i].second);
  }
  return out + "}";
}

int RunStats(const StatsArgs& args) {
  auto store = OpenStore(args.db, /*create=*/false);
  if (!store.ok()) return Fail("stats", store.status());
  auto stats = (*store)->Stats();
  if (!stats.ok()) return Fail("stats", stats.status());
  if (args.format == "json") {
    std::printf("{\"nodes\": %s, \"relationships\": %s, \"disk_bytes\": %llu}\n",
                JsonCounts(stats->nodes_by_label).c_str(), JsonCounts(stats->rels_by_type).c_str(),
                static_cast<unsigned long long>(stats->disk_bytes));
    return kExitOk;
  }
  std::printf("nodes          %llu\n", static_cast<unsigned long long>(stats->node_count));
  for (const auto& [label, n] : stats->nodes_by_label) {
    std::printf("  :%-20s %llu\n", label.c_str(), static_cast<unsigned long long>(n));
  }
  std::printf("relationships  %llu\n", static_cast<unsigned long long>(stats->rel_count));
  for (const auto& [type, n] : stats->rels_by_type) {
    std::printf("  [:%-19s %llu\n", (type + "]").c_str(), static_cast<unsigned long long>(n));
  }
  std::printf("disk           %.1f MiB (%llu bytes)\n", stats->disk_bytes / 1048576.0,
              static_cast<unsigned long long>(stats->disk_bytes));
  return kExitOk;
}

}  // namespace

Command StatsCommand() {
  auto args = std::make_shared<StatsArgs>();
  Command c{"stats", "Counts of nodes by label and relationships by type, and the size on disk."};
  c.options = {
      DbOption(&args->db),
      {"--format", "table or json", &args->format, false, "", {"table", "json"}},
  };
  c.run = [args] { return RunStats(*args); };
  return c;
}

}  // namespace copmap::cli
