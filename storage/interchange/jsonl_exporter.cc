#include <algorithm>
#include <cmath>
#include <map>

#include "storage/interchange/exporter.h"
#include "storage/interchange/field_value.h"
#include "storage/interchange/output_file.h"

namespace copmap::interchange {
namespace {

void AppendJsonValue(std::string* out, const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull: out->append("null"); break;
    case Value::Kind::kBool: out->append(v.as_bool() ? "true" : "false"); break;
    case Value::Kind::kInt: out->append(std::to_string(v.as_int())); break;
    case Value::Kind::kFloat: {
      double d = v.as_float();
      if (std::isnan(d)) out->append("\"NaN\"");
      else if (std::isinf(d)) out->append(d > 0 ? "\"Infinity\"" : "\"-Infinity\"");
      else out->append(FormatDouble(d));
      break;
    }
    case Value::Kind::kString: AppendJsonString(out, v.as_string()); break;
    case Value::Kind::kDate: AppendJsonString(out, FormatDate(v.as_date())); break;
    case Value::Kind::kDateTime: AppendJsonString(out, FormatDateTime(v.as_datetime())); break;
    case Value::Kind::kList: {
      out->push_back('[');
      bool first = true;
      for (const Value& item : v.as_list()) {
        if (!first) out->push_back(',');
        first = false;
        AppendJsonValue(out, item);
      }
      out->push_back(']');
      break;
    }
    default:
      AppendJsonString(out, v.ToString());  // not a property kind; kept readable
  }
}

// Property names are looked up once per key id.
class KeyNames {
 public:
  explicit KeyNames(storage::Transaction& txn) : txn_(txn) {}
  // The reference stays valid: map nodes never move.
  const std::string& operator()(storage::PropKeyId id) {
    auto [it, fresh] = names_.try_emplace(id);
    if (fresh) it->second = txn_.PropKeyName(id);
    return it->second;
  }

 private:
  storage::Transaction& txn_;
  std::map<storage::PropKeyId, std::string> names_;
};

void AppendProperties(std::string* out, const storage::Properties& props, KeyNames& names) {
  std::vector<std::pair<const std::string*, const Value*>> sorted;
  for (const auto& [key, value] : props) sorted.emplace_back(&names(key), &value);
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return *a.first < *b.first; });
  out->append("\"properties\":{");
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (i) out->push_back(',');
    AppendJsonString(out, *sorted[i].first);
    out->push_back(':');
    AppendJsonValue(out, *sorted[i].second);
  }
  out->append("}}\n");
}

}  // namespace

Status ExportJsonl(storage::GraphStore& store, const std::string& path, ExportSummary* summary) {
  auto txn = store.Begin(storage::TransactionOptions{.read_only = true});
  COPMAP_ASSIGN_OR_RETURN(auto file, OutputFile::Create(path));
  KeyNames keys(*txn);
  std::string line;
  auto nodes = txn->ScanAllNodes();
  for (auto& it = nodes; it->Valid(); it->Next()) {
    COPMAP_ASSIGN_OR_RETURN(storage::NodeRecord node, txn->GetNode(it->id()));
    line = "{\"type\":\"node\",\"id\":" + std::to_string(node.id) + ",\"labels\":[";
    for (size_t i = 0; i < node.labels.size(); ++i) {
      if (i) line.push_back(',');
      AppendJsonString(&line, txn->LabelName(node.labels[i]));
    }
    line.append("],");
    AppendProperties(&line, node.properties, keys);
    file->Write(line);
    ++summary->nodes;
  }
  COPMAP_RETURN_IF_ERROR(nodes->status());
  auto rels = txn->ScanAllRels();
  for (auto& it = rels; it->Valid(); it->Next()) {
    COPMAP_ASSIGN_OR_RETURN(storage::RelRecord rel, txn->GetRel(it->id()));
    line = "{\"type\":\"relationship\",\"id\":" + std::to_string(rel.id) + ",\"label\":";
    AppendJsonString(&line, txn->RelTypeName(rel.type));
    line += ",\"start\":" + std::to_string(rel.start) + ",\"end\":" + std::to_string(rel.end) + ",";
    AppendProperties(&line, rel.properties, keys);
    file->Write(line);
    ++summary->relationships;
  }
  COPMAP_RETURN_IF_ERROR(rels->status());
  COPMAP_RETURN_IF_ERROR(file->Close());
  summary->files.push_back(path);
  return Status::OK();
}

}  // namespace copmap::interchange
