// The map pipeline on fuzzed query results: a small graph of node and
// relationship values with fuzzed labels, keys and properties, and a fuzzed
// map spec, go through BuildMapFromRows, CheckMap and RenderMap (in process,
// so the fuzzer's sanitizers see Graphviz's calls too). A second mode builds
// a Map by hand with fuzzed text, colours and numbers, as a library caller
// might, and checks that CheckMap stops anything RenderMap cannot draw.
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_input.h"
#include "tests/fuzz/fuzz_targets.h"
#include "visualize/map_builder.h"
#include "visualize/map_check.h"
#include "visualize/renderer.h"

namespace copmap::fuzz {
namespace {

using namespace copmap::visualize;

constexpr const char* kLabels[] = {"Person", "Community", "Domain", "Organization",
                                   "Practice", "Event", "Thing"};
constexpr const char* kTypes[] = {"MEMBER_OF", "LEADS",   "EXPERT_IN", "WORKS_AT", "KNOWS",
                                  "MENTORS",   "ABOUT",   "FOCUSES_ON", "PART_OF", "LINKED_TO"};
constexpr const char* kPropertyNames[] = {"name", "email", "title", "role", "level",
                                          "kind", "since", "style"};

ValueMap FuzzProperties(FuzzInput& in) {
  ValueMap props;
  for (size_t n = in.Below(4); n > 0; --n) {
    props.emplace_back(kPropertyNames[in.Below(std::size(kPropertyNames))], in.PropertyValue());
  }
  return Value(std::move(props)).as_map();  // sorted, unique keys
}

std::vector<std::vector<Value>> FuzzRows(FuzzInput& in, std::vector<NodeValue>* nodes) {
  std::vector<std::vector<Value>> rows;
  for (size_t n = in.Below(12); n > 0; --n) {
    NodeValue node;
    node.id = nodes->size() + 1;
    for (size_t l = in.Below(3); l > 0; --l) node.labels.push_back(kLabels[in.Below(7)]);
    node.properties = FuzzProperties(in);
    nodes->push_back(node);
    rows.push_back({Value(node)});
  }
  for (size_t n = in.Below(16); n > 0; --n) {
    RelationshipValue rel;
    rel.id = n;
    rel.type = kTypes[in.Below(std::size(kTypes))];
    rel.start = in.Below(nodes->size() + 2);  // sometimes a node not in the result
    rel.end = in.Below(nodes->size() + 2);
    rel.properties = FuzzProperties(in);
    rows.push_back({Value(rel)});
  }
  return rows;
}

MapSpec FuzzSpec(FuzzInput& in, const std::vector<NodeValue>& nodes) {
  MapSpec spec;
  spec.title = {in.String(40), in.String(40), in.String(20), in.String(40)};
  spec.cluster_by = static_cast<ClusterBy>(in.Below(4));
  spec.coloring = static_cast<Coloring>(in.Below(4));
  if (in.Byte() % 2 == 1) {
    spec.focus_label = kLabels[in.Below(7)];
    spec.focus_key = in.String(40);
    if (!nodes.empty() && in.Byte() % 2 == 1) {
      const NodeValue& focus = nodes[in.Below(nodes.size())];
      if (!focus.labels.empty()) spec.focus_label = focus.labels[0];
      for (const auto& [key, value] : focus.properties) {
        if (value.is_string()) spec.focus_key = value.as_string();
      }
    }
  }
  spec.max_nodes = 1 + in.Below(16);
  spec.overflow = in.Byte() % 2 == 1 ? OverflowPolicy::kRefuse : OverflowPolicy::kSummarize;
  return spec;
}

RenderOptions FuzzRenderOptions(FuzzInput& in) {
  RenderOptions options;
  options.format = in.Byte() % 2 == 1 ? Format::kSvg : Format::kDot;
  options.engine = in.Byte() % 2 == 1 ? LayoutEngine::kNeato : LayoutEngine::kDot;
  options.page = static_cast<PageSize>(in.Below(8));
  options.landscape = in.Byte() % 2 == 1;
  options.isolate = false;
  return options;
}

void CheckRender(const Map& map, const RenderOptions& options) {
  Result<std::string> drawn = RenderMap(map, options);
  FuzzCheck(drawn.ok(), "a map that passes CheckMap renders");
  FuzzCheck(!drawn->empty(), "a rendered map has bytes");
}

std::string FuzzColour(FuzzInput& in) {
  return in.Byte() % 4 == 0 ? in.String(9) : "#3A7BD5";
}

Map FuzzHandMadeMap(FuzzInput& in) {
  Map map;
  map.title.title = in.String(60);
  for (size_t n = in.Below(3); n > 0; --n) map.clusters.push_back({in.String(30), {}, {}});
  for (size_t n = in.Below(8); n > 0; --n) {
    MapNode node;
    node.key = in.String(20);
    node.title = in.String(60);
    node.details = {in.String(40)};
    node.style.fill = FuzzColour(in);
    node.style.shape = static_cast<Shape>(in.Below(10));
    node.style.font_size = in.Below(64);
    node.cluster = static_cast<int>(in.Below(map.clusters.size() + 2)) - 1;
    map.nodes.push_back(node);
  }
  for (size_t n = in.Below(8); n > 0 && !map.nodes.empty(); --n) {
    MapEdge edge;
    edge.from = map.nodes[in.Below(map.nodes.size())].key;
    edge.to = in.Byte() % 8 == 0 ? in.String(20) : map.nodes[in.Below(map.nodes.size())].key;
    edge.label = in.String(30);
    edge.style.color = FuzzColour(in);
    map.edges.push_back(edge);
  }
  return map;
}

}  // namespace

int FuzzMapModel(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  if (in.Byte() % 4 == 0) {
    Map map = FuzzHandMadeMap(in);
    RenderOptions options = FuzzRenderOptions(in);
    Status checked = CheckMap(map);
    if (!checked.ok()) {
      FuzzCheck(checked.code() == Status::Code::kInvalidArgument, "a bad map is InvalidArgument");
      FuzzCheck(RenderMap(map, options).status().code() == Status::Code::kInvalidArgument,
                "RenderMap refuses what CheckMap refuses");
      return 0;
    }
    CheckRender(map, options);
    return 0;
  }
  std::vector<NodeValue> nodes;
  std::vector<std::vector<Value>> rows = FuzzRows(in, &nodes);
  MapSpec spec = FuzzSpec(in, nodes);
  RenderOptions options = FuzzRenderOptions(in);
  Result<Map> map = BuildMapFromRows(rows, spec);
  if (!map.ok()) {
    const Status::Code code = map.status().code();
    FuzzCheck(code == Status::Code::kNotFound || code == Status::Code::kInvalidArgument ||
                  code == Status::Code::kResourceExhausted,
              "BuildMap fails with a documented kind");
    return 0;
  }
  FuzzCheck(CheckMap(*map).ok(), "BuildMap makes maps that pass CheckMap");
  CheckRender(*map, options);
  return 0;
}

}  // namespace copmap::fuzz
