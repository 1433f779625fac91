#include "storage/interchange/file_plan.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "storage/interchange/csv_reader.h"

namespace copmap::interchange {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> SplitList(std::string_view text, char delim) {
  std::vector<std::string> out;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find(delim, begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view item = text.substr(begin, end - begin);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) out.emplace_back(item);
    begin = end + 1;
  }
  return out;
}

bool IsTableFile(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".csv" || ext == ".tsv";
}

// Sets *slot to the column index, refusing a second column with the same role.
Status Claim(int* slot, int index, const FilePlan& plan, const char* what) {
  if (*slot >= 0) {
    return Status::InvalidArgument(plan.path + ":1: more than one " + what + " column ('" +
                                   plan.header_names[*slot] + "' and '" +
                                   plan.header_names[index] + "')");
  }
  *slot = index;
  return Status::OK();
}

Status ApplyColumnMapping(const FileMapping& section, FilePlan* plan) {
  for (const auto& [name, field] : section.columns) {
    auto it = std::find(plan->header_names.begin(), plan->header_names.end(), name);
    if (it == plan->header_names.end()) {
      std::string have;
      for (const std::string& h : plan->header_names) have += (have.empty() ? "" : ", ") + h;
      return Status::InvalidArgument(plan->path + ":1: the mapping's section [" + section.pattern +
                                     "] names column '" + name + "', which the header lacks (header: " +
                                     have + ")");
    }
    auto spec = ParseHeaderField(field);
    if (!spec.ok()) {
      return Status::InvalidArgument("mapping section [" + section.pattern + "], column '" + name +
                                     "': " + spec.status().message());
    }
    plan->columns[it - plan->header_names.begin()] = std::move(*spec);
  }
  return Status::OK();
}

Status ClassifyColumns(FilePlan* plan) {
  for (size_t i = 0; i < plan->columns.size(); ++i) {
    int index = static_cast<int>(i);
    switch (plan->columns[i].role) {
      case ColumnRole::kId: COPMAP_RETURN_IF_ERROR(Claim(&plan->id_column, index, *plan, ":ID")); break;
      case ColumnRole::kLabel: COPMAP_RETURN_IF_ERROR(Claim(&plan->label_column, index, *plan, ":LABEL")); break;
      case ColumnRole::kStartId: COPMAP_RETURN_IF_ERROR(Claim(&plan->start_column, index, *plan, ":START_ID")); break;
      case ColumnRole::kEndId: COPMAP_RETURN_IF_ERROR(Claim(&plan->end_column, index, *plan, ":END_ID")); break;
      case ColumnRole::kType: COPMAP_RETURN_IF_ERROR(Claim(&plan->type_column, index, *plan, ":TYPE")); break;
      default: break;
    }
  }
  return Status::OK();
}

}  // namespace

Result<std::vector<std::string>> ListInputFiles(const std::vector<std::string>& paths,
                                                const ImportMapping* mapping) {
  std::vector<std::string> files;
  std::set<std::string> seen;
  auto add = [&](const std::string& file) {
    const FileMapping* section = mapping ? mapping->Find(file) : nullptr;
    if (section != nullptr && section->skip) return;
    if (seen.insert(fs::weakly_canonical(file).string()).second) files.push_back(file);
  };
  for (const std::string& path : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) return Status::NotFound(path + ": no such file or directory");
    if (!fs::is_directory(st)) {
      add(path);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::end(it); it.increment(ec)) {
      if (it->is_regular_file() && IsTableFile(it->path())) found.push_back(it->path().generic_string());
    }
    if (ec) return Status::IOError(path + ": cannot list the directory: " + ec.message());
    std::sort(found.begin(), found.end());
    if (found.empty()) return Status::InvalidArgument(path + ": the directory holds no .csv or .tsv file");
    for (const std::string& f : found) add(f);
  }
  return files;
}

