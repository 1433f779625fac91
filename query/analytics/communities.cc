// cop.communities({algorithm, seed, minSize}): communities detected from
// KNOWS ties, their modularity, and how they compare with the declared ones.
#include <algorithm>

#include "query/analytics/label_propagation.h"
#include "query/analytics/louvain.h"
#include "query/analytics/partition_compare.h"
#include "query/analytics/people_graph.h"
#include "query/analytics/procedures_internal.h"

namespace copmap::analytics {

namespace {

const char kName[] = "cop.communities";
constexpr size_t kListedMembers = 20;

// Each person's primary declared community: the one where their role is
// strongest (core > active > peripheral > none), ties to the lower node id.
Result<std::vector<uint32_t>> PrimaryCommunities(CopGraph& graph, const PeopleGraph& pg) {
  auto rank = [](const Value& role) {
    if (!role.is_string()) return 0;
    if (role.as_string() == "core") return 3;
    if (role.as_string() == "active") return 2;
    return role.as_string() == "peripheral" ? 1 : 0;
  };
  std::vector<uint32_t> primary(pg.knows.num_nodes(), UINT32_MAX);
  std::vector<int> best(pg.knows.num_nodes(), -1);
  for (uint32_t c = 0; c < pg.communities.size(); ++c) {
    COPMAP_ASSIGN_OR_RETURN(auto ties,
                            graph.Adjacent(pg.communities[c], storage::Direction::kIn, "MEMBER_OF"));
    for (const auto& t : ties) {
      LocalId v = pg.knows.Local(t.neighbor);
      if (v == kNoLocal) continue;
      COPMAP_ASSIGN_OR_RETURN(Value role, graph.RelProp(t.rel, "role"));
      if (rank(role) > best[v]) {
        best[v] = rank(role);
        primary[v] = c;
      }
    }
  }
  return primary;
}

Status Run(storage::Transaction& txn, const std::vector<Value>& args, const RowCallback& emit) {
  CopGraph graph(txn);
  COPMAP_ASSIGN_OR_RETURN(ProcedureOptions options,
                          ProcedureOptions::Parse(kName, args[0], {"algorithm", "seed", "minSize"}));
  COPMAP_ASSIGN_OR_RETURN(std::optional<std::string> algorithm, options.String("algorithm"));
  COPMAP_ASSIGN_OR_RETURN(int64_t seed, options.Int("seed", 42, 0, INT64_MAX));
  COPMAP_ASSIGN_OR_RETURN(int64_t min_size, options.Int("minSize", 2, 1, INT64_MAX));
  std::string algo = algorithm.value_or("louvain");
  if (algo != "louvain" && algo != "labelPropagation") {
    return Status::InvalidArgument(std::string(kName) +
                                   ": algorithm must be 'louvain' or 'labelPropagation', got '" +
                                   algo + "'");
  }
  COPMAP_ASSIGN_OR_RETURN(PeopleGraph pg, LoadPeopleGraph(graph));
  Partition partition;
  if (algo == "louvain") {
    LouvainOptions lo;
    lo.seed = static_cast<uint64_t>(seed);
    COPMAP_ASSIGN_OR_RETURN(partition, Louvain(pg.knows, lo));
  } else {
    LabelPropagationOptions lp;
    lp.seed = static_cast<uint64_t>(seed);
    COPMAP_ASSIGN_OR_RETURN(partition, LabelPropagation(pg.knows, lp));
  }

  // NMI over the people who have a declared community.
  COPMAP_ASSIGN_OR_RETURN(std::vector<uint32_t> primary, PrimaryCommunities(graph, pg));
  std::vector<uint32_t> detected_labels, declared_labels;
  for (LocalId v = 0; v < primary.size(); ++v) {
    if (primary[v] == UINT32_MAX) continue;
    detected_labels.push_back(partition.community[v]);
    declared_labels.push_back(primary[v]);
  }
  Value nmi;
  if (!declared_labels.empty()) {
    COPMAP_ASSIGN_OR_RETURN(double x, NormalizedMutualInformation(detected_labels, declared_labels));
    nmi = x;
  }
  std::vector<GroupMatch> matches = BestMatches(partition.community, partition.count, pg.members);

  std::vector<std::vector<LocalId>> members(partition.count);
  for (LocalId v = 0; v < partition.community.size(); ++v) {
    members[partition.community[v]].push_back(v);
  }
  for (uint32_t c = 0; c < partition.count; ++c) {
    if (members[c].size() < static_cast<size_t>(min_size)) continue;
    std::vector<std::string> names;
    for (size_t i = 0; i < members[c].size() && i < kListedMembers; ++i) {
      COPMAP_ASSIGN_OR_RETURN(std::string n, graph.DisplayName(pg.knows.Global(members[c][i])));
      names.push_back(n);
    }
    const GroupMatch& m = matches[c];
    Value match = m.group == UINT32_MAX ? Value() : Value(pg.community_names[m.group]);
    COPMAP_RETURN_IF_ERROR(emit({static_cast<int64_t>(c),
                                 static_cast<int64_t>(members[c].size()), StringList(names),
                                 partition.modularity, match, m.jaccard, nmi, Value(algo)}));
  }
  return Status::OK();
}

}  // namespace

ProcedureDef CommunitiesProcedure() {
  return {kName,
          "Communities detected from KNOWS ties (Louvain or label propagation, seeded), their "
          "modularity, the best-matching declared community (Jaccard) and the NMI against each "
          "person's primary declared community.",
          {{"options", "MAP", true,
            "{algorithm: 'louvain' | 'labelPropagation', seed: 42, minSize: 2}"}},
          {{"community", "INTEGER"},
           {"size", "INTEGER"},
           {"members", "LIST"},
           {"modularity", "FLOAT"},
           {"bestMatch", "STRING"},
           {"jaccard", "FLOAT"},
           {"nmi", "FLOAT"},
           {"algorithm", "STRING"}},
          Run};
}

}  // namespace copmap::analytics
