// Disk full: a store on a small tmpfs (a real file system that really runs
// out of space). Writes must fail with an error that says the disk is full;
// reads keep working; the store stays consistent (Check) and takes writes
// again once space is freed, in the same process and after reopening.
#include <chrono>
#include <filesystem>
#include <thread>
#include <fstream>

#include <gtest/gtest.h>

#include "storage/graph_store.h"
#include "tests/reliability/tmpfs_mount.h"
#include "tests/storage/temp_store.h"

namespace copmap::reliability {
namespace {

namespace fs = std::filesystem;
using storage::test::TempDir;

// RocksDB resumes writing after a full disk only once the free space exceeds
// its write buffer (64 MiB): the disk is larger than that and a ballast file
// leaves 8 MiB for the store until it is deleted. tmpfs takes memory only for
// what is written.
constexpr uint64_t kDiskBytes = 104 << 20;
constexpr uint64_t kBallastBytes = 96 << 20;

void WriteBallast(const std::string& path, uint64_t bytes) {
  std::ofstream out(path, std::ios::binary);
  std::string chunk(1 << 16, 'b');
  for (uint64_t n = 0; n < bytes; n += chunk.size()) out.write(chunk.data(), chunk.size());
}

// One transaction: a node holding a 4 KiB text (incompressible enough not to
// matter: it all goes through the WAL first).
Status WriteOne(storage::GraphStore& store, int64_t n) {
  auto t = store.Begin();
  auto label = t->GetOrCreateLabel("Note");
  if (!label.ok()) return label.status();
  auto seq = t->GetOrCreatePropKey("seq");
  if (!seq.ok()) return seq.status();
  auto text = t->GetOrCreatePropKey("text");
  if (!text.ok()) return text.status();
  std::string body(4096, char('a' + n % 26));
  for (size_t i = 0; i < body.size(); i += 7) body[i] = char('a' + (n * 31 + i) % 26);
  auto id = t->CreateNode({*label}, {{*seq, Value(n)}, {*text, Value(body)}});
  if (!id.ok()) return id.status();
  return t->Commit();
}

int64_t CountNotes(storage::GraphStore& store) {
  auto t = store.Begin({.read_only = true});
  auto label = t->FindLabel("Note");
  if (!label) return 0;
  auto count = t->CountNodes(*label);
  EXPECT_TRUE(count.ok()) << count.status().ToString();
  return count.ok() ? int64_t(*count) : -1;
}

class DiskFullTest : public ::testing::Test {
 protected:
  void SetUp() override {
    mount_ = std::make_unique<TmpfsMount>(dir_.Sub("disk"), kDiskBytes);
    ASSERT_TRUE(mount_->mounted())
        << mount_->error() << "\nThe disk-full test needs to mount a tmpfs (root or "
        << "CAP_SYS_ADMIN); run it as root or in a container that allows mount.";
    WriteBallast(ballast(), kBallastBytes);
  }
  std::string db() const { return dir_.Sub("disk/db"); }
  std::string ballast() const { return dir_.Sub("disk/ballast"); }

  TempDir dir_;
  std::unique_ptr<TmpfsMount> mount_;
};

TEST_F(DiskFullTest, WritesFailClearlyReadsGoOnAndSpaceFreedMakesItWritableAgain) {
  auto opened = storage::GraphStore::Open(db());
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  auto store = std::move(opened).value();

  int64_t committed = 0;
  Status full;
  for (int64_t n = 0; n < 10'000; ++n) {
    Status s = WriteOne(*store, n);
    if (!s.ok()) {
      full = s;
      break;
    }
    ++committed;
  }
  ASSERT_FALSE(full.ok()) << "the disk never filled up";
  std::printf("disk full after %lld commits: %s\n", static_cast<long long>(committed),
              full.ToString().c_str());
  EXPECT_EQ(full.code(), Status::Code::kIOError) << full.ToString();
  EXPECT_NE(full.message().find("No space left on device"), std::string::npos) << full.ToString();

  // Reads keep working and see exactly the committed writes.
  EXPECT_EQ(CountNotes(*store), committed);
  auto violations = store->Check();
  ASSERT_TRUE(violations.ok()) << violations.status().ToString();
  EXPECT_TRUE(violations->empty()) << violations->front().what;
  // A write still fails while the disk is full, and changes nothing.
  EXPECT_FALSE(WriteOne(*store, committed).ok());
  EXPECT_EQ(CountNotes(*store), committed);

  // Free space: the same open store takes writes again once RocksDB's
  // recovery, which polls the free space, has resumed it.
  fs::remove(ballast());
  const auto freed = std::chrono::steady_clock::now();
  Status again;
  do {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    again = WriteOne(*store, committed);
  } while (!again.ok() && std::chrono::steady_clock::now() < freed + std::chrono::seconds(60));
  EXPECT_TRUE(again.ok()) << "60 s after freeing space: " << again.ToString();
  std::printf("writable again %.1f s after freeing space\n",
              std::chrono::duration<double>(std::chrono::steady_clock::now() - freed).count());
  if (again.ok()) ++committed;
  EXPECT_EQ(CountNotes(*store), committed);

  // And after reopening.
  store.reset();
  auto reopened = storage::GraphStore::Open(db(), {.create_if_missing = false});
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  EXPECT_EQ(CountNotes(**reopened), committed);
  EXPECT_TRUE(WriteOne(**reopened, committed).ok());
  EXPECT_EQ(CountNotes(**reopened), committed + 1);
  auto after = (*reopened)->Check();
  ASSERT_TRUE(after.ok()) << after.status().ToString();
  EXPECT_TRUE(after->empty()) << after->front().what;
}

}  // namespace
}  // namespace copmap::reliability
