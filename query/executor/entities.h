// Nodes and relationships in rows: materializing them as Values, reading
// their properties, and checking them against pattern elements.
#pragma once

#include "query/binder/bound_statement.h"
#include "query/executor/exec_context.h"

namespace copmap::query {

Result<Value> MaterializeNode(ExecContext& ctx, storage::NodeId id);
Result<Value> MaterializeRel(ExecContext& ctx, storage::RelId id);
// A slot value of the given kind as a Value (ids become nodes/relationships).
Result<Value> MaterializeSlot(ExecContext& ctx, const Value& slot_value, VarKind kind);

// The properties of a pattern element evaluated against `row`: (key, value).
// The empty key stands for a map whose entries all apply.
Result<std::vector<std::pair<std::string, Value>>> EvaluateProperties(
    ExecContext& ctx, const std::vector<std::pair<std::string, ExprPtr>>& props, Row& row);

// Whether node `id` has the labels and properties `node` asks for.
Result<bool> NodeMatches(ExecContext& ctx, storage::NodeId id, const BoundNode& node, Row& row);
// Whether node `id` has the properties `node` asks for (labels not checked).
Result<bool> NodePropertiesMatch(ExecContext& ctx, storage::NodeId id, const BoundNode& node, Row& row);
// Whether relationship `id` has the properties `rel` asks for (types are
// checked by the caller while expanding).
Result<bool> RelPropertiesMatch(ExecContext& ctx, storage::RelId id, const BoundRel& rel,
                                Row& row);

// The path of a pattern part from the ids and relationship lists in `row`.
Result<Value> BuildPathValue(ExecContext& ctx, const BoundPatternPart& part, const Row& row);

// Whether the pattern predicate `index` of ctx.query holds for `row`.
Result<bool> PatternPredicateHolds(ExecContext& ctx, int index, Row& row);

}  // namespace copmap::query
