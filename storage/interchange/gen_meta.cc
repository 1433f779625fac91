// params.json and meta.json of the workload generator (WORKLOAD.md).
#include <cmath>
#include <filesystem>

#include "storage/interchange/field_value.h"
#include "storage/interchange/gen_world.h"
#include "storage/interchange/output_file.h"

namespace copmap::interchange {
namespace {

std::string JoinInts(const std::vector<int64_t>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + std::to_string(v[i]);
  return out + "]";
}

Status WriteFile(const std::string& dir, const char* name, const std::string& text) {
  COPMAP_ASSIGN_OR_RETURN(auto file, OutputFile::Create((std::filesystem::path(dir) / name).string()));
  file->Write(text);
  return file->Close();
}

template <typename Map>
std::string JsonCounts(const Map& counts, const char* indent) {
  std::string out = "{";
  bool first = true;
  for (const auto& [name, n] : counts) {
    out += std::string(first ? "\n" : ",\n") + indent + " \"" + name + "\": " + std::to_string(n);
    first = false;
  }
  return out + "\n" + indent + "}";
}

}  // namespace

// Parameters come from a stream of their own, so that they do not shift when
// the graph code changes. Person ids are uniform over 1..N; domain ids follow
// the generator's popularity; Q6 and Q10 pairs have src != dst.
Status WriteParams(const GenWorld& g, const GenOptions& options) {
  GenRandom pr(options.seed * 1000003 + 7);
  auto person = [&] { return 1 + static_cast<int64_t>(pr() * static_cast<double>(g.n)); };
  auto domain = [&] { return g.dom_base + static_cast<int64_t>(g.dom_pick.Draw(pr())); };
  auto pair = [&] {
    int64_t a = person(), b = person();
    while (b == a) b = person();
    return std::vector<int64_t>{a, b};
  };
  std::string out = "{";
  for (const char* q : {"Q1", "Q2", "Q3"}) {
    std::vector<int64_t> v;
    for (int i = 0; i < options.draws; ++i) v.push_back(person());
    out += std::string("\"") + q + "\":" + JoinInts(v) + ",";
  }
  std::vector<int64_t> q4;
  for (int i = 0; i < options.draws; ++i) q4.push_back(domain());
  out += "\"Q4\":" + JoinInts(q4) + ",\"Q5\":[";
  for (int i = 0; i < options.draws; ++i) {
    int64_t p = person();
    out += (i ? "," : "") + JoinInts({p, domain()});
  }
  out += "],\"Q6\":[";
  for (int i = 0; i < options.draws; ++i) out += (i ? "," : "") + JoinInts(pair());
  out += "],\"Q10\":[";
  for (int i = 0; i < options.writes; ++i) {
    auto p = pair();
    std::string weight = FormatDouble(std::round(pr() * 1000) / 1000);
    if (weight.find('.') == std::string::npos) weight += ".0";
    out += (i ? ",[" : "[") + std::to_string(p[0]) + "," + std::to_string(p[1]) + "," + weight + "]";
  }
  out += "]}";
  return WriteFile(options.out, "params.json", out);
}

Status WriteMeta(const GenWorld& g, const GenOptions& options, const GenSummary& summary) {
  uint64_t total_nodes = 0, total_rels = 0;
  for (const auto& [name, n] : summary.nodes) total_nodes += n;
  for (const auto& [name, n] : summary.relationships) total_rels += n;
  auto range = [](int64_t a, int64_t b) { return "[" + std::to_string(a) + ", " + std::to_string(b) + "]"; };
  std::string files_nodes, files_rels;
  for (const auto& [name, n] : summary.nodes) {
    files_nodes += std::string(files_nodes.empty() ? "" : ", ") + "\"" + name + "\": \"nodes_" + name + ".csv\"";
  }
  for (const auto& [name, n] : summary.relationships) {
    files_rels += std::string(files_rels.empty() ? "" : ", ") + "\"" + name + "\": \"rels_" + name + ".csv\"";
  }
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", summary.seconds);
  std::string out = "{\n \"generator\": \"copmap-gen/1 (cop-gen/1 format)\",\n \"people\": " +
                    std::to_string(g.n) + ",\n \"seed\": " + std::to_string(options.seed) +
                    ",\n \"nodes\": " + JsonCounts(summary.nodes, " ") +
                    ",\n \"relationships\": " + JsonCounts(summary.relationships, " ") +
                    ",\n \"id_ranges\": {\n  \"Person\": " + range(1, g.n) +
                    ",\n  \"Organization\": " + range(g.org_base, g.comm_base - 1) +
                    ",\n  \"Community\": " + range(g.comm_base, g.dom_base - 1) +
                    ",\n  \"Domain\": " + range(g.dom_base, g.prac_base - 1) +
                    ",\n  \"Practice\": " + range(g.prac_base, g.prac_base + g.n_prac - 1) +
                    "\n },\n \"files\": {\"nodes\": {" + files_nodes + "}, \"relationships\": {" + files_rels +
                    "}},\n \"param_draws\": " + std::to_string(options.draws) +
                    ",\n \"q10_writes\": " + std::to_string(options.writes) +
                    ",\n \"generation_seconds\": " + seconds +
                    ",\n \"total_nodes\": " + std::to_string(total_nodes) +
                    ",\n \"total_relationships\": " + std::to_string(total_rels) + "\n}\n";
  return WriteFile(options.out, "meta.json", out);
}

}  // namespace copmap::interchange
