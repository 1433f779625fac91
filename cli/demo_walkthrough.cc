#include "cli/demo_walkthrough.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

#include "cli/analysis.h"
#include "cli/result_printer.h"
#include "visualize/named_maps.h"

namespace copmap::cli {
namespace {

namespace fs = std::filesystem;

// The first column of the first row of a query, as text.
Result<std::string> FirstText(query::Engine& engine, const std::string& text) {
  COPMAP_ASSIGN_OR_RETURN(query::QueryResult result, engine.Run(text));
  if (result.rows.empty() || !result.rows[0][0].is_string()) {
    return Status::NotFound("the sample has no answer to: " + text);
  }
  return result.rows[0][0].as_string();
}

// Prints `rows` limited to `columns` and `limit` rows, nodes by name.
Status PrintSome(const analytics::ProcedureRows& rows, const std::vector<std::string>& columns,
                 size_t limit, std::FILE* out) {
  analytics::ProcedureRows some;
  some.columns = columns;
  std::vector<size_t> index;
  for (const std::string& c : columns) {
    auto it = std::find(rows.columns.begin(), rows.columns.end(), c);
    if (it == rows.columns.end()) return Status::Internal("no column " + c);
    index.push_back(static_cast<size_t>(it - rows.columns.begin()));
  }
  for (size_t r = 0; r < rows.rows.size() && r < limit; ++r) {
    std::vector<Value> row;
    for (size_t i : index) row.push_back(rows.rows[r][i]);
    some.rows.push_back(std::move(row));
  }
  auto printer = MakeResultPrinter(OutputFormat::kTable, out, 120);
  COPMAP_RETURN_IF_ERROR(SendRows(some, /*readable=*/true, *printer));
  COPMAP_RETURN_IF_ERROR(printer->Finish());
  std::fprintf(out, "\n");
  return Status::OK();
}

constexpr const char* kRiskQuery =
    "CALL cop.knowledgeAtRisk() YIELD kind, name, reason WHERE reason CONTAINS 'left' "
    "RETURN name, reason LIMIT 5";

// Runs `text` and prints its rows as a table.
Status PrintQuery(query::Engine& engine, const std::string& text, std::FILE* out) {
  auto printer = MakeResultPrinter(OutputFormat::kTable, out, 0);
  auto executed = engine.Execute(text, {}, *printer);
  if (!executed.ok()) return executed.status();
  COPMAP_RETURN_IF_ERROR(printer->Finish());
  std::fprintf(out, "\n");
  return Status::OK();
}

Status Analyses(query::Engine& engine, std::FILE* out) {
  storage::GraphStore& store = engine.store();
  COPMAP_ASSIGN_OR_RETURN(
      std::string domain,
      FirstText(engine, "MATCH (d:Domain)<-[:EXPERT_IN]-() RETURN d.name AS name, count(*) AS n "
                        "ORDER BY n DESC, name LIMIT 1"));
  std::fprintf(out, "Whom to ask about %s (copmap analyze experts '%s'):\n", domain.c_str(),
               domain.c_str());
  COPMAP_ASSIGN_OR_RETURN(auto experts,
                          RunAnalysis(store, "experts", {Value(domain)}, {{"limit", Value(5)}}));
  COPMAP_RETURN_IF_ERROR(PrintSome(experts, {"name", "score", "explanation"}, 5, out));

  COPMAP_ASSIGN_OR_RETURN(auto risk, RunAnalysis(store, "knowledgeAtRisk", {}, {}));
  std::fprintf(out,
               "Knowledge at risk (copmap analyze knowledgeAtRisk): %zu domains or practices "
               "held by too few staying people.\nWhere an expert has left, as a query:\n  %s\n",
               risk.rows.size(), kRiskQuery);
  COPMAP_RETURN_IF_ERROR(PrintQuery(engine, kRiskQuery, out));

  std::fprintf(out,
               "Most inward-looking communities (copmap analyze silos; E-I index: -1 all ties "
               "inside the community, +1 all outside):\n");
  COPMAP_ASSIGN_OR_RETURN(auto silos, RunAnalysis(store, "silos", {}, {}));
  COPMAP_RETURN_IF_ERROR(
      PrintSome(silos, {"name", "members", "internal", "external", "eiIndex", "silo"}, 5, out));

  std::fprintf(out, "Brokers between communities (copmap analyze brokers):\n");
  COPMAP_ASSIGN_OR_RETURN(auto brokers, RunAnalysis(store, "brokers", {}, {{"limit", Value(5)}}));
  return PrintSome(brokers, {"name", "betweenness", "constraint", "communities"}, 5, out);
}

std::string FileName(const std::string& text) {
  std::string name;
  for (char c : text) {
    name += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '-';
  }
  return name;
}

Status WriteMaps(query::Engine& engine, const std::string& dir, std::FILE* out) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::IOError(dir + ": " + ec.message());
  COPMAP_ASSIGN_OR_RETURN(
      std::string community,
      FirstText(engine, "MATCH (c:Community)<-[:MEMBER_OF]-() RETURN c.name AS name, count(*) AS n "
                        "ORDER BY n DESC, name LIMIT 1"));
  struct Job {
    std::string map, argument, file;
  } jobs[] = {{"organization", "", "organization"},
              {"risk", "", "risk"},
              {"community", community, "community-" + FileName(community)}};
  std::fprintf(out, "Maps (copmap render MAP [ARG] --page A3 --landscape -o FILE):\n");
  for (const Job& job : jobs) {
    for (auto format : {visualize::Format::kSvg, visualize::Format::kPdf}) {
      visualize::MapRequest request;
      request.map = job.map;
      request.argument = job.argument;
      request.render.format = format;
      request.render.page = visualize::PageSize::kA3;
      request.render.landscape = true;
      COPMAP_ASSIGN_OR_RETURN(visualize::RenderedMap map, visualize::RenderNamedMap(engine, request));
      std::string path =
          (fs::path(dir) / (job.file + "." + std::string(visualize::FormatName(format)))).string();
      std::ofstream file(path, std::ios::binary | std::ios::trunc);
      file.write(map.bytes.data(), static_cast<std::streamsize>(map.bytes.size()));
      if (!file.flush()) return Status::IOError(path + ": cannot write");
      std::fprintf(out, "  %-40s %s (%zu nodes)\n", path.c_str(), map.title.c_str(), map.nodes);
    }
  }
  std::fprintf(out, "\n");
  return Status::OK();
}

}  // namespace

Status PrintDemoWalkthrough(query::Engine& engine, const std::string& db,
                            const std::string& maps_dir, std::FILE* out) {
  COPMAP_RETURN_IF_ERROR(Analyses(engine, out));
  if (!maps_dir.empty()) COPMAP_RETURN_IF_ERROR(WriteMaps(engine, maps_dir, out));
  std::fprintf(out,
               "Serve it and query it over gRPC (copmap is ./build/cli/copmap after make demo):\n"
               "  copmap serve --db %s --listen 127.0.0.1:7688 &\n"
               "  copmap query --remote 127.0.0.1:7688 -e 'MATCH (p:Person)-[:MEMBER_OF]->(c:Community) "
               "RETURN c.name, count(p) AS members ORDER BY members DESC LIMIT 5'\n"
               "  kill %%1   # SIGTERM: a graceful stop\n"
               "Or explore it: copmap shell --db %s\n",
               db.c_str(), db.c_str());
  return Status::OK();
}

}  // namespace copmap::cli
