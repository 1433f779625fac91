#include "storage/codec.h"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace copmap::storage::codec {
namespace {

std::string Hex(const std::string& s) {
  static const char* d = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    out += d[c >> 4];
    out += d[c & 15];
  }
  return out;
}

std::string Key(const Value& v) {
  std::string out;
  Status s = EncodeIndexValue(v, &out);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out;
}

TEST(CodecTest, VarintsRoundTripAndRejectTruncation) {
  for (uint64_t v : {0ull, 1ull, 127ull, 128ull, 300ull, ~0ull}) {
    std::string buf;
    PutVarint64(&buf, v);
    std::string_view in = buf;
    uint64_t got = 0;
    ASSERT_TRUE(GetVarint64(&in, &got));
    EXPECT_EQ(got, v);
    EXPECT_TRUE(in.empty());
  }
  std::string buf;
  PutVarint64(&buf, 300);
  EXPECT_EQ(Hex(buf), "ac02");
  std::string_view truncated(buf.data(), 1);
  uint64_t got;
  EXPECT_FALSE(GetVarint64(&truncated, &got));
}

TEST(CodecTest, NodeRecordExactBytes) {
  NodeRecord node{7, {1, 3}, {{0, Value(int64_t{-2})}, {2, Value("hi")}, {5, Value(true)}}};
  // labels: 02 01 03; props: 03 | 00 02(int) 03(zigzag -2) | 02 04(string) 02 'h' 'i' | 05 01 01
  EXPECT_EQ(Hex(EncodeNodeRecord(node)), "020103" "03" "000203" "02040268" "69" "050101");
}

TEST(CodecTest, RecordsRoundTripEveryKind) {
  Properties props{{0, Value(int64_t{1} << 62)},
                   {1, Value(-0.0)},
                   {2, Value(std::string("with\0nul", 8))},
                   {3, Value(Date{-3})},
                   {4, Value(DateTime{1700000000123456})},
                   {5, Value(ValueList{Value(1), Value("a"), Value(), Value(2.5)})},
                   {6, Value(false)}};
  NodeRecord node{42, {0}, props};
  auto back = DecodeNodeRecord(42, EncodeNodeRecord(node));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->labels, node.labels);
  ASSERT_EQ(back->properties.size(), props.size());
  for (size_t i = 0; i < props.size(); ++i) EXPECT_EQ(back->properties[i], props[i]) << i;
  EXPECT_TRUE(std::signbit(back->properties[1].second.as_float()));

  RelRecord rel{9, 3, 100, 200, {{1, Value(0.5)}}};
  auto rback = DecodeRelRecord(9, EncodeRelRecord(rel));
  ASSERT_TRUE(rback.ok());
  EXPECT_EQ(rback->type, 3u);
  EXPECT_EQ(rback->start, 100u);
  EXPECT_EQ(rback->end, 200u);
  EXPECT_EQ(rback->properties, rel.properties);
}

TEST(CodecTest, MalformedRecordsAreCorruption) {
  NodeRecord node{1, {2}, {{0, Value("abcdef")}}};
  std::string bytes = EncodeNodeRecord(node);
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    auto r = DecodeNodeRecord(1, bytes.substr(0, cut));
    EXPECT_FALSE(r.ok()) << cut;
    if (!r.ok()) {
      EXPECT_TRUE(r.status().IsCorruption());
    }
  }
  EXPECT_FALSE(DecodeNodeRecord(1, bytes + "x").ok());  // trailing bytes
  std::string bad_kind = "\x00\x01\x00\x63";            // kind 99
  EXPECT_FALSE(DecodeNodeRecord(1, std::string(bad_kind.data(), 4)).ok());
}

TEST(CodecTest, IndexKeyExactBytes) {
  EXPECT_EQ(Hex(Key(Value(int64_t{1}))), "20" "bff0000000000000" "8000");
  EXPECT_EQ(Hex(Key(Value(1.0))), "20" "bff0000000000000" "8000");  // same domain as 1
  EXPECT_EQ(Hex(Key(Value(int64_t{-1}))), "20" "400fffffffffffff" "8000");
  EXPECT_EQ(Hex(Key(Value(0.0))), Hex(Key(Value(-0.0))));
  EXPECT_EQ(Hex(Key(Value("ab"))), "30" "6162" "0001");
  EXPECT_EQ(Hex(Key(Value(std::string("a\0b", 3)))), "30" "6100ff62" "0001");
  EXPECT_EQ(Hex(Key(Value(true))), "1001");
  EXPECT_EQ(Hex(Key(Value(Date{0}))), "40" "8000000000000000");
  EXPECT_EQ(Hex(Key(Value(ValueList{Value(1), Value()}))),
            "60" "20bff00000000000008000" "08" "00");
}

void ExpectStrictlyIncreasing(const std::vector<Value>& values) {
  for (size_t i = 1; i < values.size(); ++i) {
    EXPECT_LT(Key(values[i - 1]), Key(values[i]))
        << values[i - 1].ToString() << " should sort before " << values[i].ToString();
  }
}

TEST(CodecTest, NumbersSortByValueAcrossIntsAndFloats) {
  const double inf = std::numeric_limits<double>::infinity();
  ExpectStrictlyIncreasing({Value(-inf), Value(std::numeric_limits<int64_t>::min()), Value(-1e18),
                            Value(int64_t{-1000}), Value(-1.5), Value(int64_t{-1}), Value(-1e-300),
                            Value(0.0), Value(1e-300), Value(int64_t{1}), Value(1.5),
                            Value(int64_t{2}), Value(int64_t{1} << 53),
                            Value((int64_t{1} << 53) + 1), Value(1e18),
                            Value(std::numeric_limits<int64_t>::max() - 1),
                            Value(std::numeric_limits<int64_t>::max()), Value(1e300), Value(inf),
                            Value(std::nan(""))});
  EXPECT_EQ(Key(Value(-0.0)), Key(Value(0.0)));
  EXPECT_EQ(Key(Value(int64_t{0})), Key(Value(0.0)));
  EXPECT_EQ(Key(Value(std::nan("1"))), Key(Value(-std::nan("2"))));
}

TEST(CodecTest, StringsWithSharedPrefixesSortByBytes) {
  ExpectStrictlyIncreasing({Value(""), Value(std::string("\0", 1)), Value(std::string("\0\0", 2)),
                            Value(std::string("\x01", 1)), Value("a"),
                            Value(std::string("a\0", 2)), Value("ab"), Value("abc"), Value("abd"),
                            Value("b"), Value("\xc3\xa9")});
}

TEST(CodecTest, ListsDatesAndDomainsSort) {
  ExpectStrictlyIncreasing({Value(ValueList{}), Value(ValueList{Value(1)}),
                            Value(ValueList{Value(1), Value(2)}), Value(ValueList{Value(2)}),
                            Value(ValueList{Value("a")})});
  ExpectStrictlyIncreasing({Value(Date{-1}), Value(Date{0}), Value(Date{1})});
  ExpectStrictlyIncreasing({Value(DateTime{-5}), Value(DateTime{0}), Value(DateTime{5})});
  // Domains order: bool < number < string < date < datetime < list.
  ExpectStrictlyIncreasing({Value(false), Value(true), Value(-1e300), Value(""), Value(Date{0}),
                            Value(DateTime{0}), Value(ValueList{})});
}

TEST(CodecTest, RejectsValuesThatCannotBeIndexed) {
  std::string out;
  EXPECT_EQ(EncodeIndexValue(Value(), &out).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(EncodeIndexValue(Value(ValueMap{{"a", Value(1)}}), &out).code(),
            Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace copmap::storage::codec
