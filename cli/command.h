// The subcommands of `copmap`, described as plain data so that only main.cc
// includes CLI11 (it is slow to compile). A subcommand is one file that
// defines a factory returning a Command, plus one line in main.cc's table.
//
// A Command's options point into state the factory allocated and the run
// function shares; main.cc binds them to CLI11, parses, then calls run().
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "storage/graph_store.h"
#include "storage/status.h"

namespace copmap::cli {

// Exit codes of every subcommand.
enum ExitCode : int {
  kExitOk = 0,
  kExitUserError = 1,  // bad data, a failed check, a query or user error
  kExitUsage = 2,      // bad command line
  kExitIoError = 3,    // the file system or the database failed
};

struct Option {
  using Target = std::variant<std::string*, std::vector<std::string>*, int64_t*, bool*>;
  Option(std::string flags, std::string help, Target target, bool required = false,
         std::string envname = "", std::vector<std::string> choices = {})
      : flags(std::move(flags)), help(std::move(help)), target(target), required(required),
        envname(std::move(envname)), choices(std::move(choices)) {}

  // "--name" or "-n,--name" for an option, a bare "name" for a positional.
  std::string flags;
  std::string help;
  Target target;
  bool required = false;
  std::string envname;               // read from this environment variable when not given
  std::vector<std::string> choices;  // when not empty, the only accepted values
};

struct Command {
  Command(std::string name, std::string description)
      : name(std::move(name)), description(std::move(description)) {}

  std::string name;
  std::string description;
  std::vector<Option> options;
  std::function<int()> run;
};

// The --db option every database command shares: default ./copmap.db or $COPMAP_DB.
Option DbOption(std::string* db);

// Prints "copmap <command>: <status>" on stderr and returns its exit code.
int Fail(const std::string& command, const Status& status);
// Same, with a chosen exit code (kExitUsage for a bad argument value,
// kExitIoError when the database cannot be opened).
int FailWith(const std::string& command, const Status& status, int exit_code);
// The exit code for a failed status: 1 for user and data errors, 3 for I/O
// and database errors.
int ExitCodeFor(const Status& status);

// Opens the database in `dir`; `create` makes it when missing, with the CoP
// schema's unique constraints when `cop_schema`.
Result<std::unique_ptr<storage::GraphStore>> OpenStore(const std::string& dir, bool create,
                                                       bool cop_schema = true);
// The --schema option of commands that may create a database: "cop" or "none".
Option SchemaOption(std::string* schema);

// One factory per subcommand (cmd_<name>.cc).
Command InitCommand();
Command ImportCommand();
Command ExportCommand();
Command StatsCommand();
Command CheckCommand();
Command BackupCommand();
Command RestoreCommand();
Command GenCommand();
Command DemoCommand();
Command QueryCommand();
Command ShellCommand();
Command RenderCommand();
Command ServeCommand();
Command AnalyzeCommand();

}  // namespace copmap::cli
