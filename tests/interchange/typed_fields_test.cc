#include <gtest/gtest.h>

#include "storage/interchange/csv_header.h"
#include "storage/interchange/field_value.h"
#include "storage/interchange/import_mapping.h"

namespace copmap::interchange {
namespace {

TEST(HeaderTest, ParsesTypesRolesAndIdSpaces) {
  auto level = ParseHeaderField("level:INT");
  ASSERT_TRUE(level.ok());
  EXPECT_EQ(level->property, "level");
  EXPECT_EQ(level->type, FieldType::kInt);
  auto tags = ParseHeaderField("tags:string[]");
  EXPECT_TRUE(tags->array);
  auto id = ParseHeaderField("id:ID(Person)");
  EXPECT_EQ(id->role, ColumnRole::kId);
  EXPECT_EQ(id->property, "id");
  EXPECT_EQ(id->id_space, "Person");
  EXPECT_EQ(ParseHeaderField(":START_ID(Forum)")->role, ColumnRole::kStartId);
  auto link = ParseHeaderField(":IN(CONTAINER_OF, Forum)");
  EXPECT_EQ(link->role, ColumnRole::kLinkIn);
  EXPECT_EQ(link->link_type, "CONTAINER_OF");
  EXPECT_EQ(link->id_space, "Forum");
  EXPECT_EQ(ParseHeaderField("plain")->type, FieldType::kString);
}

TEST(HeaderTest, RefusesUnknownTypesAndNamelessProperties) {
  auto unknown = ParseHeaderField("where:point");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("header field 'where:point': unknown type 'point' (supported: int"),
            std::string::npos)
      << unknown.status().message();
  EXPECT_FALSE(ParseHeaderField(":int").ok());
  EXPECT_FALSE(ParseHeaderField("x:ID(").ok());
}

TEST(FieldValueTest, IntegersAreRangeChecked) {
  EXPECT_EQ(ParseField(FieldType::kInt, false, " 42 ", false)->as_int(), 42);
  EXPECT_EQ(ParseField(FieldType::kInt, false, "-9223372036854775808", false)->as_int(), INT64_MIN);
  auto big = ParseField(FieldType::kInt, false, "99999999999999999999", false);
  EXPECT_EQ(big.status().message(), "'99999999999999999999' is out of range for a 64-bit integer");
  EXPECT_EQ(ParseField(FieldType::kInt, false, "1e400", false).status().message(), "'1e400' is not an integer");
  EXPECT_EQ(ParseField(FieldType::kInt, false, "abc", false).status().message(), "'abc' is not an integer");
  EXPECT_EQ(ParseField(FieldType::kFloat, false, "1e400", false).status().message(),
            "'1e400' is out of range for a double");
}

TEST(FieldValueTest, EmptyUnquotedIsAbsentButQuotedEmptyIsAValue) {
  EXPECT_TRUE(ParseField(FieldType::kString, false, "", false)->is_null());
  EXPECT_EQ(ParseField(FieldType::kString, false, "", true)->as_string(), "");
  EXPECT_TRUE(ParseField(FieldType::kInt, true, "", true)->as_list().empty());
}

TEST(FieldValueTest, ParsesArraysBooleansAndDates) {
  auto list = ParseField(FieldType::kInt, true, "1;2;3", false);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(*list, Value(ValueList{Value(1), Value(2), Value(3)}));
  EXPECT_EQ(ParseField(FieldType::kInt, true, "1;x", false).status().message(),
            "array element 2: 'x' is not an integer");
  EXPECT_TRUE(ParseField(FieldType::kBool, false, "TRUE", false)->as_bool());
  EXPECT_FALSE(ParseField(FieldType::kBool, false, "yes", false).ok());
  EXPECT_EQ(ParseField(FieldType::kDate, false, "2024-02-29", false)->as_date(), *ParseDate("2024-02-29"));
  EXPECT_FALSE(ParseField(FieldType::kDate, false, "2023-02-29", false).ok());
  EXPECT_TRUE(ParseField(FieldType::kDateTime, false, "2010-10-10T11:08:01.000+00:00", false).ok());
}

TEST(FieldValueTest, FormatThenParseGivesTheSameValue) {
  for (const Value& v : {Value(int64_t{-7}), Value(0.1), Value(-0.0), Value(1e300), Value(true),
                         Value("a,\"b\"\nc"), Value(*ParseDate("1999-12-31")),
                         Value(ValueList{Value("x"), Value("")}), Value(ValueList{})}) {
    bool array = false;
    auto type = CsvFieldType(v, &array);
    ASSERT_TRUE(type.has_value()) << v.ToString();
    auto text = FormatField(v);
    ASSERT_TRUE(text.ok());
    auto back = ParseField(*type, array, *text, /*quoted=*/true);
    ASSERT_TRUE(back.ok()) << *text;
    EXPECT_EQ(*back, v) << *text;
  }
  EXPECT_FALSE(FormatField(Value(ValueList{Value("a;b")})).ok());
}

TEST(IdValueTest, CanonicalIntegersBecomeInts) {
  EXPECT_EQ(IdPropertyValue("17"), Value(17));
  EXPECT_EQ(IdPropertyValue("p17"), Value("p17"));
}

TEST(MappingTest, ParsesSectionsAndFindsTheLongestMatch) {
  auto m = ParseMapping("delimiter = |\n[Person.csv]\nlabels = Person\ncolumn id = id:ID(P)\n"
                        "[dynamic/Person.csv]\nlabels = Human\n",
                        "m.map");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(*m->delimiter, '|');
  EXPECT_EQ(*m->Find("/data/dynamic/Person.csv")->labels, "Human");
  EXPECT_EQ(*m->Find("/data/static/Person.csv")->labels, "Person");
  EXPECT_EQ(m->Find("/data/XPerson.csv"), nullptr);
  EXPECT_EQ(m->files[0].columns[0], (std::pair<std::string, std::string>{"id", "id:ID(P)"}));
}

TEST(MappingTest, CommentsAfterAValueAreStripped) {
  auto m = ParseMapping("# whole line\ndelimiter = #   # a hash-delimited export\n"
                        "[Person.csv]  # the HR file\n"
                        "labels = C#;Person\t# tab before the comment\n"
                        "column Employee # = id:ID(P)  # the header holds ' #'\n",
                        "m.map");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(*m->delimiter, '#');
  ASSERT_EQ(m->files.size(), 1u);
  EXPECT_EQ(m->files[0].pattern, "Person.csv");
  EXPECT_EQ(*m->files[0].labels, "C#;Person");
  EXPECT_EQ(m->files[0].columns[0], (std::pair<std::string, std::string>{"Employee #", "id:ID(P)"}));
  // A comment does not hide a missing value.
  EXPECT_EQ(ParseMapping("[a.csv]\ntype =   # none\n", "m.map").status().message(),
            "m.map:2: type needs a relationship type");
}

TEST(MappingTest, ErrorsNameTheLine) {
  auto m = ParseMapping("[a.csv]\nlabels = A\ncolour = red\n", "m.map");
  EXPECT_EQ(m.status().message(),
            "m.map:3: unknown key 'colour' (expected labels, type, delimiter, skip or column NAME)");
  EXPECT_FALSE(ParseMapping("labels = A\n", "m.map").ok());
  EXPECT_FALSE(ParseMapping("[a.csv]\nlabels = A\ntype = B\n", "m.map").ok());
}

}  // namespace
}  // namespace copmap::interchange
