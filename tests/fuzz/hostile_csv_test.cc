// Hostile CSV through ImportCsv: each file is refused with InvalidArgument
// naming the file, the line and what is wrong, and the store stays empty.
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "storage/graph_store.h"
#include "storage/interchange/csv_importer.h"
#include "tests/fuzz/temp_dir.h"

namespace copmap::interchange {
namespace {

// How every refused import below starts: the summary, then the first error.
const std::string kRefused =
    "InvalidArgument: import failed with 1 error; nothing was imported | <dir>/nodes_Person.csv:";

class HostileCsvTest : public ::testing::Test {
 protected:
  void SetUp() override {
    storage::StoreOptions options;
    options.sync_commits = false;
    auto store = storage::GraphStore::Open(dir_ / "db", options);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
  }

  // Imports `bytes` as nodes_Person.csv; returns the status and the first
  // reported error (paths shown relative to the temp dir as "<dir>/").
  std::string Import(const std::string& bytes, size_t max_field_bytes = 1 << 20) {
    const std::string path = dir_ / "nodes_Person.csv";
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    ImportOptions options;
    options.paths = {path};
    options.max_field_bytes = max_field_bytes;
    ImportSummary summary;
    std::vector<std::string> errors;
    Status status = ImportCsv(*store_, options, &summary, &errors);
    auto stats = store_->Stats();
    EXPECT_TRUE(stats.ok());
    EXPECT_EQ(stats->node_count, 0u) << "a refused import changed the store";
    std::string text = status.ToString() + (errors.empty() ? "" : " | " + errors[0]);
    EXPECT_LT(text.size(), 1000u) << text.substr(0, 300);
    const std::string prefix = path.substr(0, path.rfind('/') + 1);
    for (size_t at; (at = text.find(prefix)) != std::string::npos;) {
      text.replace(at, prefix.size(), "<dir>/");
    }
    return text;
  }

  fuzz::FuzzTempDir dir_;
  std::unique_ptr<storage::GraphStore> store_;
};

TEST_F(HostileCsvTest, AFieldBeyondTheLimit) {
  EXPECT_EQ(Import("id:ID,name\n1," + std::string(2 << 20, 'x') + "\n"),
            kRefused + "2: field 2 (name) is longer than the limit of 1048576 bytes (starts "
            "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')");
}

// A record may have at most CsvOptions::max_fields (10,000) fields: the
// 10,001st is refused as soon as it is read, so a million columns cost no
// more than that (before the cap they took 30 s to be refused).
TEST_F(HostileCsvTest, AMillionColumnsAreRefusedAtTheFieldLimit) {
  std::string header = "id:ID";
  for (int i = 1; i < 1'000'000; ++i) header += ",c" + std::to_string(i);
  EXPECT_EQ(Import(header + "\n1\n"),
            kRefused + "1: the record has more than 10000 fields (the limit per record)");
}

TEST_F(HostileCsvTest, TenThousandColumnsAreWithinTheLimit) {
  std::string header = "id:ID";
  for (int i = 1; i < 10'000; ++i) header += ",c" + std::to_string(i);
  EXPECT_EQ(Import(header + "\n1\n"), kRefused + "2: expected 10000 fields as in the header, found 1");
}

TEST_F(HostileCsvTest, AnUnterminatedQuote) {
  EXPECT_EQ(Import("id:ID,name\n1,\"Ada\n2,Bob\n"),
            kRefused + "2: field 2 (name): quoted field 'Ada\\n2,Bob\\n' is not closed before the end "
            "of the file (unterminated quote)");
}

TEST_F(HostileCsvTest, InvalidUtf8AndNulBytes) {
  EXPECT_EQ(Import("id:ID,name\n1,caf\xc3\n"),
            kRefused + "2: field 2 (name): invalid UTF-8 byte 0xC3 at byte 4 of the value 'caf\\xC3' "
            "(the file must be UTF-8 text)");
  EXPECT_EQ(Import("id:ID,name\n1,\xed\xa0\x80\n"),  // a lone surrogate
            kRefused + "2: field 2 (name): invalid UTF-8 byte 0xED at byte 1 of the value "
            "'\\xED\\xA0\\x80' (the file must be UTF-8 text)");
  EXPECT_EQ(Import(std::string("id:ID,name\n1,a\0b\n", 17)),
            kRefused + "2: field 2 (name): NUL byte at byte 2 of the value 'a\\x00b' (the file must "
            "be UTF-8 text)");
  EXPECT_EQ(Import(std::string("\xff\xfei\0d\0", 6)),
            kRefused + "1: the file is UTF-16 (it starts with a UTF-16 byte order mark); convert the "
            "file to UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)");
}

}  // namespace
}  // namespace copmap::interchange
