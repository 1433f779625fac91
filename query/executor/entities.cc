// Nodes and relationships: materialization, property maps, pattern checks.
#include "query/executor/entities.h"

#include <algorithm>

#include "query/executor/cached_read_txn.h"
#include "query/executor/evaluator.h"
#include "query/runtime/compare.h"
#include "query/runtime/errors.h"

namespace copmap::query {

std::optional<storage::PropKeyId> ExecContext::PropKey(const std::string& name) {
  auto it = prop_keys_.find(name);
  if (it != prop_keys_.end()) return it->second;
  std::optional<storage::PropKeyId> id = txn->FindPropKey(name);
  if (id) prop_keys_.emplace(name, *id);
  return id;
}

std::optional<storage::LabelId> ExecContext::Label(const std::string& name) {
  auto it = labels_.find(name);
  if (it != labels_.end()) return it->second;
  std::optional<storage::LabelId> id = txn->FindLabel(name);
  if (id) labels_.emplace(name, *id);
  return id;
}

std::optional<storage::RelTypeId> ExecContext::RelType(const std::string& name) {
  auto it = rel_types_.find(name);
  if (it != rel_types_.end()) return it->second;
  std::optional<storage::RelTypeId> id = txn->FindRelType(name);
  if (id) rel_types_.emplace(name, *id);
  return id;
}

Result<const storage::NodeRecord*> ExecContext::NodeRecordOf(storage::NodeId id,
                                                            storage::NodeRecord* scratch) {
  if (auto* cached = dynamic_cast<CachedReadTransaction*>(txn)) return cached->NodeRef(id);
  COPMAP_ASSIGN_OR_RETURN(*scratch, txn->GetNode(id));
  return scratch;
}

namespace {

ValueMap PropertyMap(ExecContext& ctx, const storage::Properties& props) {
  ValueMap map;
  map.reserve(props.size());
  for (const auto& [key, value] : props) map.emplace_back(ctx.txn->PropKeyName(key), value);
  std::sort(map.begin(), map.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return map;
}

}  // namespace

Result<Value> MaterializeNode(ExecContext& ctx, storage::NodeId id) {
  COPMAP_ASSIGN_OR_RETURN(storage::NodeRecord rec, ctx.txn->GetNode(id));
  NodeValue node;
  node.id = rec.id;
  for (storage::LabelId l : rec.labels) node.labels.push_back(ctx.txn->LabelName(l));
  node.properties = PropertyMap(ctx, rec.properties);
  return Value(std::move(node));
}

Result<Value> MaterializeRel(ExecContext& ctx, storage::RelId id) {
  COPMAP_ASSIGN_OR_RETURN(storage::RelRecord rec, ctx.txn->GetRel(id));
  RelationshipValue rel;
  rel.id = rec.id;
  rel.type = ctx.txn->RelTypeName(rec.type);
  rel.start = rec.start;
  rel.end = rec.end;
  rel.properties = PropertyMap(ctx, rec.properties);
  return Value(std::move(rel));
}

Result<Value> MaterializeSlot(ExecContext& ctx, const Value& slot_value, VarKind kind) {
  if (slot_value.is_null() || kind == VarKind::kValue || !slot_value.is_int()) return slot_value;
  const auto id = static_cast<uint64_t>(slot_value.as_int());
  return kind == VarKind::kNode ? MaterializeNode(ctx, id) : MaterializeRel(ctx, id);
}

Result<std::vector<std::pair<std::string, Value>>> EvaluateProperties(
    ExecContext& ctx, const std::vector<std::pair<std::string, ExprPtr>>& props, Row& row) {
  std::vector<std::pair<std::string, Value>> out;
  for (const auto& [key, expr] : props) {
    COPMAP_ASSIGN_OR_RETURN(Value v, Evaluate(*expr, row, ctx));
    if (!key.empty()) {
      out.emplace_back(key, std::move(v));
      continue;
    }
    if (v.is_null()) continue;
    if (!v.is_map()) return runtime::TypeMismatch("a property map", v);
    for (const auto& [k, value] : v.as_map()) out.emplace_back(k, value);
  }
  return out;
}

namespace {

Result<bool> PropertiesMatch(ExecContext& ctx, bool is_node, uint64_t id,
                             const std::vector<std::pair<std::string, ExprPtr>>& props,
                             Row& row) {
  if (props.empty()) return true;
  COPMAP_ASSIGN_OR_RETURN(auto wanted, EvaluateProperties(ctx, props, row));
  for (const auto& [key, value] : wanted) {
    std::optional<storage::PropKeyId> pid = ctx.PropKey(key);
    if (!pid) return false;
    COPMAP_ASSIGN_OR_RETURN(Value have, is_node ? ctx.txn->GetNodeProperty(id, *pid)
                                                : ctx.txn->GetRelProperty(id, *pid));
    if (!runtime::IsTrue(runtime::Equals(have, value))) return false;
  }
  return true;
}

}  // namespace

Result<bool> NodeMatches(ExecContext& ctx, storage::NodeId id, const BoundNode& node, Row& row) {
  if (!node.labels.empty()) {
    storage::NodeRecord scratch;
    COPMAP_ASSIGN_OR_RETURN(const storage::NodeRecord* rec, ctx.NodeRecordOf(id, &scratch));
    for (const std::string& label : node.labels) {
      std::optional<storage::LabelId> lid = ctx.Label(label);
      if (!lid || !std::binary_search(rec->labels.begin(), rec->labels.end(), *lid)) return false;
    }
  }
  return PropertiesMatch(ctx, true, id, node.properties, row);
}

Result<bool> NodePropertiesMatch(ExecContext& ctx, storage::NodeId id, const BoundNode& node,
                                 Row& row) {
  return PropertiesMatch(ctx, true, id, node.properties, row);
}

Result<bool> RelPropertiesMatch(ExecContext& ctx, storage::RelId id, const BoundRel& rel,
                                Row& row) {
  return PropertiesMatch(ctx, false, id, rel.properties, row);
}

Result<Value> BuildPathValue(ExecContext& ctx, const BoundPatternPart& part, const Row& row) {
  PathValue path;
  const Value& first = row[part.nodes[0].slot];
  if (first.is_null()) return Value();
  COPMAP_ASSIGN_OR_RETURN(Value start, MaterializeNode(ctx, first.as_int()));
  path.nodes.push_back(start.as_node());
  for (size_t i = 0; i < part.rels.size(); ++i) {
    const BoundRel& rel = part.rels[i];
    const Value& r = row[rel.slot];
    if (r.is_null()) return Value();
    std::vector<RelationshipValue> rels;
    if (rel.var_length) {
      for (const Value& item : r.as_list()) rels.push_back(item.as_relationship());
    } else {
      COPMAP_ASSIGN_OR_RETURN(Value one, MaterializeRel(ctx, r.as_int()));
      rels.push_back(one.as_relationship());
    }
    for (RelationshipValue& step : rels) {
      const uint64_t at = path.nodes.back().id;
      const uint64_t next = step.start == at ? step.end : step.start;
      COPMAP_ASSIGN_OR_RETURN(Value node, MaterializeNode(ctx, next));
      path.relationships.push_back(std::move(step));
      path.nodes.push_back(node.as_node());
    }
  }
  return Value(std::move(path));
}

namespace {

// Depth-first search along the chain of a pattern predicate from node i.
Result<bool> MatchFrom(ExecContext& ctx, const BoundPatternPart& part, const ExprPtr& where,
                       size_t i, Row& row, std::vector<storage::RelId>* used) {
  if (i + 1 == part.nodes.size()) {
    if (!where) return true;
    return EvaluatePredicate(*where, row, ctx);
  }
  const BoundRel& rel = part.rels[i];
  if (rel.var_length) {
    return Status::NotSupported("variable-length relationships in pattern predicates");
  }
  const BoundNode& next = part.nodes[i + 1];
  const auto from = static_cast<storage::NodeId>(row[part.nodes[i].slot].as_int());
  const Value& target = row[next.slot];
  const bool target_bound = next.bound_before && !target.is_null();
  std::vector<storage::Direction> dirs;
  if (!rel.left) dirs.push_back(storage::Direction::kOut);
  if (!rel.right) dirs.push_back(storage::Direction::kIn);
  std::vector<std::optional<storage::RelTypeId>> types;
  if (rel.types.empty()) types.push_back(std::nullopt);
  for (const std::string& t : rel.types) {
    if (auto id = ctx.RelType(t)) types.push_back(*id);
  }
  for (storage::Direction dir : dirs) {
    for (const auto& type : types) {
      for (auto it = ctx.txn->Expand(from, dir, type); it->Valid(); it->Next()) {
        const storage::AdjEntry& e = it->entry();
        if (dir == storage::Direction::kIn && dirs.size() == 2 && e.neighbor == from) continue;
        if (std::find(used->begin(), used->end(), e.rel) != used->end()) continue;
        if (target_bound && static_cast<int64_t>(e.neighbor) != target.as_int()) continue;
        if (rel.bound_before && row[rel.slot].as_int() != static_cast<int64_t>(e.rel)) continue;
        Value saved_node = row[next.slot], saved_rel = row[rel.slot];
        row[next.slot] = Value(static_cast<int64_t>(e.neighbor));
        row[rel.slot] = Value(static_cast<int64_t>(e.rel));
        auto node_ok = NodeMatches(ctx, e.neighbor, next, row);
        auto rel_ok = RelPropertiesMatch(ctx, e.rel, rel, row);
        Result<bool> found = false;
        if (node_ok.ok() && rel_ok.ok() && *node_ok && *rel_ok) {
          used->push_back(e.rel);
          found = MatchFrom(ctx, part, where, i + 1, row, used);
          used->pop_back();
        }
        row[next.slot] = std::move(saved_node);
        row[rel.slot] = std::move(saved_rel);
        if (!node_ok.ok()) return node_ok.status();
        if (!rel_ok.ok()) return rel_ok.status();
        if (!found.ok() || *found) return found;
      }
      COPMAP_RETURN_IF_ERROR(ctx.CheckInterrupt());
    }
  }
  return false;
}

}  // namespace

Result<bool> PatternPredicateHolds(ExecContext& ctx, int index, Row& row) {
  const BoundPatternPart& part = ctx.query->predicate_patterns[index];
  const ExprPtr& where = ctx.query->predicate_wheres[index];
  const Value& start = row[part.nodes[0].slot];
  if (!part.nodes[0].bound_before) {
    return Status::NotSupported(
        "a pattern predicate must start at a variable bound before it: (n)-->()");
  }
  if (start.is_null()) return false;
  COPMAP_ASSIGN_OR_RETURN(bool first_ok, NodeMatches(ctx, start.as_int(), part.nodes[0], row));
  if (!first_ok) return false;
  std::vector<storage::RelId> used;
  return MatchFrom(ctx, part, where, 0, row, &used);
}

}  // namespace copmap::query
