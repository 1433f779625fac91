// Value <-> copmap.v1.Value: every kind survives a round trip, including a
// trip through serialized bytes, and malformed wire values are refused.
#include "server/value_codec.h"

#include <gtest/gtest.h>

#include <limits>

namespace copmap::server {
namespace {

NodeValue Ada() {
  return NodeValue{7, {"Person", "Expert"}, {{"email", Value("ada@example.org")}, {"level", Value(5)}}};
}
NodeValue Guild() { return NodeValue{9, {"Community"}, {{"name", Value("Kubernetes Guild")}}}; }
RelationshipValue MemberOf() {
  return RelationshipValue{42, "MEMBER_OF", 7, 9, {{"role", Value("core")}, {"since", Value(Date{19000})}}};
}

std::vector<Value> EveryKind() {
  return {
      Value(),
      Value(true),
      Value(false),
      Value(int64_t{0}),
      Value(std::numeric_limits<int64_t>::min()),
      Value(std::numeric_limits<int64_t>::max()),
      Value(-2.5),
      Value(std::numeric_limits<double>::infinity()),
      Value(""),
      Value("Grüße, 世界"),
      Value(Date{19753}),
      Value(Date{-1}),
      Value(DateTime{1706693400123456}),
      Value(DateTime{-5}),
      Value(ValueList{}),
      Value(ValueList{Value(1), Value("two"), Value(), Value(ValueList{Value(3.0)})}),
      Value(ValueMap{}),
      Value(ValueMap{{"b", Value(2)}, {"a", Value(ValueMap{{"x", Value(Date{1})}})}}),
      Value(Ada()),
      Value(NodeValue{}),
      Value(MemberOf()),
      Value(PathValue{}),
      Value(PathValue{{Ada()}, {}}),
      Value(PathValue{{Ada(), Guild()}, {MemberOf()}}),
      // Relationships may point against the path's direction.
      Value(PathValue{{Guild(), Ada()}, {MemberOf()}}),
  };
}

TEST(ValueCodecTest, EveryKindRoundTripsThroughBytes) {
  for (const Value& value : EveryKind()) {
    v1::Value wire;
    ToProto(value, &wire);
    v1::Value reread;
    ASSERT_TRUE(reread.ParseFromString(wire.SerializeAsString())) << value.ToString();
    Result<Value> back = FromProto(reread);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(*back, value) << value.ToString() << " came back as " << back->ToString();
    EXPECT_EQ(back->kind(), value.kind());
  }
}

TEST(ValueCodecTest, KindsUseTheirOwnOneofMember) {
  v1::Value wire;
  ToProto(Value(), &wire);
  EXPECT_EQ(wire.kind_case(), v1::Value::kNullValue);
  ToProto(Value(1), &wire);
  EXPECT_EQ(wire.kind_case(), v1::Value::kIntValue);
  EXPECT_EQ(wire.int_value(), 1);
  ToProto(Value(1.0), &wire);
  EXPECT_EQ(wire.kind_case(), v1::Value::kFloatValue);
  ToProto(Value(Date{19753}), &wire);
  EXPECT_EQ(wire.date_value().days(), 19753);
  ToProto(Value(DateTime{12}), &wire);
  EXPECT_EQ(wire.datetime_value().micros(), 12);
  ToProto(Value(MemberOf()), &wire);
  EXPECT_EQ(wire.relationship_value().type(), "MEMBER_OF");
  EXPECT_EQ(wire.relationship_value().start(), 7u);
  EXPECT_EQ(wire.relationship_value().properties().entries(0).key(), "role");
}

TEST(ValueCodecTest, UnsetValueIsNull) {
  v1::Value wire;
  Result<Value> v = FromProto(wire);
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->is_null());
}

TEST(ValueCodecTest, ParameterMapIsSortedAndLaterDuplicateWins) {
  v1::ValueMap wire;
  auto add = [&](const char* key, int64_t v) {
    v1::MapEntry* e = wire.add_entries();
    e->set_key(key);
    e->mutable_value()->set_int_value(v);
  };
  add("z", 1);
  add("a", 2);
  add("z", 3);
  Result<ValueMap> map = FromProto(wire);
  ASSERT_TRUE(map.ok());
  ASSERT_EQ(map->size(), 2u);
  EXPECT_EQ((*map)[0].first, "a");
  EXPECT_EQ((*map)[1].first, "z");
  EXPECT_EQ((*map)[1].second, Value(3));
}

TEST(ValueCodecTest, PathWithWrongCountsIsRefused) {
  v1::Value wire;
  ToProto(Value(PathValue{{Ada(), Guild()}, {MemberOf()}}), &wire);
  wire.mutable_path_value()->mutable_nodes()->RemoveLast();
  Result<Value> v = FromProto(wire, "parameter $p");
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(v.status().message(), "parameter $p: a path with 1 relationships needs 2 nodes, got 1");
}

TEST(ValueCodecTest, PathWhoseRelationshipDoesNotConnectIsRefused) {
  v1::Value wire;
  ToProto(Value(PathValue{{Ada(), Guild()}, {MemberOf()}}), &wire);
  wire.mutable_path_value()->mutable_relationships(0)->set_end(1234);
  Result<Value> v = FromProto(wire);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().message(),
            "value: path relationship 0 (id 42) does not connect nodes 7 and 9");
}

}  // namespace
}  // namespace copmap::server
