#include "cli/demo_report.h"

#include <algorithm>
#include <string>
#include <vector>

namespace copmap::cli {
namespace {

using storage::Direction;
using storage::NodeId;
using storage::Transaction;

// Names resolved once; a name the store never saw reads as absent.
struct Vocab {
  std::optional<storage::LabelId> community;
  std::optional<storage::RelTypeId> member_of, leads;
  std::optional<storage::PropKeyId> name, style, kind;

  explicit Vocab(Transaction& t)
      : community(t.FindLabel("Community")), member_of(t.FindRelType("MEMBER_OF")),
        leads(t.FindRelType("LEADS")), name(t.FindPropKey("name")), style(t.FindPropKey("style")),
        kind(t.FindPropKey("kind")) {}
};

std::string Text(Transaction& t, NodeId node, std::optional<storage::PropKeyId> key) {
  if (!key) return "?";
  auto v = t.GetNodeProperty(node, *key);
  if (!v.ok() || v->is_null()) return "?";
  return v->is_string() ? v->as_string() : v->ToString();
}

std::vector<NodeId> Scan(Transaction& t, std::optional<storage::LabelId> label) {
  std::vector<NodeId> ids;
  if (!label) return ids;
  for (auto it = t.ScanLabel(*label); it->Valid(); it->Next()) ids.push_back(it->id());
  return ids;
}

std::vector<storage::AdjEntry> Edges(Transaction& t, NodeId node, Direction dir,
                                     std::optional<storage::RelTypeId> type) {
  std::vector<storage::AdjEntry> out;
  if (!type) return out;
  for (auto it = t.Expand(node, dir, *type); it->Valid(); it->Next()) out.push_back(it->entry());
  return out;
}

void LargestCommunities(Transaction& t, const Vocab& v, std::FILE* out) {
  std::vector<std::pair<uint64_t, NodeId>> sizes;
  for (NodeId c : Scan(t, v.community)) {
    auto n = v.member_of ? t.Degree(c, Direction::kIn, *v.member_of) : Result<uint64_t>(uint64_t{0});
    sizes.emplace_back(n.ok() ? *n : 0, c);
  }
  std::sort(sizes.begin(), sizes.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::fprintf(out, "\nLargest communities (members, kind, leaders and their style):\n");
  for (size_t i = 0; i < sizes.size() && i < 5; ++i) {
    auto [n, c] = sizes[i];
    std::string leaders;
    for (const auto& e : Edges(t, c, Direction::kIn, v.leads)) {
      auto style = v.style ? t.GetRelProperty(e.rel, *v.style) : Result<Value>(Value());
      leaders += (leaders.empty() ? "" : ", ") + Text(t, e.neighbor, v.name);
      if (style.ok() && style->is_string()) leaders += " (" + style->as_string() + ")";
    }
    std::fprintf(out, "  %-38s %3llu  %-11s led by %s\n", Text(t, c, v.name).c_str(),
                 static_cast<unsigned long long>(n), Text(t, c, v.kind).c_str(), leaders.c_str());
  }
}

}  // namespace

Status PrintDemoReport(storage::GraphStore& store, std::FILE* out) {
  COPMAP_ASSIGN_OR_RETURN(storage::StoreStats stats, store.Stats());
  std::fprintf(out, "The database holds %llu nodes and %llu relationships.\n",
               static_cast<unsigned long long>(stats.node_count), static_cast<unsigned long long>(stats.rel_count));
  auto counts = [&](const char* what, const auto& by_name) {
    std::string line;
    for (const auto& [name, n] : by_name) line += (line.empty() ? "" : ", ") + name + " " + std::to_string(n);
    std::fprintf(out, "  %s: %s\n", what, line.c_str());
  };
  counts("nodes", stats.nodes_by_label);
  counts("relationships", stats.rels_by_type);
  auto txn = store.Begin(storage::TransactionOptions{.read_only = true});
  Vocab vocab(*txn);
  LargestCommunities(*txn, vocab, out);
  return Status::OK();
}

}  // namespace copmap::cli
