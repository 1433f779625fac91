#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "storage/interchange/exporter.h"
#include "storage/interchange/field_value.h"
#include "storage/interchange/output_file.h"

namespace copmap::interchange {
namespace {

namespace fs = std::filesystem;
using storage::PropKeyId;

// The columns of one output file: one per (property key, CSV type) seen.
class TableSchema {
 public:
  struct Column {
    PropKeyId key;
    FieldType type;
    bool array;
    std::string name;
  };

  // Records that a row of this table holds `value` under `key`.
  Status Add(PropKeyId key, const Value& value, const std::string& what) {
    bool array = false;
    auto type = CsvFieldType(value, &array);
    if (!type) {
      return Status::InvalidArgument(what + ": a " + std::string(Value::KindName(value.kind())) +
                                     " value of this shape has no CSV form (nested or mixed lists); "
                                     "export with --format jsonl instead");
    }
    seen_.insert({key, static_cast<int>(*type), array});
    return Status::OK();
  }

  // Orders the columns by property name, then type; fixes their indexes.
  void Finish(storage::Transaction& txn) {
    for (const auto& [key, type, array] : seen_) {
      columns_.push_back(Column{key, static_cast<FieldType>(type), array, txn.PropKeyName(key)});
    }
    std::sort(columns_.begin(), columns_.end(), [](const Column& a, const Column& b) {
      return std::tie(a.name, a.type, a.array) < std::tie(b.name, b.type, b.array);
    });
  }

  // The index of the column that holds `value` under `key`.
  size_t IndexOf(PropKeyId key, const Value& value) const {
    bool array = false;
    FieldType type = *CsvFieldType(value, &array);
    for (size_t i = 0; i < columns_.size(); ++i) {
      if (columns_[i].key == key && columns_[i].type == type && columns_[i].array == array) return i;
    }
    return columns_.size();  // unreachable after Add()
  }

  void AppendHeader(std::string* out) const {
    for (const Column& c : columns_) {
      out->push_back(',');
      AppendCsvField(out, c.name + ":" + std::string(FieldTypeName(c.type)) + (c.array ? "[]" : ""),
                     ',', false);
    }
  }

  // Appends the property fields of one row.
  Status AppendRow(std::string* out, const storage::Properties& props, const std::string& what) {
    cells_.assign(columns_.size(), {});
    present_.assign(columns_.size(), false);
    for (const auto& [key, value] : props) {
      size_t i = IndexOf(key, value);
      auto text = FormatField(value);
      if (!text.ok()) {
        return Status::InvalidArgument(what + ", property '" + columns_[i].name + "': " +
                                       text.status().message() + "; export with --format jsonl instead");
      }
      cells_[i] = std::move(*text);
      present_[i] = true;
    }
    for (size_t i = 0; i < columns_.size(); ++i) {
      out->push_back(',');
      AppendCsvField(out, cells_[i], ',', present_[i]);
    }
    return Status::OK();
  }

