#include "storage/interchange/csv_reader.h"

#include <gtest/gtest.h>

#include "tests/interchange/test_util.h"

namespace copmap::interchange {
namespace {

using copmap::testing::TempDir;
using copmap::testing::WriteFile;

struct Parsed {
  Status status;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::vector<bool>> quoted;
  std::vector<uint64_t> lines;
};

Parsed ReadAll(const std::string& bytes, CsvOptions options = {}) {
  TempDir dir;
  std::string path = dir / "in.csv";
  WriteFile(path, bytes);
  Parsed out;
  auto reader = CsvReader::Open(path, options);
  if (!reader.ok()) {
    out.status = reader.status();
    return out;
  }
  while (true) {
    auto more = (*reader)->Next();
    if (!more.ok()) {
      out.status = more.status();
      return out;
    }
    if (!*more) return out;
    std::vector<std::string> row;
    std::vector<bool> q;
    for (size_t i = 0; i < (*reader)->size(); ++i) {
      row.emplace_back((*reader)->field(i));
      q.push_back((*reader)->quoted(i));
    }
    out.rows.push_back(row);
    out.quoted.push_back(q);
    out.lines.push_back((*reader)->line());
  }
}

TEST(CsvReaderTest, ReadsQuotedDelimitersDoubledQuotesAndNewlines) {
  Parsed p = ReadAll("a,b,c\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\nplain,,\"\"\n");
  ASSERT_TRUE(p.status.ok()) << p.status.ToString();
  ASSERT_EQ(p.rows.size(), 3u);
  EXPECT_EQ(p.rows[1], (std::vector<std::string>{"x,1", "say \"hi\"", "two\nlines"}));
  EXPECT_EQ(p.rows[2], (std::vector<std::string>{"plain", "", ""}));
  EXPECT_EQ(p.quoted[2], (std::vector<bool>{false, false, true}));
  EXPECT_EQ(p.lines, (std::vector<uint64_t>{1, 2, 4}));
}

TEST(CsvReaderTest, AcceptsBomCrlfMissingFinalNewlineAndSkipsEmptyLines) {
  Parsed p = ReadAll("\xEF\xBB\xBFid,name\r\n1,Ada\r\n\r\n2,\"Grace\"");
  ASSERT_TRUE(p.status.ok()) << p.status.ToString();
  ASSERT_EQ(p.rows.size(), 3u);
  EXPECT_EQ(p.rows[0][0], "id");  // the BOM is not part of the first field
  EXPECT_EQ(p.rows[1], (std::vector<std::string>{"1", "Ada"}));
  EXPECT_EQ(p.rows[2], (std::vector<std::string>{"2", "Grace"}));
  EXPECT_EQ(p.lines[2], 4u);
}

TEST(CsvReaderTest, UsesTheGivenDelimiter) {
  Parsed p = ReadAll("a|b\n\"x|y\"|z\n", CsvOptions{'|'});
  ASSERT_TRUE(p.status.ok());
  EXPECT_EQ(p.rows[1], (std::vector<std::string>{"x|y", "z"}));
}

TEST(CsvReaderTest, ReportsAnUnterminatedQuoteWithItsLine) {
  Parsed p = ReadAll("a,b\n1,2\n3,\"open\nstill open");
  EXPECT_EQ(p.status.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(p.status.message().find(":3: field 2: quoted field 'open\\nstill open' is not closed"),
            std::string::npos)
      << p.status.message();
}

TEST(CsvReaderTest, RefusesTextAfterAClosingQuote) {
  Parsed p = ReadAll("a,b\n\"x\"y,2\n");
  EXPECT_NE(p.status.message().find(":2: field 1: unexpected character 'y' after a closing quote"),
            std::string::npos)
      << p.status.message();
}

TEST(CsvReaderTest, RefusesInvalidUtf8NamingFieldAndByte) {
  TempDir dir;
  WriteFile(dir / "bad.csv", "id,name\n1,caf\xC3\n");
  auto reader = CsvReader::Open(dir / "bad.csv", {});
  ASSERT_TRUE(reader.ok());
  (*reader)->SetColumnNames({"id", "name"});
  ASSERT_TRUE(*(*reader)->Next());
  auto row = (*reader)->Next();
  ASSERT_FALSE(row.ok());
  EXPECT_NE(row.status().message().find("bad.csv:2: field 2 (name): invalid UTF-8 byte 0xC3 at byte 4"),
            std::string::npos)
      << row.status().message();
}

TEST(CsvReaderTest, RefusesOverlongAndSurrogateEncodings) {
  EXPECT_FALSE(ReadAll("a\n\xC0\xAF\n").status.ok());          // overlong '/'
  EXPECT_FALSE(ReadAll("a\n\xED\xA0\x80\n").status.ok());      // a UTF-16 surrogate
  EXPECT_TRUE(ReadAll("a\n\xF0\x9F\x98\x80 ok\n").status.ok());  // an emoji is fine
}

TEST(CsvReaderTest, RefusesNulBytes) {
  Parsed p = ReadAll(std::string("a,b\n1,x\0y\n", 10));
  EXPECT_NE(p.status.message().find(":2: field 2: NUL byte"), std::string::npos) << p.status.message();
}

TEST(CsvReaderTest, RefusesUtf16WithAndWithoutByteOrderMark) {
  Parsed bom = ReadAll(std::string("\xFF\xFE" "a\0,\0b\0\n\0", 10));
  EXPECT_NE(bom.status.message().find("UTF-16 (it starts with a UTF-16 byte order mark)"), std::string::npos)
      << bom.status.message();
  Parsed plain = ReadAll(std::string("i\0d\0,\0n\0\n\0" "1\0,\0x\0\n\0", 18));
  EXPECT_NE(plain.status.message().find("looks like UTF-16 without a byte order mark"), std::string::npos)
      << plain.status.message();
}

TEST(CsvReaderTest, AcceptsTenMegabyteFieldsAndRefusesFieldsOverTheLimit) {
  std::string big(10u << 20, 'x');
  Parsed ok = ReadAll("a,b\n1,\"" + big + "\"\n2," + big + "\n");
  ASSERT_TRUE(ok.status.ok()) << ok.status.ToString();
  EXPECT_EQ(ok.rows[1][1].size(), big.size());
  EXPECT_EQ(ok.rows[2][1].size(), big.size());
  Parsed limited = ReadAll("a,b\n1," + big + "\n", CsvOptions{',', 1u << 20});
  EXPECT_NE(limited.status.message().find(":2: field 2 is longer than the limit of 1048576 bytes"),
            std::string::npos)
      << limited.status.message();
}

TEST(CsvReaderTest, EmptyFileHasNoRecords) {
  Parsed p = ReadAll("");
  EXPECT_TRUE(p.status.ok());
  EXPECT_TRUE(p.rows.empty());
}

TEST(CsvReaderTest, MissingFileIsNotFound) {
  auto reader = CsvReader::Open("/nonexistent/copmap/x.csv", {});
  EXPECT_EQ(reader.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace copmap::interchange
