// copmap shell: an interactive session on a local database (readline
// editing, history, completion), or a statement runner when stdin is a pipe.
#include <unistd.h>

#include <cstdio>

#include "cli/command.h"
#include "cli/line_reader.h"
#include "cli/shell_session.h"

namespace copmap::cli {
namespace {

struct ShellArgs {
  std::string db;
};

int RunShell(const ShellArgs& args) {
  auto store = OpenStore(args.db, /*create=*/false);
  if (!store.ok()) return FailWith("shell", store.status(), kExitIoError);
  auto engine = query::Engine::Wrap(std::move(*store));
  bool interactive = ::isatty(STDIN_FILENO) && ::isatty(STDOUT_FILENO);
  ShellSession session(*engine, stdout, stderr, interactive && ::isatty(STDERR_FILENO));
  LineReader reader(interactive, interactive ? DefaultHistoryFile() : "");
  if (interactive) {
    reader.SetCompletions(session.Completions());
    std::printf("copmap shell on %s. End statements with ';'. :help for commands.\n",
                args.db.c_str());
  }
  while (!session.done()) {
    auto line = reader.Read(session.pending() ? "   ...> " : "copmap> ");
    if (!line) break;
    std::vector<std::string> entries = session.Feed(*line);
    for (const std::string& entry : entries) reader.AddHistory(entry);
    // A statement may have added labels or property keys: complete them too.
    if (interactive && !entries.empty()) reader.SetCompletions(session.Completions());
  }
  if (!session.done()) session.Flush();
  if (interactive) std::printf("\n");
  // Piped input: fail when any statement failed, so scripts notice.
  return !interactive && session.failures() > 0 ? kExitUserError : kExitOk;
}

}  // namespace

Command ShellCommand() {
  auto args = std::make_shared<ShellArgs>();
  Command c{"shell",
            "Interactive query shell (statements end with ';'; :help). Reads statements from "
            "stdin when it is not a terminal."};
  c.options = {DbOption(&args->db)};
  c.run = [args] { return RunShell(*args); };
  return c;
}

}  // namespace copmap::cli
