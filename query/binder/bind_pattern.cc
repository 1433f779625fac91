// Binding patterns of MATCH, CREATE, MERGE and pattern predicates.
#include "query/binder/binder_impl.h"

namespace copmap::query {

Status Binder::BindProperties(const boost::optional<ast::Atom>& props, uint32_t offset,
                              std::vector<std::pair<std::string, ExprPtr>>* out) {
  if (!props) return Status::OK();
  if (const auto* map = boost::get<ast::x3::forward_ast<ast::MapLiteral>>(&*props)) {
    for (const ast::MapEntry& entry : map->get().entries) {
      COPMAP_ASSIGN_OR_RETURN(ExprPtr value, BindExpression(entry.value));
      out->emplace_back(entry.key, std::move(value));
    }
    return Status::OK();
  }
  // A parameter holding a map: the empty key stands for "all entries of".
  COPMAP_ASSIGN_OR_RETURN(ExprPtr value, BindAtom(*props, offset));
  out->emplace_back("", std::move(value));
  return Status::OK();
}

Result<BoundPatternPart> Binder::BindPatternPart(const ast::PatternPart& part, PatternMode mode,
                                                 std::vector<int>* new_slots) {
  BoundPatternPart out;
  out.offset = part.offset;
  out.shortest = part.shortest;
  const bool creating = mode == PatternMode::kCreate || mode == PatternMode::kMerge;

  auto bind_node = [&](const ast::NodePattern& np) -> Result<BoundNode> {
    BoundNode node;
    node.labels = np.labels;
    if (np.variable) {
      node.name = np.variable->name;
      auto it = scope_.find(node.name);
      if (it != scope_.end()) {
        if (it->second.kind != VarKind::kNode) {
          return Error(np.variable->offset, "VariableTypeConflict",
                       "Variable `" + node.name + "` already declared as another type");
        }
        if (creating && (!np.labels.empty() || np.properties) &&
            mode == PatternMode::kCreate) {
          return Error(np.variable->offset, "VariableAlreadyBound",
                       "Variable `" + node.name + "` already declared");
        }
        node.slot = it->second.slot;
        node.bound_before = true;
        NoteRead(node.slot);
      }
    }
    if (node.slot < 0) {
      node.slot = NewSlot();
      if (new_slots) new_slots->push_back(node.slot);
      if (np.variable) scope_[node.name] = VarInfo{node.slot, VarKind::kNode};
    }
    COPMAP_RETURN_IF_ERROR(BindProperties(np.properties, np.offset, &node.properties));
    return node;
  };

  COPMAP_ASSIGN_OR_RETURN(BoundNode first, bind_node(part.element.first));
  out.nodes.push_back(std::move(first));
  for (const ast::PatternLink& link : part.element.links) {
    BoundRel rel;
    rel.offset = link.rel.offset;
    rel.left = link.rel.left_arrow;
    rel.right = link.rel.right_arrow;
    // openCypher reads <--> as either direction, like --.
    if (rel.left && rel.right) rel.left = rel.right = false;
    if (link.rel.detail) {
      const ast::RelDetail& d = *link.rel.detail;
      rel.types = d.types;
      if (d.length) {
        rel.var_length = true;
        rel.min_hops = d.length->min ? static_cast<uint32_t>(*d.length->min) : 1;
        if (!d.length->has_dots && d.length->min) {
          rel.max_hops = rel.min_hops;  // *2 means exactly two
        } else if (d.length->max) {
          rel.max_hops = static_cast<uint32_t>(*d.length->max);
        } else {
          rel.unbounded = true;
          rel.max_hops = UINT32_MAX;
        }
        // An upper bound below the lower one (*3..1) matches nothing, as
        // openCypher defines it.
      }
      if (creating && rel.var_length) {
        return Error(link.rel.offset, "CreatingVarLength",
                     "a variable-length relationship cannot be created");
      }
      if (d.variable) {
        rel.name = d.variable->name;
        auto it = scope_.find(rel.name);
        if (it != scope_.end()) {
          if (creating || rel.var_length || it->second.kind != VarKind::kRelationship) {
            return Error(d.variable->offset,
                         it->second.kind == VarKind::kRelationship ? "VariableAlreadyBound"
                                                                   : "VariableTypeConflict",
                         "Variable `" + rel.name + "` already declared");
          }
          rel.slot = it->second.slot;
          rel.bound_before = true;
          NoteRead(rel.slot);
        }
      }
      COPMAP_RETURN_IF_ERROR(BindProperties(d.properties, link.rel.offset, &rel.properties));
    }
    if (creating) {
      if (rel.types.size() != 1) {
        return Error(link.rel.offset, "NoSingleRelationshipType",
                     "a relationship to create needs exactly one type");
      }
      if (!rel.left && !rel.right && mode == PatternMode::kCreate) {
        return Error(link.rel.offset, "RequiresDirectedRelationship",
                     "a relationship to create needs a direction");
      }
    }
    if (rel.slot < 0) {
      rel.slot = NewSlot();
      if (new_slots) new_slots->push_back(rel.slot);
      if (!rel.name.empty()) {
        scope_[rel.name] =
            VarInfo{rel.slot, rel.var_length ? VarKind::kValue : VarKind::kRelationship};
      }
    }
    out.rels.push_back(std::move(rel));
    COPMAP_ASSIGN_OR_RETURN(BoundNode node, bind_node(link.node));
    out.nodes.push_back(std::move(node));
  }
  if (part.shortest != ast::ShortestKind::kNone) {
    if (out.rels.size() != 1 || !out.rels[0].var_length) {
      return Error(part.offset, "InvalidShortestPath",
                   "shortestPath needs one variable-length relationship: (a)-[*]-(b)");
    }
  }
  if (part.path_variable) {
    if (scope_.count(part.path_variable->name)) {
      return Error(part.path_variable->offset, "VariableAlreadyBound",
                   "Variable `" + part.path_variable->name + "` already declared");
    }
    out.path_slot = NewSlot();
    if (new_slots) new_slots->push_back(out.path_slot);
    scope_[part.path_variable->name] = VarInfo{out.path_slot, VarKind::kValue};
  }
  return out;
}

}  // namespace copmap::query
