// copmap render: draws a named map (community, domain, organization, person,
// risk) or the nodes and relationships a query returns, as SVG, PDF, PNG or
// Graphviz dot.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cli/command.h"
#include "visualize/named_maps.h"

namespace copmap::cli {
namespace {

namespace fs = std::filesystem;

struct RenderArgs {
  std::string db;
  std::string map;
  std::string argument;
  std::string query;
  std::string format;
  std::string page = "none";
  bool landscape = false;
  std::string engine = "auto";
  std::string out;
  int64_t max_nodes = 2000;
  std::string date;
};

// --format, else the output file's extension, else svg.
Result<visualize::Format> ChooseFormat(const RenderArgs& args) {
  if (!args.format.empty()) return visualize::ParseFormat(args.format);
  std::string ext = fs::path(args.out).extension().string();
  if (ext.size() > 1) {
    auto from_ext = visualize::ParseFormat(ext.substr(1));
    if (from_ext.ok()) return from_ext;
  }
  return visualize::Format::kSvg;
}

Result<visualize::RenderOptions> ParseRenderOptions(const RenderArgs& args) {
  visualize::RenderOptions render;
  COPMAP_ASSIGN_OR_RETURN(render.format, ChooseFormat(args));
  COPMAP_ASSIGN_OR_RETURN(render.engine, visualize::ParseLayoutEngine(args.engine));
  COPMAP_ASSIGN_OR_RETURN(render.page, visualize::ParsePageSize(args.page));
  render.landscape = args.landscape;
  return render;
}

// Writes through a temporary file and a rename, so a failed render never
// leaves half a map behind.
Status WriteOutput(const std::string& path, const std::string& bytes) {
  if (path == "-") {
    if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size()) {
      return Status::IOError("cannot write to stdout");
    }
    return Status::OK();
  }
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) return Status::IOError(path + ": cannot write");
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) return Status::IOError(path + ": " + ec.message());
  return Status::OK();
}

int RunRender(const RenderArgs& args) {
  if (args.map.empty() == args.query.empty()) {
    return FailWith("render", Status::InvalidArgument("give a map name or --query, not both"),
                    kExitUsage);
  }
  auto render = ParseRenderOptions(args);
  if (!render.ok()) return FailWith("render", render.status(), kExitUsage);
  auto store = OpenStore(args.db, /*create=*/false);
  if (!store.ok()) return FailWith("render", store.status(), kExitIoError);
  auto engine = query::Engine::Wrap(std::move(*store));

  Result<visualize::RenderedMap> map = Status::Internal("not rendered");
  if (!args.query.empty()) {
    map = visualize::RenderQueryMap(*engine, args.query, *render);
  } else {
    visualize::MapRequest request;
    request.map = args.map;
    request.argument = args.argument;
    request.render = *render;
    request.max_nodes = static_cast<size_t>(args.max_nodes);
    request.date = args.date;
    map = visualize::RenderNamedMap(*engine, request);
  }
  if (!map.ok()) return Fail("render", map.status());
  Status written = WriteOutput(args.out, map->bytes);
  if (!written.ok()) return Fail("render", written);
  if (args.out != "-") {
    std::fprintf(stderr, "%s: %s, %zu nodes, %zu edges, %zu bytes\n", args.out.c_str(),
                 map->title.c_str(), map->nodes, map->edges, map->bytes.size());
  }
  return kExitOk;
}

std::string MapList() {
  std::string list;
  for (const auto& info : visualize::NamedMaps()) {
    list += "\n  " + info.name + (info.argument.empty() ? "" : " " + info.argument) + ": " +
            info.description;
  }
  return list;
}

}  // namespace

Command RenderCommand() {
  auto args = std::make_shared<RenderArgs>();
  Command c{"render", "Draw a knowledge map (or any query's graph) as SVG, PDF, PNG or dot. Maps:" +
                          MapList()};
  c.options = {
      DbOption(&args->db),
      {"map", "community, domain, organization, person or risk", &args->map},
      {"argument", "the community/domain/organization name or the person's email", &args->argument},
      {"-q,--query", "draw the nodes, relationships and paths this read-only query returns",
       &args->query},
      {"--format", "svg, pdf, png or dot (default: from -o's extension, else svg)", &args->format},
      {"--page", "A4, A3, A2, A1, A0, Letter, Tabloid or none (natural size)", &args->page},
      {"--landscape", "turn the page", &args->landscape},
      {"--engine",
       "Graphviz layout: auto (osage grids for maps with clusters, else dot), dot, neato, fdp, "
       "sfdp, circo or osage",
       &args->engine},
      {"-o,--out", "output file ('-': stdout)", &args->out, /*required=*/true},
      {"--max-nodes", "summarize a map larger than this", &args->max_nodes},
      {"--date", "date shown in the title block (default: none, for reproducible files)",
       &args->date},
  };
  c.run = [args] { return RunRender(*args); };
  return c;
}

}  // namespace copmap::cli
