#include "storage/interchange/csv_importer.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <unordered_map>

#include "storage/interchange/csv_reader.h"
#include "storage/interchange/field_value.h"
#include "storage/interchange/file_plan.h"
#include "storage/interchange/id_map.h"
#include "storage/interchange/stored_node_finder.h"
#include "storage/interchange/utf8.h"

namespace copmap::interchange {
namespace {

using storage::BulkLoader;
using storage::LabelId;
using storage::NodeId;
using storage::Properties;
using storage::PropKeyId;
using storage::RelTypeId;

constexpr uint64_t kProgressEveryRows = 1u << 16;

// A relationship named by an :OUT/:IN column, resolved once every node is known.
struct PendingLink {
  NodeId node;
  RelTypeId type;
  bool outgoing;
  uint32_t space;
  uint32_t plan;
  uint32_t column;
  uint64_t line;
  std::string target;
};

// Data errors are reported and skipped; anything else (disk, corruption,
// bugs) ends the import at once.
bool IsDataError(const Status& s) {
  switch (s.code()) {
    case Status::Code::kInvalidArgument:
    case Status::Code::kConstraintError:
    case Status::Code::kEntityNotFound:
    case Status::Code::kTypeError:
    case Status::Code::kResourceExhausted:
      return true;
    default:
      return false;
  }
}

class Importer {
 public:
  Importer(storage::GraphStore& store, const ImportOptions& options, std::vector<std::string>* errors)
      : store_(store), options_(options), errors_(errors), start_(std::chrono::steady_clock::now()),
        stored_(store) {}

  Status Run(ImportSummary* summary);

 private:
  bool full() const { return errors_->size() >= options_.max_errors; }
  void Report(std::string message) {
    if (!full()) errors_->push_back(std::move(message));
  }
  std::string Where(const FilePlan& plan, uint64_t line) const {
    return plan.path + ":" + std::to_string(line) + ": ";
  }
  char array_delimiter() const {
    return options_.mapping && options_.mapping->array_delimiter ? *options_.mapping->array_delimiter : ';';
  }

  Result<LabelId> LabelOf(std::string_view name);
  Result<RelTypeId> TypeOf(std::string_view name);
  Status PropKeysOf(const FilePlan& plan, std::vector<PropKeyId>* keys);
  // Opens a planned file past its header and interns its property keys.
  Result<std::unique_ptr<CsvReader>> OpenRows(const FilePlan& plan, std::vector<PropKeyId>* keys);
  // Reads the next data row; false at the end or when the file cannot go on.
  Result<bool> NextRow(const FilePlan& plan, CsvReader& reader);
  // Builds the row's properties; false (with a report) when a field is bad.
  bool RowProperties(const FilePlan& plan, const CsvReader& reader,
                     const std::vector<PropKeyId>& keys, Properties* props);
  Status LoadNodes(uint32_t plan_index);
  Status LoadRels(uint32_t plan_index);
  Status ResolveLinks();
  // The node an end column names: of this import, else of an earlier one
  // (StoredNodeFinder). nullopt with `*why_not` completing "no node with id
  // 'X' in this import, ...".
  Result<std::optional<NodeId>> FindEnd(uint32_t space, std::string_view id, std::string* why_not);
  std::string MissingNode(uint32_t space, std::string_view id, const std::string& why_not) const;
  void Progress();