Result<FilePlan> PlanFile(const std::string& path, std::optional<char> delimiter,
                          const ImportMapping* mapping, size_t max_field_bytes) {
  FilePlan plan;
  plan.path = path;
  const FileMapping* section = mapping ? mapping->Find(path) : nullptr;
  plan.delimiter = delimiter ? *delimiter
                   : section && section->delimiter ? *section->delimiter
                   : mapping && mapping->delimiter ? *mapping->delimiter
                                                   : ',';
  char array_delim = mapping && mapping->array_delimiter ? *mapping->array_delimiter : ';';
  COPMAP_ASSIGN_OR_RETURN(auto reader, CsvReader::Open(path, CsvOptions{plan.delimiter, max_field_bytes}));
  COPMAP_ASSIGN_OR_RETURN(bool any, reader->Next());
  if (!any) return Status::InvalidArgument(path + ":1: the file is empty (expected a header line)");
  for (std::string_view name : reader->fields()) {
    plan.header_names.emplace_back(name);
    auto spec = ParseHeaderField(name);
    // A header field the mapping rewrites need not parse as written.
    bool mapped = section != nullptr &&
                  std::any_of(section->columns.begin(), section->columns.end(),
                              [&](const auto& c) { return c.first == name; });
    if (!spec.ok() && !mapped) {
      return Status::InvalidArgument(path + ":1: " + spec.status().message());
    }
    plan.columns.push_back(spec.ok() ? std::move(*spec) : ColumnSpec{});
  }
  if (section != nullptr) COPMAP_RETURN_IF_ERROR(ApplyColumnMapping(*section, &plan));
  COPMAP_RETURN_IF_ERROR(ClassifyColumns(&plan));

  std::string base = std::filesystem::path(path).stem().string();
  bool rel_columns = plan.start_column >= 0 || plan.end_column >= 0 || plan.type_column >= 0;
  if (section && section->type) {
    plan.kind = FileKind::kRelationships;
  } else if (section && section->labels) {
    plan.kind = FileKind::kNodes;
  } else if (rel_columns) {
    plan.kind = FileKind::kRelationships;
  } else if (plan.id_column >= 0 || base.starts_with("nodes")) {
    plan.kind = FileKind::kNodes;
  } else if (base.starts_with("rels")) {
    plan.kind = FileKind::kRelationships;
  } else {
    return Status::InvalidArgument(
        path + ":1: cannot tell whether this is a node or a relationship file: the header has no "
               ":ID and no :START_ID/:END_ID column (name the file nodes_<Label>.csv or "
               "rels_<TYPE>.csv, or use a mapping file)");
  }

  if (plan.kind == FileKind::kNodes) {
    if (plan.id_column < 0) {
      return Status::InvalidArgument(path + ":1: node file has no :ID column (e.g. 'id:ID')");
    }
    if (rel_columns) {
      return Status::InvalidArgument(path + ":1: a node file cannot have :START_ID, :END_ID or :TYPE columns");
    }
    if (section && section->labels) {
      plan.labels = SplitList(*section->labels, array_delim);
    } else if (plan.label_column < 0 && base.starts_with("nodes_") && base.size() > 6) {
      plan.labels = {base.substr(6)};
    }
    return plan;
  }
  if (plan.start_column < 0 || plan.end_column < 0) {
    return Status::InvalidArgument(path + ":1: relationship file needs both a :START_ID and an :END_ID column");
  }
  if (plan.id_column >= 0 || plan.label_column >= 0) {
    return Status::InvalidArgument(path + ":1: a relationship file cannot have :ID or :LABEL columns");
  }
  for (const ColumnSpec& c : plan.columns) {
    if (c.role == ColumnRole::kLinkIn || c.role == ColumnRole::kLinkOut) {
      return Status::InvalidArgument(path + ":1: '" + c.header + "': :OUT/:IN columns belong in node files");
    }
  }
  if (section && section->type) {
    plan.type = *section->type;
  } else if (base.starts_with("rels_") && base.size() > 5) {
    plan.type = base.substr(5);
  } else if (plan.type_column < 0) {
    return Status::InvalidArgument(path + ":1: no relationship type: add a :TYPE column, name the file "
                                          "rels_<TYPE>.csv, or set type in a mapping file");
  }
  return plan;
}

}  // namespace copmap::interchange
