#include "cli/analysis.h"

namespace copmap::cli {
namespace {

// The property that names a node for people: a person's name, else the
// first of name, title, email; else its id.
Value NodeName(const NodeValue& node) {
  for (const char* key : {"name", "title", "email"}) {
    for (const auto& [k, v] : node.properties) {
      if (k == key && !v.is_null()) return v;
    }
  }
  return Value("#" + std::to_string(node.id));
}

Value Readable(const Value& value) {
  if (value.is_node()) return NodeName(value.as_node());
  if (value.is_list()) {
    ValueList list;
    for (const Value& v : value.as_list()) list.push_back(Readable(v));
    return Value(std::move(list));
  }
  return value;
}

}  // namespace

Result<analytics::ProcedureRows> RunAnalysis(storage::GraphStore& store, std::string_view name,
                                             std::vector<Value> positional, ValueMap options) {
  std::string qualified(name);
  if (qualified.rfind("cop.", 0) != 0) qualified = "cop." + qualified;
  COPMAP_ASSIGN_OR_RETURN(const analytics::ProcedureDef* def,
                          analytics::FindCopProcedure(qualified));
  if (!options.empty()) {
    size_t map_index = def->params.size();
    for (size_t i = 0; i < def->params.size(); ++i) {
      if (def->params[i].type == "MAP") map_index = i;
    }
    if (map_index == def->params.size()) {
      return Status::InvalidArgument(qualified + " takes no options, got --param " +
                                     options.front().first);
    }
    if (positional.size() > map_index) {
      return Status::InvalidArgument(qualified + ": too many arguments before the options");
    }
    positional.resize(map_index);
    positional.push_back(Value(std::move(options)));
  }
  storage::TransactionOptions txn_options;
  txn_options.read_only = true;
  std::unique_ptr<storage::Transaction> txn = store.Begin(txn_options);
  return analytics::RunCopProcedure(*txn, qualified, std::move(positional));
}

Status SendRows(const analytics::ProcedureRows& rows, bool readable, query::RowSink& sink) {
  COPMAP_RETURN_IF_ERROR(sink.OnHeader(rows.columns));
  for (const auto& row : rows.rows) {
    if (!readable) {
      COPMAP_RETURN_IF_ERROR(sink.OnRow(row));
      continue;
    }
    std::vector<Value> shown;
    shown.reserve(row.size());
    for (const Value& v : row) shown.push_back(Readable(v));
    COPMAP_RETURN_IF_ERROR(sink.OnRow(shown));
  }
  return Status::OK();
}

std::string AnalysisList() {
  std::string list;
  for (const analytics::ProcedureDef& def : analytics::CopProcedures()) {
    std::string signature;
    for (const auto& p : def.params) {
      if (!signature.empty()) signature += ", ";
      signature += p.optional ? "[" + p.name + "]" : p.name;
    }
    // The first sentence: up to ". ", not the first '.', which cut
    // "(MEMBER_OF.until)" and "Person.org" short.
    const size_t end = def.description.find(". ");
    list += "\n  " + def.name.substr(4) + "(" + signature + "): " +
            def.description.substr(0, end == std::string::npos ? end : end + 1);
  }
  return list;
}

}  // namespace copmap::cli