  storage::GraphStore& store_;
  const ImportOptions& options_;
  std::vector<std::string>* errors_;
  std::chrono::steady_clock::time_point start_;
  std::unique_ptr<BulkLoader> loader_;
  std::vector<FilePlan> plans_;
  IdMap ids_;
  StoredNodeFinder stored_;
  IdMap stored_ids_;                             // ends found by stored_ (own space indexes)
  std::map<uint32_t, std::string> id_property_;  // per id space: its :ID column's property
  std::unordered_map<std::string, LabelId> label_ids_;
  std::unordered_map<std::string, RelTypeId> type_ids_;
  std::map<std::string, uint64_t> nodes_by_label_;
  std::map<std::string, uint64_t> rels_by_type_;
  std::vector<PendingLink> links_;
  bool ends_unverifiable_ = false;  // a node file failed, so missing ends prove nothing
  uint64_t rows_ = 0;
  uint64_t nodes_ = 0;
  uint64_t rels_ = 0;
  uint64_t bytes_done_ = 0;  // of finished files
  uint64_t total_bytes_ = 0;
  const CsvReader* current_ = nullptr;
};

Result<LabelId> Importer::LabelOf(std::string_view name) {
  auto it = label_ids_.find(std::string(name));
  if (it != label_ids_.end()) return it->second;
  COPMAP_ASSIGN_OR_RETURN(LabelId id, loader_->Label(name));
  label_ids_.emplace(std::string(name), id);
  return id;
}

Result<RelTypeId> Importer::TypeOf(std::string_view name) {
  auto it = type_ids_.find(std::string(name));
  if (it != type_ids_.end()) return it->second;
  COPMAP_ASSIGN_OR_RETURN(RelTypeId id, loader_->RelType(name));
  type_ids_.emplace(std::string(name), id);
  return id;
}

Status Importer::PropKeysOf(const FilePlan& plan, std::vector<PropKeyId>* keys) {
  keys->assign(plan.columns.size(), 0);
  for (size_t i = 0; i < plan.columns.size(); ++i) {
    const ColumnSpec& c = plan.columns[i];
    if ((c.role == ColumnRole::kProperty || c.role == ColumnRole::kId) && !c.property.empty()) {
      COPMAP_ASSIGN_OR_RETURN((*keys)[i], loader_->PropKey(c.property));
    }
  }
  return Status::OK();
}

Result<std::unique_ptr<CsvReader>> Importer::OpenRows(const FilePlan& plan, std::vector<PropKeyId>* keys) {
  COPMAP_ASSIGN_OR_RETURN(auto reader,
                          CsvReader::Open(plan.path, CsvOptions{plan.delimiter, options_.max_field_bytes}));
  reader->SetColumnNames(plan.header_names);
  COPMAP_ASSIGN_OR_RETURN(bool header, reader->Next());
  (void)header;
  COPMAP_RETURN_IF_ERROR(PropKeysOf(plan, keys));
  current_ = reader.get();
  return reader;
}

void Importer::Progress() {
  if (!options_.on_progress) return;
  ImportProgress p;
  p.rows = rows_;
  p.bytes = bytes_done_ + (current_ ? current_->bytes_consumed() : 0);
  p.total_bytes = total_bytes_;
  p.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  options_.on_progress(p);
}

Result<bool> Importer::NextRow(const FilePlan& plan, CsvReader& reader) {
  while (!full()) {
    auto more = reader.Next();
    if (!more.ok()) {
      if (!IsDataError(more.status())) return more.status();
      Report(more.status().message());  // the reader cannot resynchronize: the file ends here
      return false;
    }
    if (!*more) return false;
    if (++rows_ % kProgressEveryRows == 0) Progress();
    if (reader.size() != plan.columns.size()) {
      Report(Where(plan, reader.line()) + "expected " + std::to_string(plan.columns.size()) +
             " fields as in the header, found " + std::to_string(reader.size()));
      continue;
    }
    return true;
  }
  return false;
}

bool Importer::RowProperties(const FilePlan& plan, const CsvReader& reader,
                             const std::vector<PropKeyId>& keys, Properties* props) {
  props->clear();
  for (size_t i = 0; i < plan.columns.size(); ++i) {
    const ColumnSpec& c = plan.columns[i];
    if (c.property.empty()) continue;
    std::string_view text = reader.field(i);
    Value value;
    if (c.role == ColumnRole::kId) {
      value = IdPropertyValue(text);
    } else if (c.role == ColumnRole::kProperty) {
      auto parsed = ParseField(c.type, c.array, text, reader.quoted(i), array_delimiter());
      if (!parsed.ok()) {
        Report(Where(plan, reader.line()) + reader.FieldName(i) + ": " +
               std::string(FieldTypeName(c.type)) + (c.array ? "[]" : "") + " column: " +
               parsed.status().message());
        return false;
      }
      value = std::move(*parsed);
    }
    if (!value.is_null()) props->emplace_back(keys[i], std::move(value));
  }
  // A row has a handful of properties: an insertion sort (stable) allocates
  // nothing, where std::stable_sort takes a buffer per row.
  for (size_t i = 1; i < props->size(); ++i) {
    for (size_t j = i; j > 0 && (*props)[j].first < (*props)[j - 1].first; --j) {
      std::swap((*props)[j], (*props)[j - 1]);
    }
  }
  for (size_t i = 1; i < props->size(); ++i) {
    if ((*props)[i].first != (*props)[i - 1].first) continue;
    std::string name;
    for (size_t c = 0; c < keys.size(); ++c) {
      if (keys[c] == (*props)[i].first && !plan.columns[c].property.empty()) name = plan.columns[c].property;
    }
    Report(Where(plan, reader.line()) + "two columns give property '" + name + "' a value");
    return false;
  }
  return true;
}

Status Importer::LoadNodes(uint32_t plan_index) {
  const FilePlan& plan = plans_[plan_index];
  std::vector<PropKeyId> keys;
  COPMAP_ASSIGN_OR_RETURN(auto reader, OpenRows(plan, &keys));
  std::vector<LabelId> file_labels;
  for (const std::string& l : plan.labels) {
    COPMAP_ASSIGN_OR_RETURN(LabelId id, LabelOf(l));
    file_labels.push_back(id);
  }
  uint32_t space = ids_.Space(plan.columns[plan.id_column].id_space);
  id_property_.emplace(space, plan.columns[plan.id_column].property);
  std::vector<uint32_t> link_spaces(plan.columns.size(), 0);
  std::vector<RelTypeId> link_types(plan.columns.size(), 0);
  for (size_t i = 0; i < plan.columns.size(); ++i) {
    const ColumnSpec& c = plan.columns[i];
    if (c.role != ColumnRole::kLinkOut && c.role != ColumnRole::kLinkIn) continue;
    link_spaces[i] = ids_.Space(c.id_space);
    COPMAP_ASSIGN_OR_RETURN(link_types[i], TypeOf(c.link_type));
  }
  std::vector<LabelId> labels;
  Properties props;
  bool file_ok = true;
  while (true) {
    COPMAP_ASSIGN_OR_RETURN(bool row, NextRow(plan, *reader));
    if (!row) break;
    std::string_view id = reader->field(plan.id_column);
    if (id.empty()) {
      Report(Where(plan, reader->line()) + reader->FieldName(plan.id_column) + ": empty node id");
      file_ok = false;
      continue;
    }
    labels = file_labels;
    if (plan.label_column >= 0) {
      std::string_view text = reader->field(plan.label_column);
      size_t begin = 0;
      while (begin <= text.size()) {
        size_t end = std::min(text.find(array_delimiter(), begin), text.size());
        std::string_view l = text.substr(begin, end - begin);
        while (!l.empty() && l.front() == ' ') l.remove_prefix(1);
        while (!l.empty() && l.back() == ' ') l.remove_suffix(1);
        if (!l.empty()) {
          COPMAP_ASSIGN_OR_RETURN(LabelId lid, LabelOf(l));
          labels.push_back(lid);
        }
        begin = end + 1;
      }
    }
    std::sort(labels.begin(), labels.end());
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
    if (!RowProperties(plan, *reader, keys, &props)) {
      file_ok = false;
      continue;
    }
    if (ids_.Find(space, id)) {
      Report(Where(plan, reader->line()) + reader->FieldName(plan.id_column) + ": duplicate node id '" +
             Excerpt(id) + "'" +
             (ids_.SpaceName(space).empty() ? "" : " in id space '" + ids_.SpaceName(space) + "'"));
      file_ok = false;
      continue;
    }
    std::vector<LabelId> row_labels = labels;
    auto node = loader_->AddNode(std::move(row_labels), std::move(props));
    if (!node.ok()) {
      if (!IsDataError(node.status())) return node.status();
      Report(Where(plan, reader->line()) + node.status().ToString());
      file_ok = false;
      continue;
    }
    ids_.Insert(space, id, *node);
    ++nodes_;
    for (LabelId l : labels) {
      for (const auto& [name, lid] : label_ids_) {
        if (lid == l) ++nodes_by_label_[name];
      }
    }
    for (size_t i = 0; i < plan.columns.size(); ++i) {
      const ColumnSpec& c = plan.columns[i];
      if ((c.role != ColumnRole::kLinkOut && c.role != ColumnRole::kLinkIn) || reader->field(i).empty()) continue;
      links_.push_back(PendingLink{*node, link_types[i], c.role == ColumnRole::kLinkOut, link_spaces[i],
                                   plan_index, static_cast<uint32_t>(i), reader->line(),
                                   std::string(reader->field(i))});
    }
  }
  if (!file_ok) ends_unverifiable_ = true;
  bytes_done_ += reader->file_size();
  current_ = nullptr;
  return Status::OK();
}

Status Importer::LoadRels(uint32_t plan_index) {
  const FilePlan& plan = plans_[plan_index];
  std::vector<PropKeyId> keys;
  COPMAP_ASSIGN_OR_RETURN(auto reader, OpenRows(plan, &keys));
  std::optional<RelTypeId> file_type;
  if (!plan.type.empty()) {
    COPMAP_ASSIGN_OR_RETURN(file_type, TypeOf(plan.type));
  }
  const int ends[2] = {plan.start_column, plan.end_column};
  const uint32_t spaces[2] = {ids_.Space(plan.columns[plan.start_column].id_space),
                              ids_.Space(plan.columns[plan.end_column].id_space)};
  Properties props;
  while (true) {
    COPMAP_ASSIGN_OR_RETURN(bool row, NextRow(plan, *reader));
    if (!row) break;
    NodeId node[2] = {0, 0};
    bool ok = true;
    for (int e = 0; e < 2 && ok; ++e) {
      std::string_view text = reader->field(ends[e]);
      std::string why_not;
      std::optional<NodeId> found;
      if (!text.empty()) {
        COPMAP_ASSIGN_OR_RETURN(found, FindEnd(spaces[e], text, &why_not));
      }
      if (found) {
        node[e] = *found;
        continue;
      }
      ok = false;
      if (text.empty()) {
        Report(Where(plan, reader->line()) + reader->FieldName(ends[e]) + ": empty node id");
      } else if (!ends_unverifiable_) {
        Report(Where(plan, reader->line()) + reader->FieldName(ends[e]) + ": " +
               MissingNode(spaces[e], text, why_not));
      }
    }
    if (!ok) continue;
    std::optional<RelTypeId> type = file_type;
    if (plan.type_column >= 0 && !reader->field(plan.type_column).empty()) {
      COPMAP_ASSIGN_OR_RETURN(type, TypeOf(reader->field(plan.type_column)));
    }
    if (!type) {
      Report(Where(plan, reader->line()) + reader->FieldName(plan.type_column) + ": empty relationship type");
      continue;
    }
    if (!RowProperties(plan, *reader, keys, &props)) continue;
    auto rel = loader_->AddRel(*type, node[0], node[1], std::move(props));
    if (!rel.ok()) {
      if (!IsDataError(rel.status())) return rel.status();
      Report(Where(plan, reader->line()) + rel.status().ToString());
      continue;
    }
    ++rels_;
    for (const auto& [name, tid] : type_ids_) {
      if (tid == *type) ++rels_by_type_[name];
    }
  }
  bytes_done_ += reader->file_size();
  current_ = nullptr;
  return Status::OK();
}

Result<std::optional<NodeId>> Importer::FindEnd(uint32_t space, std::string_view id,
                                                std::string* why_not) {
  if (auto node = ids_.Find(space, id)) return node;
  uint32_t stored_space = stored_ids_.Space(ids_.SpaceName(space));
  if (auto node = stored_ids_.Find(stored_space, id)) return node;
  auto property = id_property_.find(space);
  COPMAP_ASSIGN_OR_RETURN(
      auto node, stored_.Find(ids_.SpaceName(space),
                              property == id_property_.end() || property->second.empty()
                                  ? std::string_view("id")
                                  : std::string_view(property->second),
                              id, why_not));
  if (node) stored_ids_.Insert(stored_space, id, *node);
  return node;
}

std::string Importer::MissingNode(uint32_t space, std::string_view id,
                                  const std::string& why_not) const {
  std::string name = ids_.SpaceName(space);
  return "no node with id '" + Excerpt(id) + "'" +
         (name.empty() ? "" : " in id space '" + name + "'") + " in this import" +
         (why_not.empty() ? "" : ", " + why_not);
}

Status Importer::ResolveLinks() {
  for (const PendingLink& link : links_) {
    if (full()) break;
    const FilePlan& plan = plans_[link.plan];
    std::string why_not;
    COPMAP_ASSIGN_OR_RETURN(auto target, FindEnd(link.space, link.target, &why_not));
    if (!target) {
      if (ends_unverifiable_) continue;
      Report(plan.path + ":" + std::to_string(link.line) + ": field " + std::to_string(link.column + 1) +
             " (" + plan.header_names[link.column] + "): " +
             MissingNode(link.space, link.target, why_not));
      continue;
    }
    NodeId start = link.outgoing ? link.node : *target;
    NodeId end = link.outgoing ? *target : link.node;
    auto rel = loader_->AddRel(link.type, start, end, {});
    if (!rel.ok()) {
      if (!IsDataError(rel.status())) return rel.status();
      Report(plan.path + ":" + std::to_string(link.line) + ": " + rel.status().ToString());
      continue;
    }
    ++rels_;
    ++rels_by_type_[plan.columns[link.column].link_type];
  }
  return Status::OK();
}

Status Importer::Run(ImportSummary* summary) {
  COPMAP_ASSIGN_OR_RETURN(std::vector<std::string> files, ListInputFiles(options_.paths, options_.mapping));
  for (const std::string& file : files) {
    auto plan = PlanFile(file, options_.delimiter, options_.mapping, options_.max_field_bytes);
    if (!plan.ok()) {
      if (!IsDataError(plan.status())) return plan.status();
      Report(plan.status().message());
      ends_unverifiable_ = true;
      continue;
    }
    std::error_code ec;
    total_bytes_ += std::filesystem::file_size(file, ec);
    plans_.push_back(std::move(*plan));
  }
  COPMAP_ASSIGN_OR_RETURN(loader_, store_.BeginBulkLoad());
  for (FileKind kind : {FileKind::kNodes, FileKind::kRelationships}) {
    for (uint32_t i = 0; i < plans_.size() && !full(); ++i) {
      if (plans_[i].kind != kind) continue;
      COPMAP_RETURN_IF_ERROR(kind == FileKind::kNodes ? LoadNodes(i) : LoadRels(i));
    }
    if (kind == FileKind::kNodes) ends_unverifiable_ = ends_unverifiable_ || !errors_->empty();
  }
  COPMAP_RETURN_IF_ERROR(ResolveLinks());
  Progress();
  if (!errors_->empty()) {
    loader_.reset();  // rolls everything back
    std::string count = full() ? "at least " + std::to_string(errors_->size()) + " errors (stopped there)"
                               : std::to_string(errors_->size()) + (errors_->size() == 1 ? " error" : " errors");
    return Status::InvalidArgument("import failed with " + count + "; nothing was imported");
  }
  Status finished = loader_->Finish();
  loader_.reset();
  if (!finished.ok()) return finished.WithContext("import failed; nothing was imported");
  COPMAP_RETURN_IF_ERROR(store_.Flush());
  summary->files = plans_.size();
  summary->rows = rows_;
  summary->nodes = nodes_;
  summary->relationships = rels_;
  summary->nodes_by_label.assign(nodes_by_label_.begin(), nodes_by_label_.end());
  summary->rels_by_type.assign(rels_by_type_.begin(), rels_by_type_.end());
  summary->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  return Status::OK();
}

}  // namespace

Status ImportCsv(storage::GraphStore& store, const ImportOptions& options, ImportSummary* summary,
                 std::vector<std::string>* errors) {
  errors->clear();
  Importer importer(store, options, errors);
  return importer.Run(summary);
}

}  // namespace copmap::interchange
