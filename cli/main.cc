// The `copmap` command: binds each subcommand's Option list to CLI11, parses
// the command line and runs the chosen subcommand. The only file that
// includes CLI11.
#include <CLI/CLI.hpp>

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
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);  // prints help or the error
    return rc == 0 ? copmap::cli::kExitOk : copmap::cli::kExitUsage;
  }
  for (size_t i = 0; i < subs.size(); ++i) {
    if (subs[i]->parsed()) return commands[i].run();
  }
  return copmap::cli::kExitUsage;
}
