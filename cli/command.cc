#include "cli/command.h"

#include <filesystem>
#include <iostream>

namespace copmap::cli {

Option DbOption(std::string* db) {
  if (db->empty()) *db = "copmap.db";
  return Option{"--db", "database directory (default ./copmap.db, or $COPMAP_DB)", db, false, "COPMAP_DB"};
}

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case Status::Code::kOk:
      return kExitOk;
    case Status::Code::kIOError:
    case Status::Code::kCorruption:
    case Status::Code::kInternal:
    case Status::Code::kNotSupported:
      return kExitIoError;
    default:
      return kExitUserError;
  }
}

int Fail(const std::string& command, const Status& status) {
  std::cerr << "copmap " << command << ": " << status.ToString() << "\n";
  return ExitCodeFor(status);
}

int FailWith(const std::string& command, const Status& status, int exit_code) {
  Fail(command, status);
  return exit_code;
}

Option SchemaOption(std::string* schema) {
  if (schema->empty()) *schema = "cop";
  return Option{"--schema",
                "for a new database: cop (the CoP schema's unique constraints, e.g. Person.email) "
                "or none",
                schema, false, "", {"cop", "none"}};
}

Result<std::unique_ptr<storage::GraphStore>> OpenStore(const std::string& dir, bool create,
                                                       bool cop_schema) {
  if (!create && !std::filesystem::exists(dir)) {
    return Status::NotFound(dir + ": no database here (create one with `copmap init --db " + dir +
                            "` or `copmap import`)");
  }
  storage::StoreOptions options;
  options.create_if_missing = create;
  options.cop_schema = cop_schema;
  return storage::GraphStore::Open(dir, options);
}

}  // namespace copmap::cli
