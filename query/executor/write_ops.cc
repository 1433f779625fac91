// Writes: CREATE, MERGE, SET, REMOVE and DELETE, one input row at a time,
// in the query's transaction (the engine commits or rolls back).
#include <algorithm>

#include "query/executor/entities.h"
#include "query/executor/evaluator.h"
#include "query/executor/operator.h"
#include "query/executor/traversal.h"
#include "query/runtime/errors.h"

namespace copmap::query {

namespace {

using storage::NodeId;

Result<storage::Properties> ToProperties(ExecContext& ctx,
                                         const std::vector<std::pair<std::string, Value>>& in) {
  storage::Properties out;
  for (const auto& [key, value] : in) {
    if (value.is_null()) continue;
    if (!value.IsPropertyValue()) {
      return runtime::TypeMismatch("a property value for `" + key + "`", value,
                                   "InvalidPropertyType");
    }
    COPMAP_ASSIGN_OR_RETURN(storage::PropKeyId id, ctx.txn->GetOrCreatePropKey(key));
    auto it = std::find_if(out.begin(), out.end(), [id](const auto& p) { return p.first == id; });
    if (it != out.end()) {
      it->second = value;
    } else {
      out.emplace_back(id, value);
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

Result<NodeId> CreateNode(ExecContext& ctx, const BoundNode& node, Row& row) {
  std::vector<storage::LabelId> labels;
  for (const std::string& l : node.labels) {
    COPMAP_ASSIGN_OR_RETURN(storage::LabelId id, ctx.txn->GetOrCreateLabel(l));
    if (std::find(labels.begin(), labels.end(), id) == labels.end()) labels.push_back(id);
  }
  std::sort(labels.begin(), labels.end());
  COPMAP_ASSIGN_OR_RETURN(auto values, EvaluateProperties(ctx, node.properties, row));
  COPMAP_ASSIGN_OR_RETURN(storage::Properties props, ToProperties(ctx, values));
  COPMAP_ASSIGN_OR_RETURN(NodeId id, ctx.txn->CreateNode(labels, props));
  ctx.counters.nodes_created++;
  ctx.counters.labels_added += labels.size();
  ctx.counters.properties_set += props.size();
  row[node.slot] = Value(static_cast<int64_t>(id));
  return id;
}

Status CreateRel(ExecContext& ctx, const BoundPatternPart& part, size_t i, Row& row) {
  const BoundRel& rel = part.rels[i];
  const Value& a = row[part.nodes[i].slot];
  const Value& b = row[part.nodes[i + 1].slot];
  if (a.is_null() || b.is_null()) {
    return Status::SemanticError("Failed to create relationship `" + rel.name +
                                 "`, node was missing (null)");
  }
  NodeId start = a.as_int(), end = b.as_int();
  if (rel.left) std::swap(start, end);
  COPMAP_ASSIGN_OR_RETURN(storage::RelTypeId type, ctx.txn->GetOrCreateRelType(rel.types[0]));
  COPMAP_ASSIGN_OR_RETURN(auto values, EvaluateProperties(ctx, rel.properties, row));
  COPMAP_ASSIGN_OR_RETURN(storage::Properties props, ToProperties(ctx, values));
  COPMAP_ASSIGN_OR_RETURN(storage::RelId id, ctx.txn->CreateRel(type, start, end, props));
  ctx.counters.relationships_created++;
  ctx.counters.properties_set += props.size();
  row[rel.slot] = Value(static_cast<int64_t>(id));
  return Status::OK();
}

// Creates what the pattern part does not already have bound.
Status CreatePart(ExecContext& ctx, const BoundPatternPart& part, Row& row) {
  for (const BoundNode& node : part.nodes) {
    if (node.bound_before) continue;
    if (!row[node.slot].is_null()) continue;  // an earlier occurrence in this part
    COPMAP_RETURN_IF_ERROR(CreateNode(ctx, node, row).status());
  }
  for (size_t i = 0; i < part.rels.size(); ++i) COPMAP_RETURN_IF_ERROR(CreateRel(ctx, part, i, row));
  if (part.path_slot >= 0) {
    COPMAP_ASSIGN_OR_RETURN(row[part.path_slot], BuildPathValue(ctx, part, row));
  }
  return Status::OK();
}

Status ApplySetItem(ExecContext& ctx, const BoundSetItem& item, Row& row) {
  const Value& target = row[item.slot];
  if (target.is_null()) return Status::OK();
  const uint64_t id = static_cast<uint64_t>(target.as_int());
  const bool node = item.var_kind == VarKind::kNode;
  auto set_one = [&](const std::string& key, const Value& v) -> Status {
    if (!v.is_null() && !v.IsPropertyValue()) {
      return runtime::TypeMismatch("a property value for `" + key + "`", v, "InvalidPropertyType");
    }
    COPMAP_ASSIGN_OR_RETURN(storage::PropKeyId pid, ctx.txn->GetOrCreatePropKey(key));
    COPMAP_RETURN_IF_ERROR(node ? ctx.txn->SetNodeProperty(id, pid, v)
                                : ctx.txn->SetRelProperty(id, pid, v));
    ctx.counters.properties_set++;
    return Status::OK();
  };
  switch (item.kind) {
    case BoundSetItem::Kind::kProperty: {
      COPMAP_ASSIGN_OR_RETURN(Value v, Evaluate(*item.value, row, ctx));
      return set_one(item.key, v);
    }
    case BoundSetItem::Kind::kReplace:
    case BoundSetItem::Kind::kMerge: {
      COPMAP_ASSIGN_OR_RETURN(Value v, Evaluate(*item.value, row, ctx));
      const ValueMap* map = v.is_map()            ? &v.as_map()
                            : v.is_node()         ? &v.as_node().properties
                            : v.is_relationship() ? &v.as_relationship().properties
                                                  : nullptr;
      if (!map && !v.is_null()) return runtime::TypeMismatch("SET = needs a map", v);
      if (item.kind == BoundSetItem::Kind::kReplace) {
        storage::Properties current;
        if (node) {
          COPMAP_ASSIGN_OR_RETURN(storage::NodeRecord rec, ctx.txn->GetNode(id));
          current = rec.properties;
        } else {
          COPMAP_ASSIGN_OR_RETURN(storage::RelRecord rec, ctx.txn->GetRel(id));
          current = rec.properties;
        }
        for (const auto& [pid, value] : current) {
          const std::string name = ctx.txn->PropKeyName(pid);
          bool kept = map && std::any_of(map->begin(), map->end(),
                                         [&](const auto& e) { return e.first == name; });
          if (!kept) COPMAP_RETURN_IF_ERROR(set_one(name, Value()));
        }
      }
      if (map) {
        for (const auto& [key, value] : *map) COPMAP_RETURN_IF_ERROR(set_one(key, value));
      }
      return Status::OK();
    }
    case BoundSetItem::Kind::kLabels: {
      COPMAP_ASSIGN_OR_RETURN(storage::NodeRecord rec, ctx.txn->GetNode(id));
      for (const std::string& l : item.labels) {
        COPMAP_ASSIGN_OR_RETURN(storage::LabelId lid, ctx.txn->GetOrCreateLabel(l));
        if (std::binary_search(rec.labels.begin(), rec.labels.end(), lid)) continue;
        COPMAP_RETURN_IF_ERROR(ctx.txn->AddLabel(id, lid));
        rec.labels.insert(std::lower_bound(rec.labels.begin(), rec.labels.end(), lid), lid);
        ctx.counters.labels_added++;
      }
      return Status::OK();
    }
  }
  return Status::OK();
}

Status RemoveItem(ExecContext& ctx, const BoundSetItem& item, Row& row) {
  const Value& target = row[item.slot];
  if (target.is_null()) return Status::OK();
  const uint64_t id = static_cast<uint64_t>(target.as_int());
  if (item.kind == BoundSetItem::Kind::kLabels) {
    COPMAP_ASSIGN_OR_RETURN(storage::NodeRecord rec, ctx.txn->GetNode(id));
    for (const std::string& l : item.labels) {
      auto lid = ctx.Label(l);
      if (!lid || !std::binary_search(rec.labels.begin(), rec.labels.end(), *lid)) continue;
      COPMAP_RETURN_IF_ERROR(ctx.txn->RemoveLabel(id, *lid));
      rec.labels.erase(std::lower_bound(rec.labels.begin(), rec.labels.end(), *lid));
      ctx.counters.labels_removed++;
    }
    return Status::OK();
  }
  auto pid = ctx.PropKey(item.key);
  if (!pid) return Status::OK();
  const bool node = item.var_kind == VarKind::kNode;
  COPMAP_ASSIGN_OR_RETURN(Value have, node ? ctx.txn->GetNodeProperty(id, *pid)
                                           : ctx.txn->GetRelProperty(id, *pid));
  if (have.is_null()) return Status::OK();
  ctx.counters.properties_set++;
  return node ? ctx.txn->SetNodeProperty(id, *pid, Value())
              : ctx.txn->SetRelProperty(id, *pid, Value());
}

Status DeleteNode(ExecContext& ctx, NodeId id, bool detach) {
  if (!ctx.txn->NodeExists(id)) return Status::OK();  // deleted by an earlier row
  uint64_t degree = 0;
  for (auto dir : {storage::Direction::kOut, storage::Direction::kIn}) {
    COPMAP_ASSIGN_OR_RETURN(uint64_t d, ctx.txn->Degree(id, dir, std::nullopt));
    degree += d;
  }
  if (degree > 0 && !detach) {
    return Status::ConstraintError("DeleteConnectedNode: Cannot delete node<" + std::to_string(id) +
                                   ">, because it still has relationships. To delete this node, "
                                   "you must first delete its relationships.");
  }
  if (detach) {
    // A self loop shows in both directions but is one relationship.
    std::vector<storage::RelId> rels;
    for (auto dir : {storage::Direction::kOut, storage::Direction::kIn}) {
      for (auto it = ctx.txn->Expand(id, dir, std::nullopt); it->Valid(); it->Next()) {
        rels.push_back(it->entry().rel);
      }
    }
    std::sort(rels.begin(), rels.end());
    rels.erase(std::unique(rels.begin(), rels.end()), rels.end());
    ctx.counters.relationships_deleted += rels.size();
  }
  COPMAP_RETURN_IF_ERROR(ctx.txn->DeleteNode(id, detach));
  ctx.counters.nodes_deleted++;
  return Status::OK();
}

Status DeleteRel(ExecContext& ctx, storage::RelId id) {
  auto rec = ctx.txn->GetRel(id);
  if (!rec.ok()) return Status::OK();  // deleted by an earlier row
  COPMAP_RETURN_IF_ERROR(ctx.txn->DeleteRel(id));
  ctx.counters.relationships_deleted++;
  return Status::OK();
}

Status DeleteValue(ExecContext& ctx, const Value& v, bool detach) {
  switch (v.kind()) {
    case Value::Kind::kNull: return Status::OK();
    case Value::Kind::kNode: return DeleteNode(ctx, v.as_node().id, detach);
    case Value::Kind::kRelationship: return DeleteRel(ctx, v.as_relationship().id);
    case Value::Kind::kPath:
      for (const RelationshipValue& r : v.as_path().relationships) {
        COPMAP_RETURN_IF_ERROR(DeleteRel(ctx, r.id));
      }
      for (const NodeValue& n : v.as_path().nodes) COPMAP_RETURN_IF_ERROR(DeleteNode(ctx, n.id, detach));
      return Status::OK();
    case Value::Kind::kList:
      for (const Value& item : v.as_list()) COPMAP_RETURN_IF_ERROR(DeleteValue(ctx, item, detach));
      return Status::OK();
    default:
      return runtime::TypeMismatch("DELETE needs a node, relationship or path", v);
  }
}

// MERGE of a node, or of a relationship between two bound nodes.
Result<std::vector<Row>> MergeMatches(ExecContext& ctx, const BoundPatternPart& part, Row& row) {
  std::vector<Row> out;
  if (part.rels.empty()) {
    const BoundNode& node = part.nodes[0];
    if (node.bound_before) {
      out.push_back(row);
      return out;
    }
    std::unique_ptr<storage::NodeIterator> it;
    if (!node.labels.empty()) {
      auto lid = ctx.Label(node.labels[0]);
      if (!lid) return out;
      it = ctx.txn->ScanLabel(*lid);
    } else {
      it = ctx.txn->ScanAllNodes();
    }
    for (; it->Valid(); it->Next()) {
      COPMAP_RETURN_IF_ERROR(ctx.CheckInterrupt());
      COPMAP_ASSIGN_OR_RETURN(bool ok, NodeMatches(ctx, it->id(), node, row));
      if (!ok) continue;
      Row r = row;
      r[node.slot] = Value(static_cast<int64_t>(it->id()));
      out.push_back(std::move(r));
    }
    COPMAP_RETURN_IF_ERROR(it->status());
    return out;
  }
  if (part.rels.size() != 1 || !part.nodes[0].bound_before || !part.nodes[1].bound_before) {
    return Status::NotSupported(
        "MERGE of a relationship needs both end nodes bound by an earlier clause: "
        "MATCH (a ...), (b ...) MERGE (a)-[:T]->(b)");
  }
  const BoundRel& rel = part.rels[0];
  const Value& a = row[part.nodes[0].slot];
  const Value& b = row[part.nodes[1].slot];
  if (a.is_null() || b.is_null()) {
    return Status::SemanticError("Failed to merge relationship: an end node is null");
  }
  Traversal t = Traversal::For(ctx, rel, true);
  for (const Traversal::Step& s : t.steps) {
    for (auto it = ctx.txn->Expand(a.as_int(), s.direction, s.type); it->Valid(); it->Next()) {
      const storage::AdjEntry& e = it->entry();
      if (t.Skip(s, a.as_int(), e) || static_cast<int64_t>(e.neighbor) != b.as_int()) continue;
      COPMAP_ASSIGN_OR_RETURN(bool ok, RelPropertiesMatch(ctx, e.rel, rel, row));
      if (!ok) continue;
      Row r = row;
      r[rel.slot] = Value(static_cast<int64_t>(e.rel));
      out.push_back(std::move(r));
    }
  }
  return out;
}

class Write final : public Operator {
 public:
  using Operator::Operator;

 protected:
  Result<bool> NextRow(Row& row) override {
    if (!buffered_.empty()) {
      row = std::move(buffered_.back());
      buffered_.pop_back();
      return true;
    }
    COPMAP_ASSIGN_OR_RETURN(bool more, input().Next(row));
    if (!more) return false;
    const BoundClause& c = *logical_.clause;
    switch (logical_.kind) {
      case LogicalOpKind::kCreate:
        for (const BoundPatternPart& part : c.create.parts) {
          COPMAP_RETURN_IF_ERROR(CreatePart(ctx_, part, row));
        }
        return true;
      case LogicalOpKind::kSet:
        for (const BoundSetItem& item : c.set.items) COPMAP_RETURN_IF_ERROR(ApplySetItem(ctx_, item, row));
        return true;
      case LogicalOpKind::kRemove:
        for (const BoundSetItem& item : c.remove.items) COPMAP_RETURN_IF_ERROR(RemoveItem(ctx_, item, row));
        return true;
      case LogicalOpKind::kDelete:
        for (const ExprPtr& target : c.del.targets) {
          Value v;
          if (target->kind == ExprKind::kEntity) {
            const Value& id = row[target->slot];
            if (id.is_null()) continue;
            COPMAP_RETURN_IF_ERROR(target->var_kind == VarKind::kNode
                                       ? DeleteNode(ctx_, id.as_int(), c.del.detach)
                                       : DeleteRel(ctx_, id.as_int()));
            continue;
          }
          COPMAP_ASSIGN_OR_RETURN(v, Evaluate(*target, row, ctx_));
          COPMAP_RETURN_IF_ERROR(DeleteValue(ctx_, v, c.del.detach));
        }
        return true;
      default: {
        COPMAP_ASSIGN_OR_RETURN(std::vector<Row> matches, MergeMatches(ctx_, c.merge.part, row));
        if (matches.empty()) {
          COPMAP_RETURN_IF_ERROR(CreatePart(ctx_, c.merge.part, row));
          for (const BoundSetItem& item : c.merge.on_create) {
            COPMAP_RETURN_IF_ERROR(ApplySetItem(ctx_, item, row));
          }
          return true;
        }
        for (Row& m : matches) {
          for (const BoundSetItem& item : c.merge.on_match) COPMAP_RETURN_IF_ERROR(ApplySetItem(ctx_, item, m));
          if (c.merge.part.path_slot >= 0) {
            COPMAP_ASSIGN_OR_RETURN(m[c.merge.part.path_slot], BuildPathValue(ctx_, c.merge.part, m));
          }
        }
        std::reverse(matches.begin(), matches.end());
        row = std::move(matches.back());
        matches.pop_back();
        buffered_ = std::move(matches);
        return true;
      }
    }
  }

 private:
  std::vector<Row> buffered_;
};

}  // namespace

OperatorPtr MakeWriteOperator(const LogicalOperator& op, ExecContext& ctx) {
  return std::make_unique<Write>(op, ctx);
}

}  // namespace copmap::query
