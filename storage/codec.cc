#include "storage/codec.h"

#include <cmath>
#include <cstring>
#include <limits>

#include "storage/keys.h"

namespace copmap::storage::codec {

void PutVarint64(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(char(v | 0x80));
    v >>= 7;
  }
  out->push_back(char(v));
}

bool GetVarint64(std::string_view* in, uint64_t* v) {
  uint64_t result = 0;
  for (int shift = 0, i = 0; shift <= 63 && i < int(in->size()); shift += 7, ++i) {
    auto byte = static_cast<unsigned char>((*in)[i]);
    result |= uint64_t(byte & 0x7F) << shift;
    if (!(byte & 0x80)) {
      in->remove_prefix(i + 1);
      *v = result;
      return true;
    }
  }
  return false;
}

namespace {

using Kind = Value::Kind;

void PutFixedDouble(std::string* out, double d) {
  uint64_t bits;
  std::memcpy(&bits, &d, 8);
  for (int i = 0; i < 8; ++i) out->push_back(char(bits >> (8 * i)));
}

bool GetFixedDouble(std::string_view* in, double* d) {
  if (in->size() < 8) return false;
  uint64_t bits = 0;
  for (int i = 7; i >= 0; --i) bits = bits << 8 | static_cast<unsigned char>((*in)[i]);
  std::memcpy(d, &bits, 8);
  in->remove_prefix(8);
  return true;
}

// Kind byte and payload of one scalar or list value.
void EncodeValue(const Value& v, std::string* out) {
  out->push_back(char(v.kind()));
  switch (v.kind()) {
    case Kind::kBool: out->push_back(v.as_bool() ? 1 : 0); break;
    case Kind::kInt: PutVarint64(out, ZigZag(v.as_int())); break;
    case Kind::kFloat: PutFixedDouble(out, v.as_float()); break;
    case Kind::kString:
      PutVarint64(out, v.as_string().size());
      out->append(v.as_string());
      break;
    case Kind::kDate: PutVarint64(out, ZigZag(v.as_date().days)); break;
    case Kind::kDateTime: PutVarint64(out, ZigZag(v.as_datetime().micros)); break;
    case Kind::kList:
      PutVarint64(out, v.as_list().size());
      for (const Value& e : v.as_list()) EncodeValue(e, out);
      break;
    default: break;  // null has no payload; other kinds are never stored
  }
}

Status Truncated(std::string_view what) {
  return Status::Corruption("truncated or malformed " + std::string(what) + " in record");
}

Status DecodeValue(std::string_view* in, bool in_list, Value* out) {
  if (in->empty()) return Truncated("value kind");
  auto kind = static_cast<Kind>(static_cast<unsigned char>((*in)[0]));
  in->remove_prefix(1);
  uint64_t u;
  switch (kind) {
    case Kind::kNull:
      if (!in_list) return Status::Corruption("null property value in record");
      *out = Value();
      return Status::OK();
    case Kind::kBool:
      if (in->empty() || static_cast<unsigned char>((*in)[0]) > 1) return Truncated("bool");
      *out = Value((*in)[0] == 1);
      in->remove_prefix(1);
      return Status::OK();
    case Kind::kInt:
      if (!GetVarint64(in, &u)) return Truncated("int");
      *out = Value(UnZigZag(u));
      return Status::OK();
    case Kind::kFloat: {
      double d;
      if (!GetFixedDouble(in, &d)) return Truncated("float");
      *out = Value(d);
      return Status::OK();
    }
    case Kind::kString:
      if (!GetVarint64(in, &u) || u > in->size()) return Truncated("string");
      *out = Value(std::string(in->substr(0, u)));
      in->remove_prefix(u);
      return Status::OK();
    case Kind::kDate:
      if (!GetVarint64(in, &u)) return Truncated("date");
      *out = Value(Date{UnZigZag(u)});
      return Status::OK();
    case Kind::kDateTime:
      if (!GetVarint64(in, &u)) return Truncated("datetime");
      *out = Value(DateTime{UnZigZag(u)});
      return Status::OK();
    case Kind::kList: {
      if (in_list) return Status::Corruption("nested list in record");
      if (!GetVarint64(in, &u) || u > in->size()) return Truncated("list");
      ValueList list;
      list.reserve(u);
      for (uint64_t i = 0; i < u; ++i) {
        Value e;
        COPMAP_RETURN_IF_ERROR(DecodeValue(in, true, &e));
        list.push_back(std::move(e));
      }
      *out = Value(std::move(list));
      return Status::OK();
    }
    default:
      return Status::Corruption("unknown value kind " +
                                std::to_string(static_cast<int>(kind)) + " in record");
  }
}

Status CheckFullyConsumed(std::string_view rest, std::string_view what, uint64_t id) {
  if (rest.empty()) return Status::OK();
  return Status::Corruption(std::to_string(rest.size()) + " trailing bytes after " +
                            std::string(what) + " " + std::to_string(id));
}

}  // namespace

