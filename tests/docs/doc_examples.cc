#include "tests/docs/doc_examples.h"

#include <cstdio>
#include <sstream>

#include "cli/command.h"
#include "cli/param_literal.h"
#include "cli/result_printer.h"
#include "cli/shell_session.h"
#include "storage/interchange/csv_importer.h"

namespace copmap::docs {
namespace {

// The bytes written to a FILE* by `write`.
template <typename Fn>
std::string Capture(Fn write) {
  char* data = nullptr;
  size_t size = 0;
  std::FILE* out = ::open_memstream(&data, &size);
  write(out);
  std::fclose(out);
  std::string text(data, size);
  std::free(data);
  return text;
}

std::string RunStatement(query::Engine& engine, const std::string& text, const ValueMap& params) {
  return Capture([&](std::FILE* out) {
    query::QueryOptions options;
    options.params = params;
    auto printer = cli::MakeResultPrinter(cli::OutputFormat::kTable, out, 0);
    auto summary = engine.Execute(text, options, *printer);
    Status status = summary.ok() ? cli::FinishResult(*printer, cli::OutputFormat::kTable,
                                                     *summary, out, out)
                                 : summary.status();
    if (!status.ok()) std::fprintf(out, "%s\n", status.ToString().c_str());
  });
}

}  // namespace

std::vector<DocExample> QueryExamples(const std::string& markdown) {
  std::vector<CodeBlock> blocks = ExtractCodeBlocks(markdown);
  std::vector<DocExample> examples;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].info != "cypher") continue;
    DocExample e;
    e.query = blocks[i];
    if (i + 1 < blocks.size() && blocks[i + 1].info == "text") {
      e.expected = blocks[i + 1].text;
      e.has_expected = true;
    }
    examples.push_back(std::move(e));
  }
  return examples;
}

std::string RunExample(query::Engine& engine, const std::string& block_text) {
  ValueMap params;
  std::string statements, output;
  std::istringstream lines(block_text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind(":param ", 0) != 0) {
      statements += line + "\n";
      continue;
    }
    std::string rest = line.substr(7);
    size_t space = rest.find(' ');
    auto parsed = cli::ParseParams({rest.substr(0, space) + "=" + rest.substr(space + 1)});
    if (!parsed.ok()) return parsed.status().ToString() + "\n";
    params.push_back(parsed->front());
  }
  std::vector<std::string> texts = cli::TakeStatements(&statements);
  // A last statement without ';', as typed after `copmap query -e`.
  size_t begin = statements.find_first_not_of(" \n"), end = statements.find_last_not_of(" \n");
  if (begin != std::string::npos) texts.push_back(statements.substr(begin, end - begin + 1));
  for (const std::string& text : texts) output += RunStatement(engine, text, params);
  return output;
}

std::unique_ptr<query::Engine> OpenExampleOrganization(const std::string& dir) {
  auto store = cli::OpenStore(dir, /*create=*/true);
  if (!store.ok()) return nullptr;
  interchange::ImportOptions options;
  options.paths = {SourceDir() + "/examples/org"};
  interchange::ImportSummary summary;
  std::vector<std::string> errors;
  if (!interchange::ImportCsv(**store, options, &summary, &errors).ok()) return nullptr;
  return query::Engine::Wrap(std::move(*store));
}

}  // namespace copmap::docs
