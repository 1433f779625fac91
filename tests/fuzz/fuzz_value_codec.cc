// The record codec (storage/codec.h) on arbitrary bytes, as a corrupted
// database would hand them over, and on generated records.
#include <map>
#include <string>
#include <string_view>

#include "storage/codec.h"
#include "tests/fuzz/fuzz_input.h"
#include "tests/fuzz/fuzz_targets.h"

namespace copmap::fuzz {
namespace {

using storage::NodeRecord;
using storage::Properties;
using storage::RelRecord;
namespace codec = storage::codec;

// What decodes must re-encode to bytes that decode to the same record: the
// second encoding equals the first (NaN-safe, unlike comparing Values).
template <typename Record>
void CheckRecordBytes(std::string_view bytes,
                      Result<Record> (*decode)(uint64_t, std::string_view),
                      std::string (*encode)(const Record&)) {
  Result<Record> record = decode(7, bytes);
  if (!record.ok()) {
    FuzzCheck(record.status().IsCorruption(), "bad record bytes are Corruption");
    return;
  }
  const std::string once = encode(*record);
  Result<Record> again = decode(7, once);
  FuzzCheck(again.ok(), "a re-encoded record decodes");
  FuzzCheck(encode(*again) == once, "a record round-trips");
}

void CheckPropertyBytes(std::string_view bytes) {
  Properties props;
  if (!codec::DecodeProperties(&bytes, &props).ok()) return;
  std::string once;
  codec::EncodeProperties(props, &once);
  std::string_view view = once;
  Properties again;
  FuzzCheck(codec::DecodeProperties(&view, &again).ok() && view.empty(),
            "re-encoded properties decode completely");
  std::string twice;
  codec::EncodeProperties(again, &twice);
  FuzzCheck(twice == once, "properties round-trip");
}

// Generated properties (sorted unique keys, no null values) survive
// encode -> decode unchanged.
void CheckGeneratedRecord(FuzzInput& in) {
  std::map<storage::PropKeyId, Value> sorted;
  for (size_t n = in.Below(8); n > 0; --n) {
    Value v = in.PropertyValue();
    if (!v.is_null()) sorted[in.Byte()] = std::move(v);
  }
  NodeRecord node;
  node.id = 3;
  for (uint32_t label = in.Below(4); label > 0; --label) node.labels.push_back(label * 1000);
  node.properties.assign(sorted.begin(), sorted.end());
  Result<NodeRecord> decoded = codec::DecodeNodeRecord(3, codec::EncodeNodeRecord(node));
  FuzzCheck(decoded.ok(), "an encoded node decodes");
  FuzzCheck(decoded->labels == node.labels, "labels round-trip");
  FuzzCheck(decoded->properties.size() == node.properties.size(), "property count round-trips");
  for (size_t i = 0; i < node.properties.size(); ++i) {
    FuzzCheck(decoded->properties[i].first == node.properties[i].first &&
                  decoded->properties[i].second.ToString() ==
                      node.properties[i].second.ToString(),
              "each property round-trips");
  }
  uint64_t varint = in.Uint64();
  std::string bytes;
  codec::PutVarint64(&bytes, varint);
  std::string_view view = bytes;
  uint64_t back = 0;
  FuzzCheck(codec::GetVarint64(&view, &back) && back == varint && view.empty(),
            "a varint round-trips");
}

}  // namespace

int FuzzValueCodec(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  switch (in.Below(4)) {
    case 0:
      CheckRecordBytes<NodeRecord>(in.Rest(), codec::DecodeNodeRecord, codec::EncodeNodeRecord);
      break;
    case 1:
      CheckRecordBytes<RelRecord>(in.Rest(), codec::DecodeRelRecord, codec::EncodeRelRecord);
      break;
    case 2: CheckPropertyBytes(in.Rest()); break;
    default: CheckGeneratedRecord(in); break;
  }
  return 0;
}

}  // namespace copmap::fuzz