 private:
  std::set<std::tuple<PropKeyId, int, bool>> seen_;
  std::vector<Column> columns_;
  std::vector<std::string> cells_;
  std::vector<bool> present_;
};

struct Table {
  TableSchema schema;
  std::unique_ptr<OutputFile> file;
};

// A file name from label or type names: unsafe characters become '_',
// and a name already taken gets a numeric suffix.
std::string FileName(const std::string& prefix, const std::vector<std::string>& names,
                     std::set<std::string>* taken) {
  std::string base = prefix;
  for (const std::string& n : names) {
    base += "_";
    for (char c : n) base += (std::isalnum(static_cast<unsigned char>(c)) || c == '-') ? c : '_';
  }
  std::string name = base + ".csv";
  for (int k = 2; taken->count(name); ++k) name = base + "_" + std::to_string(k) + ".csv";
  taken->insert(name);
  return name;
}

Status CheckName(const std::string& name, const char* what) {
  if (name.find(';') != std::string::npos) {
    return Status::InvalidArgument(std::string(what) + " '" + name +
                                   "' contains ';', which the CSV format uses between labels; "
                                   "export with --format jsonl instead");
  }
  return Status::OK();
}

Status PrepareDir(const std::string& dir) {
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    if (!fs::is_directory(dir, ec)) return Status::InvalidArgument(dir + ": exists and is not a directory");
    if (!fs::is_empty(dir, ec)) return Status::InvalidArgument(dir + ": the export directory must be empty");
    return Status::OK();
  }
  fs::create_directories(dir, ec);
  if (ec) return Status::IOError(dir + ": cannot create: " + ec.message());
  return Status::OK();
}

Status ExportNodes(storage::Transaction& txn, const std::string& dir, std::set<std::string>* taken,
                   ExportSummary* summary) {
  std::map<std::vector<storage::LabelId>, Table> tables;
  auto scan = txn.ScanAllNodes();
  for (; scan->Valid(); scan->Next()) {
    COPMAP_ASSIGN_OR_RETURN(storage::NodeRecord node, txn.GetNode(scan->id()));
    Table& t = tables[node.labels];
    for (const auto& [key, value] : node.properties) {
      COPMAP_RETURN_IF_ERROR(t.schema.Add(key, value, "node " + std::to_string(node.id)));
    }
  }
  COPMAP_RETURN_IF_ERROR(scan->status());
  std::string line;
  for (auto& [labels, t] : tables) {
    std::vector<std::string> names;
    for (storage::LabelId l : labels) {
      names.push_back(txn.LabelName(l));
      COPMAP_RETURN_IF_ERROR(CheckName(names.back(), "label"));
    }
    t.schema.Finish(txn);
    std::string path = (fs::path(dir) / FileName("nodes", names, taken)).string();
    COPMAP_ASSIGN_OR_RETURN(t.file, OutputFile::Create(path));
    line = ":ID,:LABEL";
    t.schema.AppendHeader(&line);
    t.file->Write(line + "\n");
    summary->files.push_back(path);
  }
  std::map<storage::LabelId, std::string> label_names;
  scan = txn.ScanAllNodes();
  for (; scan->Valid(); scan->Next()) {
    COPMAP_ASSIGN_OR_RETURN(storage::NodeRecord node, txn.GetNode(scan->id()));
    Table& t = tables[node.labels];
    line = std::to_string(node.id) + ",";
    std::string joined;
    for (storage::LabelId l : node.labels) {
      auto [it, fresh] = label_names.try_emplace(l);
      if (fresh) it->second = txn.LabelName(l);
      joined += (joined.empty() ? "" : ";") + it->second;
    }
    AppendCsvField(&line, joined, ',', false);
    COPMAP_RETURN_IF_ERROR(t.schema.AppendRow(&line, node.properties, "node " + std::to_string(node.id)));
    line += '\n';
    t.file->Write(line);
    ++summary->nodes;
  }
  COPMAP_RETURN_IF_ERROR(scan->status());
  for (auto& [labels, t] : tables) COPMAP_RETURN_IF_ERROR(t.file->Close());
  return Status::OK();
}

Status ExportRels(storage::Transaction& txn, const std::string& dir, std::set<std::string>* taken,
                  ExportSummary* summary) {
  std::map<storage::RelTypeId, Table> tables;
  auto scan = txn.ScanAllRels();
  for (; scan->Valid(); scan->Next()) {
    COPMAP_ASSIGN_OR_RETURN(storage::RelRecord rel, txn.GetRel(scan->id()));
    Table& t = tables[rel.type];
    for (const auto& [key, value] : rel.properties) {
      COPMAP_RETURN_IF_ERROR(t.schema.Add(key, value, "relationship " + std::to_string(rel.id)));
    }
  }
  COPMAP_RETURN_IF_ERROR(scan->status());
  std::map<storage::RelTypeId, std::string> type_fields;
  std::string line;
  for (auto& [type, t] : tables) {
    std::string name = txn.RelTypeName(type);
    t.schema.Finish(txn);
    std::string path = (fs::path(dir) / FileName("rels", {name}, taken)).string();
    COPMAP_ASSIGN_OR_RETURN(t.file, OutputFile::Create(path));
    line = ":START_ID,:END_ID,:TYPE";
    t.schema.AppendHeader(&line);
    t.file->Write(line + "\n");
    summary->files.push_back(path);
    AppendCsvField(&type_fields[type], name, ',', true);
  }
  scan = txn.ScanAllRels();
  for (; scan->Valid(); scan->Next()) {
    COPMAP_ASSIGN_OR_RETURN(storage::RelRecord rel, txn.GetRel(scan->id()));
    Table& t = tables[rel.type];
    line = std::to_string(rel.start) + "," + std::to_string(rel.end) + "," + type_fields[rel.type];
    COPMAP_RETURN_IF_ERROR(t.schema.AppendRow(&line, rel.properties, "relationship " + std::to_string(rel.id)));
    line += '\n';
    t.file->Write(line);
    ++summary->relationships;
  }
  COPMAP_RETURN_IF_ERROR(scan->status());
  for (auto& [type, t] : tables) COPMAP_RETURN_IF_ERROR(t.file->Close());
  return Status::OK();
}

}  // namespace

Status ExportCsv(storage::GraphStore& store, const std::string& dir, ExportSummary* summary) {
  COPMAP_RETURN_IF_ERROR(PrepareDir(dir));
  auto txn = store.Begin(storage::TransactionOptions{.read_only = true});
  std::set<std::string> taken;
  COPMAP_RETURN_IF_ERROR(ExportNodes(*txn, dir, &taken, summary));
  return ExportRels(*txn, dir, &taken, summary);
}

}  // namespace copmap::interchange
