// The `copmap` command: binds each subcommand's Option list to CLI11, parses
// the command line and runs the chosen subcommand. The only file that
// includes CLI11.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <type_traits>

#include "cli/command.h"

namespace {

using copmap::cli::Command;
using copmap::cli::Option;

// The subcommands, in the order `copmap --help` lists them. Add a line here
// for a new subcommand.
constexpr Command (*kCommands[])() = {
    copmap::cli::InitCommand,   copmap::cli::ImportCommand, copmap::cli::ExportCommand,
    copmap::cli::StatsCommand,  copmap::cli::CheckCommand,  copmap::cli::BackupCommand,
    copmap::cli::RestoreCommand, copmap::cli::GenCommand,   copmap::cli::DemoCommand,
    copmap::cli::QueryCommand,  copmap::cli::ShellCommand,  copmap::cli::RenderCommand,
    copmap::cli::ServeCommand,  copmap::cli::AnalyzeCommand,
};

void Bind(CLI::App* sub, const Option& option) {
  CLI::Option* opt = std::visit(
      [&](auto* target) -> CLI::Option* {
        using T = std::remove_pointer_t<decltype(target)>;
        if constexpr (std::is_same_v<T, bool>) {
          return sub->add_flag(option.flags, *target, option.help);
        } else {
          return sub->add_option(option.flags, *target, option.help);
        }
      },
      option.target);
  if (option.required) opt->required();
  if (!option.envname.empty()) opt->envname(option.envname);
  if (!option.choices.empty()) opt->check(CLI::IsMember(option.choices));
  if (!std::holds_alternative<bool*>(option.target) && !option.required) opt->capture_default_str();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"copmap: a knowledge-graph and mapping database for communities of practice"};
  app.require_subcommand(1);
  std::vector<Command> commands;
  std::vector<CLI::App*> subs;
  for (auto factory : kCommands) {
    commands.push_back(factory());
    CLI::App* sub = app.add_subcommand(commands.back().name, commands.back().description);
    for (const Option& option : commands.back().options) Bind(sub, option);
    subs.push_back(sub);
  }
  std::string names;
  for (const Command& c : commands) names += (names.empty() ? "" : ", ") + c.name;
  bool known = argc < 2 || argv[1][0] == '-' ||
               std::any_of(commands.begin(), commands.end(),
                           [&](const Command& c) { return c.name == argv[1]; });
  if (!known) {
    std::cerr << "copmap: unknown command '" << argv[1] << "' (commands: " << names
              << "; copmap --help describes them)\n";
    return copmap::cli::kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help
    // "copmap import: paths is required", and where to read more.
    std::string where = "copmap";
    for (CLI::App* sub : subs) {
      if (sub->parsed()) where += " " + sub->get_name();
    }
    std::cerr << where << ": " << e.what() << "\nRun '" << where << " --help' for its options.\n";
    return copmap::cli::kExitUsage;
  }
  for (size_t i = 0; i < subs.size(); ++i) {
    if (subs[i]->parsed()) return commands[i].run();
  }
  return copmap::cli::kExitUsage;
}
