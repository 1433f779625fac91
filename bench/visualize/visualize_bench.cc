// Map rendering speed: build + layout + render, in a child process as in
// production (isolate = true). Each figure names the map's size. The
// layout's CPU time is the child's, which the "CPU" column does not see: the
// figures are wall time; run under /usr/bin/time for user + sys.
#include <benchmark/benchmark.h>

#include "bench/visualize/org_generator.h"
#include "visualize/map_builder.h"
#include "visualize/renderer.h"

namespace copmap::visualize::bench {
namespace {

void RenderOrganization(benchmark::State& state, int people, int communities, LayoutEngine engine,
                        Format format) {
  const auto rows = SyntheticOrganization(people, communities, communities);
  MapSpec spec;
  spec.cluster_by = ClusterBy::kCommunity;
  spec.coloring = Coloring::kRole;
  spec.title.title = "Benchmark organization";
  RenderOptions options;
  options.engine = engine;
  options.format = format;
  options.page = PageSize::kA1;
  options.landscape = true;
  size_t nodes = 0, edges = 0, bytes = 0;
  for (auto _ : state) {
    Result<Map> map = BuildMapFromRows(rows, spec);
    if (!map.ok()) {
      state.SkipWithError(map.status().ToString().c_str());
      return;
    }
    Result<std::string> out = RenderMap(*map, options);
    if (!out.ok()) {
      state.SkipWithError(out.status().ToString().c_str());
      return;
    }
    nodes = map->nodes.size();
    edges = map->edges.size();
    bytes = out->size();
  }
  state.counters["nodes"] = static_cast<double>(nodes);
  state.counters["edges"] = static_cast<double>(edges);
  state.counters["bytes"] = static_cast<double>(bytes);
}

// The example organization's size: about 250 people in 12 communities, on
// A1 landscape, with the default engine (auto: osage grids) and with dot
// (its planned grid, dot_grid.h).
void BM_Organization250_Default_Svg(benchmark::State& state) {
  RenderOrganization(state, 250, 12, LayoutEngine::kAuto, Format::kSvg);
}
void BM_Organization250_Default_Pdf(benchmark::State& state) {
  RenderOrganization(state, 250, 12, LayoutEngine::kAuto, Format::kPdf);
}
void BM_Organization250_Dot_Svg(benchmark::State& state) {
  RenderOrganization(state, 250, 12, LayoutEngine::kDot, Format::kSvg);
}
void BM_Organization250_Dot_Pdf(benchmark::State& state) {
  RenderOrganization(state, 250, 12, LayoutEngine::kDot, Format::kPdf);
}
// A 2,000-node map (about 1,960 people, 20 communities, 20 domains) with sfdp.
void BM_Map2000_Sfdp_Svg(benchmark::State& state) {
  RenderOrganization(state, 1960, 20, LayoutEngine::kSfdp, Format::kSvg);
}

BENCHMARK(BM_Organization250_Default_Svg)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
BENCHMARK(BM_Organization250_Default_Pdf)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
BENCHMARK(BM_Organization250_Dot_Svg)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
BENCHMARK(BM_Organization250_Dot_Pdf)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
BENCHMARK(BM_Map2000_Sfdp_Svg)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);

}  // namespace
}  // namespace copmap::visualize::bench

BENCHMARK_MAIN();
