// Damaged database files: bytes flipped in or cut off an SST, the MANIFEST,
// CURRENT, the write-ahead log, and a damaged format marker. Opening must
// report the damage as a Status (never crash or abort), and `copmap check`
// must say what is wrong and exit non-zero.
#include <algorithm>
#include <functional>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "storage/graph_store.h"
#include "storage/testing.h"
#include "tests/cli/cli_run.h"
#include "tests/storage/temp_store.h"

namespace copmap::reliability {
namespace {

namespace fs = std::filesystem;
using storage::test::TempDir;

// A store with flushed data (SST files) and more commits in the WAL only.
void BuildStore(const std::string& db) {
  auto opened = storage::GraphStore::Open(db);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  storage::GraphStore& store = **opened;
  auto write_batch = [&](int from, int to) {
    auto t = store.Begin();
    auto label = t->GetOrCreateLabel("Doc");
    auto key = t->GetOrCreatePropKey("n");
    auto link = t->GetOrCreateRelType("NEXT");
    storage::NodeId previous = 0;
    for (int i = from; i < to; ++i) {
      auto id = t->CreateNode({*label}, {{*key, Value(int64_t{i})}});
      ASSERT_TRUE(id.ok());
      if (i > from) ASSERT_TRUE(t->CreateRel(*link, previous, *id, {}).ok());
      previous = *id;
    }
    ASSERT_TRUE(t->Commit().ok());
  };
  for (int batch = 0; batch < 10; ++batch) write_batch(batch * 100, batch * 100 + 100);
  ASSERT_TRUE(store.Flush().ok());
  for (int batch = 10; batch < 20; ++batch) write_batch(batch * 100, batch * 100 + 100);
}

std::vector<fs::path> FilesNamed(const std::string& db, const std::function<bool(const std::string&)>& match) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(db)) {
    if (e.is_regular_file() && match(e.path().filename().string())) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end(), [](const fs::path& a, const fs::path& b) {
    return fs::file_size(a) > fs::file_size(b);
  });
  return out;
}

void FlipBytes(const fs::path& file, uint64_t offset, int count) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  for (int i = 0; i < count; ++i) {
    f.seekg(std::streamoff(offset + i));
    char c = 0;
    f.get(c);
    f.seekp(std::streamoff(offset + i));
    f.put(char(c ^ 0x5a));
  }
}

struct CheckRun {
  int code = -1;
  std::string output;  // stdout and stderr
};

CheckRun CopmapCheck(const std::string& db) {
  copmap::testing::CliResult r = copmap::testing::RunCopmap("check --db '" + db + "'");
  return {r.code, r.out + r.err};
}

class CorruptionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    pristine_ = new TempDir();
    BuildStore(pristine_->Sub("db"));
  }
  static void TearDownTestSuite() { delete pristine_; }
  void SetUp() override {
    fs::copy(pristine_->Sub("db"), db(), fs::copy_options::recursive);
  }
  std::string db() const { return dir_.Sub("db"); }

  // Opens the damaged copy and runs Check(); the first failure found, or OK.
  Status OpenAndCheck() {
    auto store = storage::GraphStore::Open(db(), {.create_if_missing = false});
    if (!store.ok()) return store.status();
    auto violations = (*store)->Check();
    if (!violations.ok()) return violations.status();
    if (!violations->empty()) return Status::Corruption("violation: " + violations->front().what);
    return Status::OK();
  }

  static TempDir* pristine_;
  TempDir dir_;
};
TempDir* CorruptionTest::pristine_ = nullptr;

std::vector<fs::path> Ssts(const std::string& db) {
  return FilesNamed(db, [](const std::string& n) { return n.ends_with(".sst"); });
}
std::vector<fs::path> Manifests(const std::string& db) {
  return FilesNamed(db, [](const std::string& n) { return n.starts_with("MANIFEST-"); });
}
std::vector<fs::path> Wals(const std::string& db) {
  return FilesNamed(db, [](const std::string& n) { return n.ends_with(".log"); });
}

// Both ways in (the library and `copmap check`) report corruption naming
// `what` (the damaged file or record); nothing crashes.
void ExpectCorruptionReported(const Status& opened, const CheckRun& check, const std::string& what) {
  EXPECT_EQ(opened.code(), Status::Code::kCorruption) << opened.ToString();
  EXPECT_NE(opened.message().find(what), std::string::npos) << opened.ToString();
  EXPECT_EQ(check.code, 3) << check.output;  // I/O or database error
  EXPECT_NE(check.output.find("Corruption"), std::string::npos) << check.output;
  EXPECT_NE(check.output.find(what), std::string::npos) << check.output;
}

TEST_F(CorruptionTest, FlippedBytesInAnSstAreACorruptionNamingTheFile) {
  fs::path sst = Ssts(db())[0];
  FlipBytes(sst, fs::file_size(sst) / 3, 16);
  ExpectCorruptionReported(OpenAndCheck(), CopmapCheck(db()), sst.filename().string());
}

TEST_F(CorruptionTest, ATruncatedSstIsACorruptionNamingTheFile) {
  fs::path sst = Ssts(db())[0];
  fs::resize_file(sst, fs::file_size(sst) / 2);
  ExpectCorruptionReported(OpenAndCheck(), CopmapCheck(db()), sst.filename().string());
}

TEST_F(CorruptionTest, FlippedBytesInTheManifestAreACorruption) {
  fs::path manifest = Manifests(db())[0];
  FlipBytes(manifest, fs::file_size(manifest) / 2, 8);
  ExpectCorruptionReported(OpenAndCheck(), CopmapCheck(db()), "MANIFEST");
}

