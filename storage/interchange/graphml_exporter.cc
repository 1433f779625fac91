#include "storage/interchange/graphml_exporter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

#include "storage/interchange/field_value.h"
#include "storage/interchange/output_file.h"

namespace copmap::interchange {
namespace {

using storage::PropKeyId;

// A GraphML attr.type, plus attr.list for a list's elements.
struct KeyType {
  std::string_view type;
  std::string_view list;  // empty: not a list
  bool operator==(const KeyType&) const = default;
};

std::string_view ScalarType(Value::Kind kind) {
  switch (kind) {
    case Value::Kind::kBool: return "boolean";
    case Value::Kind::kInt: return "long";
    case Value::Kind::kFloat: return "double";
    default: return "string";
  }
}

KeyType TypeOf(const Value& value) {
  if (value.kind() != Value::Kind::kList) return {ScalarType(value.kind()), ""};
  std::string_view element;
  for (const Value& item : value.as_list()) {
    const std::string_view type = item.kind() == Value::Kind::kList ? "string" : ScalarType(item.kind());
    element = element.empty() || element == type ? type : "string";
  }
  return {"string", element};
}

// A key holding values of several types is a string key; an empty list
// (no element type) agrees with any list.
KeyType Merge(const KeyType& seen, const KeyType& next) {
  if (seen == next) return seen;
  const bool lists = !seen.list.empty() || !next.list.empty();
  if (lists && seen.type == "string" && next.type == "string" &&
      (seen.list.empty() || next.list.empty())) {
    return seen.list.empty() ? next : seen;
  }
  return {"string", lists && seen.type == next.type ? "string" : ""};
}

// The first code point XML 1.0 cannot hold, or nullopt. Strings are UTF-8.
std::optional<uint32_t> ForbiddenInXml(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return c;
    // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
    if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xBE) {
      return 0xFFFE | (static_cast<unsigned char>(text[i + 2]) & 1);
    }
  }
  return std::nullopt;
}

Status CheckText(std::string_view text, const std::string& what) {
  if (auto bad = ForbiddenInXml(text)) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", *bad);
    return Status::InvalidArgument(what + " holds the character " + code +
                                   ", which XML 1.0 cannot represent; export with --format jsonl "
                                   "instead");
  }
  return Status::OK();
}

// Text and attribute values: markup characters become entities, and the
// white space XML parsers would normalize becomes character references.
void AppendEscaped(std::string* out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out->append("&amp;"); break;
      case '<': out->append("&lt;"); break;
      case '>': out->append("&gt;"); break;
      case '"': out->append("&quot;"); break;
      case '\t': out->append("&#9;"); break;
      case '\n': out->append("&#10;"); break;
      case '\r': out->append("&#13;"); break;
      default: out->push_back(c);
    }
  }
}

std::string XsdDouble(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "INF" : "-INF";
  return FormatDouble(d);
}

// A list element in a JSON array: numbers and booleans bare, everything else
// (strings, dates, non-finite doubles) as a JSON string.
void AppendListItem(std::string* text, const Value& item);

void AppendJsonArray(std::string* text, const Value& list) {
  text->push_back('[');
  const auto& items = list.as_list();
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) text->push_back(',');
    AppendListItem(text, items[i]);
  }
  text->push_back(']');
}

void AppendListItem(std::string* text, const Value& item) {
  switch (item.kind()) {
    case Value::Kind::kNull: text->append("null"); break;
    case Value::Kind::kBool: text->append(item.as_bool() ? "true" : "false"); break;
    case Value::Kind::kInt: text->append(std::to_string(item.as_int())); break;
    case Value::Kind::kFloat:
      if (std::isfinite(item.as_float())) {
        text->append(FormatDouble(item.as_float()));
      } else {
        AppendJsonString(text, XsdDouble(item.as_float()));
      }
      break;
    case Value::Kind::kList: AppendJsonArray(text, item); break;
    case Value::Kind::kDate: AppendJsonString(text, FormatDate(item.as_date())); break;
    case Value::Kind::kDateTime: AppendJsonString(text, FormatDateTime(item.as_datetime())); break;
    case Value::Kind::kString: AppendJsonString(text, item.as_string()); break;
    default: AppendJsonString(text, item.ToString());
  }
}

