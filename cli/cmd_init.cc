// copmap init: creates an empty database (with the CoP schema's constraints
// unless --schema none).
#include <cstdio>
#include <filesystem>

#include "cli/command.h"

namespace copmap::cli {
namespace {

struct InitArgs {
  std::string db;
  std::string schema;
};

int RunInit(const InitArgs& args) {
  bool existed = std::filesystem::exists(args.db);
  auto store = OpenStore(args.db, /*create=*/true, args.schema == "cop");
  if (!store.ok()) return Fail("init", store.status());
  std::printf(existed ? "%s is already a copmap database\n" : "created an empty copmap database in %s\n",
              args.db.c_str());
  return kExitOk;
}

}  // namespace

Command InitCommand() {
  auto args = std::make_shared<InitArgs>();
  Command c{"init", "Create an empty database (by default with the CoP schema's unique constraints)."};
  c.options = {DbOption(&args->db), SchemaOption(&args->schema)};
  c.run = [args] { return RunInit(*args); };
  return c;
}

}  // namespace copmap::cli