TEST_F(CorruptionTest, ATruncatedManifestIsACorruption) {
  fs::path manifest = Manifests(db())[0];
  fs::resize_file(manifest, fs::file_size(manifest) / 2);
  ExpectCorruptionReported(OpenAndCheck(), CopmapCheck(db()), "MANIFEST");
}

TEST_F(CorruptionTest, ADamagedCurrentFileIsACorruption) {
  FlipBytes(db() + "/CURRENT", 3, 2);
  ExpectCorruptionReported(OpenAndCheck(), CopmapCheck(db()), "CURRENT");
}

TEST_F(CorruptionTest, ACurrentFileNamingAMissingManifestIsACorruption) {
  std::ofstream(db() + "/CURRENT", std::ios::trunc) << "MANIFEST-999999\n";
  ExpectCorruptionReported(OpenAndCheck(), CopmapCheck(db()), "MANIFEST-999999");
}

TEST_F(CorruptionTest, AMissingCurrentFileIsACorruption) {
  fs::remove(db() + "/CURRENT");
  ExpectCorruptionReported(OpenAndCheck(), CopmapCheck(db()), "CURRENT");
}

TEST_F(CorruptionTest, ADamagedFormatMarkerIsReported) {
  {
    auto store = storage::GraphStore::Open(db());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE(storage::testing::PutRaw(**store, "meta", "format", "something else").ok());
  }
  Status opened = OpenAndCheck();
  EXPECT_EQ(opened.code(), Status::Code::kInvalidArgument) << opened.ToString();
  EXPECT_NE(opened.message().find("format marker"), std::string::npos) << opened.ToString();
  CheckRun check = CopmapCheck(db());
  EXPECT_NE(check.code, 0);
  EXPECT_NE(check.output.find("format marker"), std::string::npos) << check.output;
}

TEST_F(CorruptionTest, AMalformedFormatVersionIsACorruption) {
  {
    auto store = storage::GraphStore::Open(db());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE(storage::testing::PutRaw(**store, "meta", "version", "x").ok());
  }
  ExpectCorruptionReported(OpenAndCheck(), CopmapCheck(db()), "format version");
}

// The batches (transactions of 100 nodes, BuildStore) present after a WAL
// was damaged: each whole, and a prefix of what was committed.
void ExpectWholeBatchesInOrder(const std::string& db) {
  auto store = storage::GraphStore::Open(db, {.create_if_missing = false});
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto t = (*store)->Begin({.read_only = true});
  auto key = t->FindPropKey("n");
  ASSERT_TRUE(key.has_value());
  std::vector<int> per_batch(20, 0);
  for (auto it = t->ScanLabel(*t->FindLabel("Doc")); it->Valid(); it->Next()) {
    auto n = t->GetNodeProperty(it->id(), *key);
    ASSERT_TRUE(n.ok());
    ++per_batch[n->as_int() / 100];
  }
  int whole = 0;
  while (whole < 20 && per_batch[whole] == 100) ++whole;
  for (int b = whole; b < 20; ++b) EXPECT_EQ(per_batch[b], 0) << "batch " << b << " after a gap";
  EXPECT_GE(whole, 10) << "the flushed batches (in SST files) are always there";
  std::printf("after the WAL damage: %d of 20 transactions recovered\n", whole);
}

// Damage in the middle of the log, with valid commits after it, is refused
// with Corruption instead of dropping those commits (storage/wal_recovery.h);
// the refused opens change nothing. Accepting the loss
// (StoreOptions::accept_wal_loss, `copmap check --accept-wal-loss`) keeps the
// whole transactions before the damage and retires the damaged log, so the store
// then opens normally.
TEST_F(CorruptionTest, FlippedBytesInTheMiddleOfTheWalAreReportedNotDropped) {
  fs::path wal = Wals(db())[0];
  FlipBytes(wal, fs::file_size(wal) * 3 / 4, 8);
  for (int attempt = 0; attempt < 2; ++attempt) {
    Status opened = OpenAndCheck();
    EXPECT_EQ(opened.code(), Status::Code::kCorruption) << opened.ToString();
    EXPECT_NE(opened.message().find("has a damaged write-ahead log: more of the log follows the damage"),
              std::string::npos) << opened.ToString();
    EXPECT_NE(opened.message().find("--accept-wal-loss"), std::string::npos) << opened.ToString();
  }
  CheckRun check = CopmapCheck(db());
  EXPECT_EQ(check.code, 3) << check.output;
  EXPECT_NE(check.output.find("damaged write-ahead log"), std::string::npos) << check.output;
  std::printf("refused: %s\n", check.output.c_str());

  copmap::testing::CliResult r = copmap::testing::RunCopmap("check --accept-wal-loss --db '" + db() + "'");
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_TRUE(OpenAndCheck().ok()) << "the damaged log was not retired";
  ExpectWholeBatchesInOrder(db());
}

// A torn tail (here: the log cut short) is what a crash during a write
// leaves: the store opens with the commits before it, without an error.
TEST_F(CorruptionTest, ATruncatedWalLeavesAConsistentPrefix) {
  fs::path wal = Wals(db())[0];
  fs::resize_file(wal, fs::file_size(wal) * 3 / 4);
  EXPECT_TRUE(OpenAndCheck().ok());
  EXPECT_EQ(CopmapCheck(db()).code, 0);
  ExpectWholeBatchesInOrder(db());
}

}  // namespace
}  // namespace copmap::reliability