// The unescaped text of a <data> element.
std::string DataText(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kBool: return value.as_bool() ? "true" : "false";
    case Value::Kind::kInt: return std::to_string(value.as_int());
    case Value::Kind::kFloat: return XsdDouble(value.as_float());
    case Value::Kind::kString: return value.as_string();
    case Value::Kind::kDate: return FormatDate(value.as_date());
    case Value::Kind::kDateTime: return FormatDateTime(value.as_datetime());
    case Value::Kind::kList: {
      std::string text;
      AppendJsonArray(&text, value);
      return text;
    }
    default: return value.ToString();
  }
}

// The <key> declarations of one domain ("node" or "edge"): one per property
// key seen, typed by every value it holds.
class KeyTable {
 public:
  KeyTable(std::string_view domain, std::string_view id_prefix)
      : domain_(domain), id_prefix_(id_prefix) {}

  Status Add(storage::Transaction& txn, const storage::Properties& props, const std::string& what) {
    for (const auto& [key, value] : props) {
      auto [it, fresh] = keys_.try_emplace(key);
      if (fresh) {
        it->second.name = txn.PropKeyName(key);
        COPMAP_RETURN_IF_ERROR(CheckText(it->second.name, "property key '" + it->second.name + "'"));
        it->second.type = TypeOf(value);
      } else {
        it->second.type = Merge(it->second.type, TypeOf(value));
      }
      COPMAP_RETURN_IF_ERROR(CheckValue(value, what + ", property '" + it->second.name + "'"));
    }
    return Status::OK();
  }

  // Numbers the keys in name order; appends their declarations.
  void Declare(std::string* out) {
    std::vector<Key*> sorted;
    for (auto& [id, key] : keys_) sorted.push_back(&key);
    std::sort(sorted.begin(), sorted.end(), [](const Key* a, const Key* b) { return a->name < b->name; });
    for (size_t i = 0; i < sorted.size(); ++i) {
      Key& key = *sorted[i];
      key.id = id_prefix_ + std::to_string(i);
      out->append("<key id=\"" + key.id + "\" for=\"" + std::string(domain_) + "\" attr.name=\"");
      AppendEscaped(out, key.name);
      out->append("\" attr.type=\"" + std::string(key.type.type) + "\"");
      if (!key.type.list.empty()) out->append(" attr.list=\"" + std::string(key.type.list) + "\"");
      out->append("/>\n");
    }
  }

  // Completes an element opened with `out` ("<node id=..."): the labels (or
  // type) as both an attribute and a <data> element under the reserved key
  // `label_key`, as APOC writes them, then the properties, then the end tag.
  void AppendElementBody(std::string* out, std::string_view label_key, std::string_view labels,
                         const storage::Properties& props, std::string_view tag) const {
    out->append(" " + std::string(label_key) + "=\"");
    AppendEscaped(out, labels);
    out->append("\"><data key=\"" + std::string(label_key) + "\">");
    AppendEscaped(out, labels);
    out->append("</data>");
    AppendData(out, props);
    out->append("</" + std::string(tag) + ">\n");
  }

 private:
  // Appends one <data> element per property, in key order.
  void AppendData(std::string* out, const storage::Properties& props) const {
    std::vector<std::pair<const Key*, const Value*>> sorted;
    for (const auto& [key, value] : props) sorted.emplace_back(&keys_.at(key), &value);
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.first->name < b.first->name; });
    for (const auto& [key, value] : sorted) {
      out->append("<data key=\"" + key->id + "\">");
      AppendEscaped(out, DataText(*value));
      out->append("</data>");
    }
  }

  struct Key {
    std::string name;
    KeyType type;
    std::string id;
  };

  static Status CheckValue(const Value& value, const std::string& what) {
    if (value.kind() == Value::Kind::kString) return CheckText(value.as_string(), what);
    if (value.kind() == Value::Kind::kList) {
      for (const Value& item : value.as_list()) COPMAP_RETURN_IF_ERROR(CheckValue(item, what));
    }
    return Status::OK();
  }

  std::string_view domain_;
  std::string id_prefix_;
  std::map<PropKeyId, Key> keys_;
};

