// copmap check: verifies every storage invariant; exit 1 when any is broken.
#include <cstdio>

#include "cli/command.h"
#include "storage/graph_store.h"

namespace copmap::cli {
namespace {

int RunCheck(const std::string& db, bool accept_wal_loss) {
  auto store = accept_wal_loss ? storage::GraphStore::Open(
                                    db, {.create_if_missing = false, .accept_wal_loss = true})
                              : OpenStore(db, /*create=*/false);
  if (!store.ok()) return Fail("check", store.status());
  auto violations = (*store)->Check();
  if (!violations.ok()) return Fail("check", violations.status());
  if (violations->empty()) {
    std::printf("ok: %s has no invariant violations\n", db.c_str());
    return kExitOk;
  }
  for (const storage::Violation& v : *violations) std::printf("violation: %s\n", v.what.c_str());
  std::fprintf(stderr, "copmap check: %zu violations in %s\n", violations->size(), db.c_str());
  return kExitUserError;
}

}  // namespace

Command CheckCommand() {
  auto db = std::make_shared<std::string>();
  auto accept_wal_loss = std::make_shared<bool>(false);
  Command c{"check",
            "Verify every invariant of the database (mirrored adjacency, degree counts, indexes, "
            "constraints, catalog); exit 0 when clean, 1 listing each violation."};
  c.options = {DbOption(db.get()),
               {"--accept-wal-loss",
                "open a store whose write-ahead log is damaged in the middle (refused otherwise), "
                "keeping the commits before the damage; the commits after it are lost",
                accept_wal_loss.get()}};
  c.run = [db, accept_wal_loss] { return RunCheck(*db, *accept_wal_loss); };
  return c;
}

}  // namespace copmap::cli
