#include <string>
#include <string_view>

#include "query/parser/parser.h"
#include "tests/fuzz/fuzz_input.h"
#include "tests/fuzz/fuzz_targets.h"

namespace copmap::fuzz {

int FuzzParser(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Result<query::ast::Statement> parsed = query::Parse(text);
  if (!parsed.ok()) {
    FuzzCheck(parsed.status().code() == Status::Code::kSyntaxError,
              "a refused query is a SyntaxError");
    FuzzCheck(!parsed.status().message().empty(), "a syntax error says what is wrong");
  }
  return 0;
}

}  // namespace copmap::fuzz