// Label and type names, looked up once and checked once.
class Names {
 public:
  template <typename Id, typename Lookup>
  Result<const std::string*> Get(std::map<Id, std::string>& cache, Id id, Lookup lookup,
                                 const char* what) {
    auto [it, fresh] = cache.try_emplace(id);
    if (fresh) {
      it->second = lookup(id);
      COPMAP_RETURN_IF_ERROR(CheckText(it->second, std::string(what) + " '" + it->second + "'"));
    }
    return &it->second;
  }

  std::map<storage::LabelId, std::string> labels;
  std::map<storage::RelTypeId, std::string> types;
};

constexpr char kPreamble[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
    "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
    "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
    "<key id=\"labels\" for=\"node\" attr.name=\"labels\" attr.type=\"string\"/>\n"
    "<key id=\"label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n";

}  // namespace

Status ExportGraphml(storage::GraphStore& store, const std::string& path, ExportSummary* summary) {
  auto txn = store.Begin(storage::TransactionOptions{.read_only = true});
  KeyTable node_keys("node", "n");
  KeyTable edge_keys("edge", "e");
  Names names;
  auto label_name = [&](storage::LabelId id) { return txn->LabelName(id); };
  auto type_name = [&](storage::RelTypeId id) { return txn->RelTypeName(id); };

  // Pass 1: declare every key with the type of all its values, and refuse
  // what XML cannot hold before creating the file.
  {
    auto it = txn->ScanAllNodes();
    for (; it->Valid(); it->Next()) {
      COPMAP_ASSIGN_OR_RETURN(storage::NodeRecord node, txn->GetNode(it->id()));
      for (storage::LabelId label : node.labels) {
        COPMAP_RETURN_IF_ERROR(names.Get(names.labels, label, label_name, "label").status());
      }
      COPMAP_RETURN_IF_ERROR(node_keys.Add(*txn, node.properties, "node " + std::to_string(node.id)));
    }
    COPMAP_RETURN_IF_ERROR(it->status());
  }
  {
    auto it = txn->ScanAllRels();
    for (; it->Valid(); it->Next()) {
      COPMAP_ASSIGN_OR_RETURN(storage::RelRecord rel, txn->GetRel(it->id()));
      COPMAP_RETURN_IF_ERROR(names.Get(names.types, rel.type, type_name, "relationship type").status());
      COPMAP_RETURN_IF_ERROR(
          edge_keys.Add(*txn, rel.properties, "relationship " + std::to_string(rel.id)));
    }
    COPMAP_RETURN_IF_ERROR(it->status());
  }

  // Pass 2: the document, on the same snapshot.
  COPMAP_ASSIGN_OR_RETURN(auto file, OutputFile::Create(path));
  std::string text = kPreamble;
  node_keys.Declare(&text);
  edge_keys.Declare(&text);
  text.append("<graph id=\"G\" edgedefault=\"directed\">\n");
  file->Write(text);
  {
    auto it = txn->ScanAllNodes();
    for (; it->Valid(); it->Next()) {
      COPMAP_ASSIGN_OR_RETURN(storage::NodeRecord node, txn->GetNode(it->id()));
      std::string labels;
      for (storage::LabelId label : node.labels) labels += ":" + names.labels.at(label);
      text = "<node id=\"n" + std::to_string(node.id) + "\"";
      node_keys.AppendElementBody(&text, "labels", labels, node.properties, "node");
      file->Write(text);
      ++summary->nodes;
    }
    COPMAP_RETURN_IF_ERROR(it->status());
  }
  {
    auto it = txn->ScanAllRels();
    for (; it->Valid(); it->Next()) {
      COPMAP_ASSIGN_OR_RETURN(storage::RelRecord rel, txn->GetRel(it->id()));
      const std::string& type = names.types.at(rel.type);
      text = "<edge id=\"e" + std::to_string(rel.id) + "\" source=\"n" + std::to_string(rel.start) +
             "\" target=\"n" + std::to_string(rel.end) + "\"";
      edge_keys.AppendElementBody(&text, "label", type, rel.properties, "edge");
      file->Write(text);
      ++summary->relationships;
    }
    COPMAP_RETURN_IF_ERROR(it->status());
  }
  file->Write("</graph>\n</graphml>\n");
  COPMAP_RETURN_IF_ERROR(file->Close());
  summary->files.push_back(path);
  return Status::OK();
}

}  // namespace copmap::interchange