void EncodeProperties(const Properties& props, std::string* out) {
  PutVarint64(out, props.size());
  for (const auto& [key, value] : props) {
    PutVarint64(out, key);
    EncodeValue(value, out);
  }
}

Status DecodeProperties(std::string_view* in, Properties* out) {
  uint64_t count;
  if (!GetVarint64(in, &count) || count > in->size()) return Truncated("property count");
  out->clear();
  out->reserve(count);
  for (uint64_t i = 0; i < count; ++i) {
    uint64_t key;
    if (!GetVarint64(in, &key) || key > 0xFFFFFFFFu) return Truncated("property key");
    if (!out->empty() && key <= out->back().first) {
      return Status::Corruption("property keys out of order in record");
    }
    Value v;
    COPMAP_RETURN_IF_ERROR(DecodeValue(in, false, &v));
    out->emplace_back(PropKeyId(key), std::move(v));
  }
  return Status::OK();
}

void AppendNodeRecord(const NodeRecord& node, std::string* out) {
  PutVarint64(out, node.labels.size());
  for (LabelId l : node.labels) PutVarint64(out, l);
  EncodeProperties(node.properties, out);
}

std::string EncodeNodeRecord(const NodeRecord& node) {
  std::string out;
  AppendNodeRecord(node, &out);
  return out;
}

Result<NodeRecord> DecodeNodeRecord(NodeId id, std::string_view bytes) {
  NodeRecord node;
  node.id = id;
  uint64_t count, label;
  if (!GetVarint64(&bytes, &count) || count > bytes.size()) {
    return Status::Corruption("malformed label list in node " + std::to_string(id));
  }
  node.labels.reserve(count);
  for (uint64_t i = 0; i < count; ++i) {
    if (!GetVarint64(&bytes, &label) || label > 0xFFFFFFFFu) {
      return Status::Corruption("malformed label in node " + std::to_string(id));
    }
    node.labels.push_back(LabelId(label));
  }
  Status s = DecodeProperties(&bytes, &node.properties);
  if (!s.ok()) return s.WithContext("node " + std::to_string(id));
  COPMAP_RETURN_IF_ERROR(CheckFullyConsumed(bytes, "node", id));
  return node;
}

void AppendRelRecord(const RelRecord& rel, std::string* out) {
  PutVarint64(out, rel.type);
  PutVarint64(out, rel.start);
  PutVarint64(out, rel.end);
  EncodeProperties(rel.properties, out);
}

std::string EncodeRelRecord(const RelRecord& rel) {
  std::string out;
  AppendRelRecord(rel, &out);
  return out;
}

