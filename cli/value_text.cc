#include "cli/value_text.h"

#include <cmath>
#include <cstdio>

namespace copmap::cli {
namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0 when invalid.
size_t Utf8SequenceLength(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > text.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 0;
  }
  return len;
}

void AppendProperties(const ValueMap& map, std::string* out) {
  out->push_back('{');
  for (size_t i = 0; i < map.size(); ++i) {
    if (i) out->push_back(',');
    AppendJsonString(map[i].first, out);
    out->push_back(':');
    AppendJson(map[i].second, out);
  }
  out->push_back('}');
}

void AppendNode(const NodeValue& node, std::string* out) {
  *out += "{\"id\":" + std::to_string(node.id) + ",\"labels\":[";
  for (size_t i = 0; i < node.labels.size(); ++i) {
    if (i) out->push_back(',');
    AppendJsonString(node.labels[i], out);
  }
  *out += "],\"properties\":";
  AppendProperties(node.properties, out);
  out->push_back('}');
}

void AppendRelationship(const RelationshipValue& rel, std::string* out) {
  *out += "{\"id\":" + std::to_string(rel.id) + ",\"type\":";
  AppendJsonString(rel.type, out);
  *out += ",\"start\":" + std::to_string(rel.start) + ",\"end\":" + std::to_string(rel.end) +
          ",\"properties\":";
  AppendProperties(rel.properties, out);
  out->push_back('}');
}

}  // namespace

void AppendJsonString(std::string_view text, std::string* out) {
  out->push_back('"');
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '"': *out += "\\\""; ++i; continue;
      case '\\': *out += "\\\\"; ++i; continue;
      case '\b': *out += "\\b"; ++i; continue;
      case '\f': *out += "\\f"; ++i; continue;
      case '\n': *out += "\\n"; ++i; continue;
      case '\r': *out += "\\r"; ++i; continue;
      case '\t': *out += "\\t"; ++i; continue;
      default: break;
    }
    if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      *out += buf;
      ++i;
      continue;
    }
    size_t len = Utf8SequenceLength(text, i);
    if (len == 0) {
      *out += "\\ufffd";
      ++i;
      continue;
    }
    out->append(text.substr(i, len));
    i += len;
  }
  out->push_back('"');
}

void AppendJson(const Value& value, std::string* out) {
  switch (value.kind()) {
    case Value::Kind::kNull: *out += "null"; return;
    case Value::Kind::kBool: *out += value.as_bool() ? "true" : "false"; return;
    case Value::Kind::kInt: *out += std::to_string(value.as_int()); return;
    case Value::Kind::kFloat: {
      double d = value.as_float();
      if (std::isnan(d)) *out += "\"NaN\"";
      else if (std::isinf(d)) *out += d > 0 ? "\"Infinity\"" : "\"-Infinity\"";
      else *out += value.ToString();
      return;
    }
    case Value::Kind::kString: AppendJsonString(value.as_string(), out); return;
    case Value::Kind::kDate: AppendJsonString(FormatDate(value.as_date()), out); return;
    case Value::Kind::kDateTime: AppendJsonString(FormatDateTime(value.as_datetime()), out); return;
    case Value::Kind::kList: {
      out->push_back('[');
      const ValueList& list = value.as_list();
      for (size_t i = 0; i < list.size(); ++i) {
        if (i) out->push_back(',');
        AppendJson(list[i], out);
      }
      out->push_back(']');
      return;
    }
    case Value::Kind::kMap: AppendProperties(value.as_map(), out); return;
    case Value::Kind::kNode: AppendNode(value.as_node(), out); return;
    case Value::Kind::kRelationship: AppendRelationship(value.as_relationship(), out); return;
    case Value::Kind::kPath: {
      const PathValue& path = value.as_path();
      *out += "{\"nodes\":[";
      for (size_t i = 0; i < path.nodes.size(); ++i) {
        if (i) out->push_back(',');
        AppendNode(path.nodes[i], out);
      }
      *out += "],\"relationships\":[";
      for (size_t i = 0; i < path.relationships.size(); ++i) {
        if (i) out->push_back(',');
        AppendRelationship(path.relationships[i], out);
      }
      *out += "]}";
      return;
    }
  }
}

std::string ToJson(const Value& value) {
  std::string out;
  AppendJson(value, &out);
  return out;
}

std::string CellText(const Value& value, std::string_view null_text) {
  switch (value.kind()) {
    case Value::Kind::kNull: return std::string(null_text);
    case Value::Kind::kString: return value.as_string();
    case Value::Kind::kDate: return FormatDate(value.as_date());
    case Value::Kind::kDateTime: return FormatDateTime(value.as_datetime());
    default: return value.ToString();
  }
}

}  // namespace copmap::cli
