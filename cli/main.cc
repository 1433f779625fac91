#include <CLI/CLI.hpp>

int main(int argc, char** argv) {
  CLI::App app{"copmap: a knowledge-graph and mapping database for communities of practice"};
  app.require_subcommand(1);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
