// Runs a document's query examples the way a reader would type them: each
// ```cypher block (optional `:param NAME VALUE` lines, then statements ending
// in ';' or one statement) followed by the ```text block showing what
// `copmap query` prints: the table, the plan of EXPLAIN/PROFILE, or the
// error message.
#pragma once

#include <string>
#include <vector>

#include "query/engine.h"
#include "tests/docs/markdown_blocks.h"

namespace copmap::docs {

struct DocExample {
  CodeBlock query;
  std::string expected;  // the following ```text block; empty when there is none
  bool has_expected = false;
};

// The ```cypher blocks of `markdown`, each with the ```text block right after it.
std::vector<DocExample> QueryExamples(const std::string& markdown);

// What `copmap query --format table` prints on stdout for the block (errors
// as their message), run on `engine` in order.
std::string RunExample(query::Engine& engine, const std::string& block_text);

// A fresh engine on a temporary database holding examples/org, loaded as
// `copmap demo` loads it (CoP schema, every CSV of the folder).
std::unique_ptr<query::Engine> OpenExampleOrganization(const std::string& dir);

}  // namespace copmap::docs