Result<RelRecord> DecodeRelRecord(RelId id, std::string_view bytes) {
  RelRecord rel;
  rel.id = id;
  uint64_t type;
  if (!GetVarint64(&bytes, &type) || type > 0xFFFFFFFFu || !GetVarint64(&bytes, &rel.start) ||
      !GetVarint64(&bytes, &rel.end)) {
    return Status::Corruption("malformed header in relationship " + std::to_string(id));
  }
  rel.type = RelTypeId(type);
  Status s = DecodeProperties(&bytes, &rel.properties);
  if (!s.ok()) return s.WithContext("relationship " + std::to_string(id));
  COPMAP_RETURN_IF_ERROR(CheckFullyConsumed(bytes, "relationship", id));
  return rel;
}

// --- ordered index values -------------------------------------------------------

uint64_t OrderedDouble(double d) {
  if (std::isnan(d)) d = std::numeric_limits<double>::quiet_NaN();
  if (d == 0) d = 0.0;  // -0.0 equals 0.0
  uint64_t bits;
  std::memcpy(&bits, &d, 8);
  if (std::isnan(d)) bits = 0x7FF8000000000000ull;  // one canonical NaN
  return (bits & 0x8000000000000000ull) ? ~bits : bits | 0x8000000000000000ull;
}

uint64_t OrderedInt64(int64_t v) { return uint64_t(v) ^ 0x8000000000000000ull; }

namespace {

void PutNumber(std::string* out, double nearest, int diff) {
  out->push_back(char(kNumberTag));
  keys::PutBig64(out, OrderedDouble(nearest));
  uint16_t biased = uint16_t(0x8000 + diff);
  out->push_back(char(biased >> 8));
  out->push_back(char(biased));
}

}  // namespace

uint8_t IndexDomainTag(const Value& v) {
  switch (v.kind()) {
    case Kind::kBool: return kBoolTag;
    case Kind::kInt:
    case Kind::kFloat: return kNumberTag;
    case Kind::kString: return kStringTag;
    case Kind::kDate: return kDateTag;
    case Kind::kDateTime: return kDateTimeTag;
    case Kind::kList: return kListTag;
    default: return kNullTag;
  }
}

Status EncodeIndexValue(const Value& v, std::string* out) {
  switch (v.kind()) {
    case Kind::kBool:
      out->push_back(char(kBoolTag));
      out->push_back(v.as_bool() ? 1 : 0);
      return Status::OK();
    case Kind::kInt: {
      int64_t i = v.as_int();
      double nearest = static_cast<double>(i);
      // Exact in 128 bits: nearest is integral and within [-2^63, 2^63].
      auto diff = static_cast<int>(static_cast<__int128>(i) - static_cast<__int128>(nearest));
      PutNumber(out, nearest, diff);
      return Status::OK();
    }
    case Kind::kFloat:
      PutNumber(out, v.as_float(), 0);
      return Status::OK();
    case Kind::kString:
      out->push_back(char(kStringTag));
      for (char c : v.as_string()) {
        out->push_back(c);
        if (c == '\0') out->push_back(char(0xFF));
      }
      out->push_back('\0');
      out->push_back('\1');
      return Status::OK();
    case Kind::kDate:
      out->push_back(char(kDateTag));
      keys::PutBig64(out, OrderedInt64(v.as_date().days));
      return Status::OK();
    case Kind::kDateTime:
      out->push_back(char(kDateTimeTag));
      keys::PutBig64(out, OrderedInt64(v.as_datetime().micros));
      return Status::OK();
    case Kind::kList:
      out->push_back(char(kListTag));
      for (const Value& e : v.as_list()) {
        if (e.is_null()) {
          out->push_back(char(kNullTag));
        } else if (e.is_list()) {
          return Status::InvalidArgument("cannot index a nested list: " + v.ToString());
        } else {
          COPMAP_RETURN_IF_ERROR(EncodeIndexValue(e, out));
        }
      }
      out->push_back('\0');
      return Status::OK();
    default:
      return Status::InvalidArgument("a " + std::string(Value::KindName(v.kind())) +
                                     " value cannot be a property or index key: " + v.ToString());
  }
}

}  // namespace copmap::storage::codec
