#include "cli/demo_report.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace copmap::cli {
namespace {

using storage::Direction;
using storage::NodeId;
using storage::Transaction;

// Names resolved once; a name the store never saw reads as absent.
struct Vocab {
  std::optional<storage::LabelId> person, community, domain, practice;
  std::optional<storage::RelTypeId> member_of, leads, expert_in, works_at, authored, applied;
  std::optional<storage::PropKeyId> name, title, until, level, style, kind;

  explicit Vocab(Transaction& t)
      : person(t.FindLabel("Person")), community(t.FindLabel("Community")),
        domain(t.FindLabel("Domain")), practice(t.FindLabel("Practice")),
        member_of(t.FindRelType("MEMBER_OF")), leads(t.FindRelType("LEADS")),
        expert_in(t.FindRelType("EXPERT_IN")), works_at(t.FindRelType("WORKS_AT")),
        authored(t.FindRelType("AUTHORED")), applied(t.FindRelType("APPLIED")),
        name(t.FindPropKey("name")), title(t.FindPropKey("title")), until(t.FindPropKey("until")),
        level(t.FindPropKey("level")), style(t.FindPropKey("style")), kind(t.FindPropKey("kind")) {}
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

// The end date of a person's employment ("" while employed).
std::string LeftOn(Transaction& t, const Vocab& v, NodeId person) {
  if (!v.until) return "";
  for (const auto& e : Edges(t, person, Direction::kOut, v.works_at)) {
    auto until = t.GetRelProperty(e.rel, *v.until);
    if (until.ok() && !until->is_null()) return until->kind() == Value::Kind::kDate ? FormatDate(until->as_date()) : until->ToString();
  }
  return "";
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

void KnowledgeAtRisk(Transaction& t, const Vocab& v, std::FILE* out) {
  std::fprintf(out, "\nKnowledge at risk (the only expert of level 4-5 has left or is leaving):\n");
  int shown = 0;
  for (NodeId d : Scan(t, v.domain)) {
    std::vector<NodeId> seniors;
    for (const auto& e : Edges(t, d, Direction::kIn, v.expert_in)) {
      auto level = v.level ? t.GetRelProperty(e.rel, *v.level) : Result<Value>(Value());
      if (level.ok() && level->is_int() && level->as_int() >= 4) seniors.push_back(e.neighbor);
    }
    if (seniors.size() != 1) continue;
    std::string left = LeftOn(t, v, seniors[0]);
    if (left.empty()) continue;
    std::fprintf(out, "  %-30s only %s (%s), employment ends %s\n", Text(t, d, v.name).c_str(),
                 Text(t, seniors[0], v.name).c_str(), Text(t, seniors[0], v.title).c_str(), left.c_str());
    ++shown;
  }
  if (shown == 0) std::fprintf(out, "  none\n");
}

void SiloCommunities(Transaction& t, const Vocab& v, std::FILE* out) {
  std::fprintf(out, "\nSilo communities (no member belongs to any other community):\n");
  int shown = 0;
  for (NodeId c : Scan(t, v.community)) {
    auto members = Edges(t, c, Direction::kIn, v.member_of);
    if (members.empty()) continue;
    bool spanner = std::any_of(members.begin(), members.end(), [&](const storage::AdjEntry& m) {
      auto degree = t.Degree(m.neighbor, Direction::kOut, *v.member_of);
      return degree.ok() && *degree > 1;
    });
    if (spanner) continue;
    std::fprintf(out, "  %s (%zu members)\n", Text(t, c, v.name).c_str(), members.size());
    ++shown;
  }
  if (shown == 0) std::fprintf(out, "  none\n");
}

void OrphanedPractices(Transaction& t, const Vocab& v, std::FILE* out) {
  std::fprintf(out, "\nOrphaned practices (every author has left, nobody applied them):\n");
  int shown = 0;
  for (NodeId p : Scan(t, v.practice)) {
    auto authors = Edges(t, p, Direction::kIn, v.authored);
    if (authors.empty() || !Edges(t, p, Direction::kIn, v.applied).empty()) continue;
    bool all_left = std::all_of(authors.begin(), authors.end(),
                                [&](const storage::AdjEntry& a) { return !LeftOn(t, v, a.neighbor).empty(); });
    if (!all_left) continue;
    std::fprintf(out, "  %s\n", Text(t, p, t.FindPropKey("title")).c_str());
    ++shown;
  }
  if (shown == 0) std::fprintf(out, "  none\n");
}

}  // namespace

Status PrintDemoReport(storage::GraphStore& store, std::FILE* out) {
  COPMAP_ASSIGN_OR_RETURN(storage::StoreStats stats, store.Stats());
  std::fprintf(out, "The database holds %llu nodes and %llu relationships.\n",
               static_cast<unsigned long long>(stats.node_count), static_cast<unsigned long long>(stats.rel_count));
  std::fprintf(out, "  nodes:");
  for (const auto& [label, n] : stats.nodes_by_label) std::fprintf(out, " %s %llu,", label.c_str(), static_cast<unsigned long long>(n));
  std::fprintf(out, "\n  relationships:");
  for (const auto& [type, n] : stats.rels_by_type) std::fprintf(out, " %s %llu,", type.c_str(), static_cast<unsigned long long>(n));
  std::fprintf(out, "\n");
  auto txn = store.Begin(storage::TransactionOptions{.read_only = true});
  Vocab vocab(*txn);
  LargestCommunities(*txn, vocab, out);
  KnowledgeAtRisk(*txn, vocab, out);
  SiloCommunities(*txn, vocab, out);
  OrphanedPractices(*txn, vocab, out);
  return Status::OK();
}

}  // namespace copmap::cli
