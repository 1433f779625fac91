// EXPLAIN text of a logical plan.
#include "query/planner/logical_plan.h"

namespace copmap::query {

namespace {

std::string Var(const std::string& name, int slot) {
  return name.empty() ? "anon_" + std::to_string(slot) : name;
}

std::string RelText(const BoundRel& rel, bool forward) {
  std::string s = "[";
  s += rel.name;
  for (size_t i = 0; i < rel.types.size(); ++i) s += (i ? "|" : ":") + rel.types[i];
  if (rel.var_length) {
    s += "*" + std::to_string(rel.min_hops) + "..";
    if (!rel.unbounded) s += std::to_string(rel.max_hops);
  }
  s += "]";
  bool right = forward ? rel.right : rel.left;
  bool left = forward ? rel.left : rel.right;
  return std::string(left ? "<-" : "-") + s + (right ? "->" : "-");
}

void Print(const LogicalOperator& op, int depth, std::string* out) {
  out->append(static_cast<size_t>(depth) * 2, ' ');
  out->append(op.Describe());
  out->push_back('\n');
  for (const auto& c : op.children) Print(*c, depth + 1, out);
}

}  // namespace

std::string LogicalOperator::Describe() const {
  switch (kind) {
    case LogicalOpKind::kOnce: return "Once";
    case LogicalOpKind::kArgument: return "Argument";
    case LogicalOpKind::kNodeScan:
      return label.empty() ? "AllNodesScan slot " + std::to_string(to_slot)
                           : "NodeByLabelScan :" + label + " slot " + std::to_string(to_slot);
    case LogicalOpKind::kIndexSeek:
      return "NodeIndexSeek :" + label + "(" + property + ") slot " + std::to_string(to_slot);
    case LogicalOpKind::kIndexRange:
      return "NodeIndexRange :" + label + "(" + property + ") slot " + std::to_string(to_slot);
    case LogicalOpKind::kNodeFilter: return "NodeFilter " + Var(node->name, node->slot);
    case LogicalOpKind::kExpand:
    case LogicalOpKind::kExpandInto:
    case LogicalOpKind::kVarExpand:
      return std::string(kind == LogicalOpKind::kExpand       ? "Expand"
                         : kind == LogicalOpKind::kExpandInto ? "ExpandInto"
                                                              : (into ? "VarExpandInto" : "VarExpand")) +
             " (slot " + std::to_string(from_slot) + ")" + RelText(*rel, from_left) + "(slot " +
             std::to_string(to_slot) + ")";
    case LogicalOpKind::kExpandCount:
      return "ExpandCount (slot " + std::to_string(from_slot) + ")" + RelText(*rel, from_left) +
             "(" + Var(node->name, node->slot) + ") into slot " + std::to_string(rel->slot) +
             (predicates.empty() ? "" : " (" + std::to_string(predicates.size()) + " predicates)");
    case LogicalOpKind::kShortestPath:
      return std::string(part->shortest == ast::ShortestKind::kAllShortest ? "AllShortestPaths"
                                                                          : "ShortestPath") +
             " bidirectional BFS " + RelText(*rel, true);
    case LogicalOpKind::kBuildPath: return "BuildPath";
    case LogicalOpKind::kFilter: return "Filter (" + std::to_string(predicates.size()) + " predicates)";
    case LogicalOpKind::kOptional: return "Optional";
    case LogicalOpKind::kProject: return "Projection";
    case LogicalOpKind::kAggregate:
      return "Aggregate (" + std::to_string(projection->keys.size()) + " keys, " +
             std::to_string(projection->aggregates.size()) + " aggregates" +
             (weight_slot >= 0 ? ", rows weighted by slot " + std::to_string(weight_slot) : "") +
             ")";
    case LogicalOpKind::kDistinct: return "Distinct";
    case LogicalOpKind::kSort: return "Sort";
    case LogicalOpKind::kSkip: return "Skip";
    case LogicalOpKind::kLimit: return "Limit";
    case LogicalOpKind::kUnwind: return "Unwind";
    case LogicalOpKind::kEager: return "Eager";
    case LogicalOpKind::kCreate: return "Create";
    case LogicalOpKind::kMerge: return "Merge";
    case LogicalOpKind::kSet: return "SetProperties";
    case LogicalOpKind::kRemove: return "Remove";
    case LogicalOpKind::kDelete: return "Delete";
    case LogicalOpKind::kCall: return "ProcedureCall " + clause->call.procedure;
    case LogicalOpKind::kProduceResults: return "ProduceResults";
    case LogicalOpKind::kUnion: return union_all ? "UnionAll" : "Union";
  }
  return "?";
}

std::string LogicalPlan::ToString() const {
  std::string out;
  if (root) Print(*root, 0, &out);
  for (size_t i = 0; i < subqueries.size(); ++i) {
    out += "Subquery " + std::to_string(i + 1) + " (run per row):\n";
    Print(*subqueries[i].second, 1, &out);
  }
  return out;
}

}  // namespace copmap::query
