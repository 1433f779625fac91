// copmap backup / restore: a consistent copy of the database (a RocksDB
// checkpoint made by the store), and putting one back.
#include <cstdio>
#include <filesystem>

#include "cli/command.h"

namespace copmap::cli {
namespace {

struct BackupArgs {
  std::string db;
  std::string dir;
};

int RunBackup(const BackupArgs& args) {
  auto store = OpenStore(args.db, /*create=*/false);
  if (!store.ok()) return Fail("backup", store.status());
  // `copmap backup backups/monday` should not need `mkdir backups` first.
  std::filesystem::path parent = std::filesystem::path(args.dir).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (ec) return Fail("backup", Status::IOError(parent.string() + ": cannot create: " + ec.message()));
  Status status = (*store)->Backup(args.dir);
  if (!status.ok()) return Fail("backup", status);
  std::printf("backed up %s to %s\n", args.db.c_str(), args.dir.c_str());
  return kExitOk;
}

int RunRestore(const BackupArgs& args) {
  Status status = storage::RestoreBackup(args.dir, args.db);
  if (!status.ok()) return Fail("restore", status);
  std::printf("restored %s from %s\n", args.db.c_str(), args.dir.c_str());
  return kExitOk;
}

}  // namespace

Command BackupCommand() {
  auto args = std::make_shared<BackupArgs>();
  Command c{"backup", "Write a consistent copy of the database into a new directory."};
  c.options = {DbOption(&args->db), {"dir", "backup directory (must not exist; its parent is created when missing)", &args->dir, true}};
  c.run = [args] { return RunBackup(*args); };
  return c;
}

Command RestoreCommand() {
  auto args = std::make_shared<BackupArgs>();
  Command c{"restore",
            "Replace the database with a backup made by `copmap backup` (the database must not be "
            "in use)."};
  c.options = {DbOption(&args->db), {"dir", "backup directory", &args->dir, true}};
  c.run = [args] { return RunRestore(*args); };
  return c;
}

}  // namespace copmap::cli
