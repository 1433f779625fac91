// The command line's formatting pieces directly: table squeezing to a
// terminal width, JSON escaping, parameter literals.
#include <gtest/gtest.h>

#include "cli/param_literal.h"
#include "cli/table_layout.h"
#include "cli/value_text.h"

namespace copmap::cli {
namespace {

TEST(TableLayoutTest, SqueezesTheWidestColumnToFitAndMarksCuts) {
  Table table;
  table.header = {"id", "description"};
  table.rows = {{{"1", true}, {"a rather long description of a practice", false}},
                {{"22", true}, {"short", false}}};
  std::string wide = FormatTable(table, 0);
  EXPECT_NE(wide.find("| a rather long description of a practice |"), std::string::npos) << wide;
  std::string narrow = FormatTable(table, 24);
  EXPECT_EQ(narrow,
            "+----+-----------------+\n"
            "| id | description     |\n"
            "+----+-----------------+\n"
            "|  1 | a rather long … |\n"
            "| 22 | short           |\n"
            "+----+-----------------+\n");
  for (size_t start = 0, end; (end = narrow.find('\n', start)) != std::string::npos; start = end + 1) {
    std::string line = narrow.substr(start, end - start);
    size_t width = 0;
    for (unsigned char c : line) width += (c & 0xC0) != 0x80;
    EXPECT_LE(width, 24u) << line;
  }
}

TEST(TableLayoutTest, EscapesNewlinesAndCountsCodePoints) {
  Table table;
  table.header = {"s"};
  table.rows = {{{"é\nx", false}}};
  EXPECT_EQ(FormatTable(table, 0), "+------+\n| s    |\n+------+\n| é\\nx |\n+------+\n");
}

TEST(ValueTextTest, JsonEscapesControlsAndRepairsInvalidUtf8) {
  EXPECT_EQ(ToJson(Value("a\"b\\c\n\x01\x7f")), "\"a\\\"b\\\\c\\n\\u0001\\u007f\"");
  EXPECT_EQ(ToJson(Value("ok \xE2\x82\xAC bad \xFF end")), "\"ok \xE2\x82\xAC bad \\ufffd end\"");
  EXPECT_EQ(ToJson(Value(std::string("cut \xE2\x82"))), "\"cut \\ufffd\\ufffd\"");
  EXPECT_EQ(ToJson(Value(ValueMap{{"b", Value(1.5)}, {"a", Value(ValueList{Value(), Value(true)})}})),
            "{\"a\":[null,true],\"b\":1.5}");
  EXPECT_EQ(ToJson(Value(Date{0})), "\"1970-01-01\"");
  EXPECT_EQ(CellText(Value(), ""), "");
  EXPECT_EQ(CellText(Value("x")), "x");
}

TEST(ParamLiteralTest, LiteralsAndPlainText) {
  EXPECT_EQ(*ParseParamValue("-7"), Value(int64_t{-7}));
  EXPECT_EQ(*ParseParamValue("1e3"), Value(1000.0));
  EXPECT_EQ(*ParseParamValue("Null"), Value());
  EXPECT_EQ(*ParseParamValue("\"it's\""), Value("it's"));
  EXPECT_EQ(*ParseParamValue("'\\u00e9\\t'"), Value("\xC3\xA9\t"));
  EXPECT_EQ(*ParseParamValue("Ada Lovelace"), Value("Ada Lovelace"));
  EXPECT_EQ(*ParseParamValue("1.2.3"), Value("1.2.3"));
  EXPECT_EQ(*ParseParamValue(""), Value(""));
  EXPECT_EQ(*ParseParamValue("[]"), Value(ValueList{}));
  EXPECT_EQ(*ParseParamValue("{a: [1, {b: 'x'}]}"),
            Value(ValueMap{{"a", Value(ValueList{Value(1), Value(ValueMap{{"b", Value("x")}})})}}));
}

TEST(ParamLiteralTest, MalformedLiteralsNameTheColumn) {
  auto bad = ParseParamValue("[1, two]");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            "parameter value \"[1, two]\": column 5: expected a number, true, false, null, a "
            "quoted string, a list or a map");
  EXPECT_FALSE(ParseParamValue("'open").ok());
  EXPECT_FALSE(ParseParamValue("{a 1}").ok());
  EXPECT_FALSE(ParseParamValue("[1] x").ok());
  auto params = ParseParams({"a=1", "b='x'", "a=2"});
  ASSERT_TRUE(params.ok());
  EXPECT_EQ(*params, (ValueMap{{"b", Value("x")}, {"a", Value(2)}}));
  EXPECT_FALSE(ParseParams({"=1"}).ok());
  EXPECT_FALSE(ParseParams({"a-b=1"}).ok());
}

}  // namespace
}  // namespace copmap::cli
