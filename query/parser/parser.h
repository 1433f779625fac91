// Parse: the first stage of the query pipeline. Text in, AST out.
//
// Spirit X3 stays behind this header: callers see only the AST (ast.h) and
// a Status. Syntax errors have code SyntaxError and read
// "line:column: message", then the source line and a caret (see
// error_handler.h).
#pragma once

#include <cstddef>
#include <string_view>

#include "query/parser/ast.h"
#include "storage/status.h"

namespace copmap::query {

// Longer query text is rejected before parsing.
inline constexpr size_t kMaxQueryBytes = 1 << 20;
// Deeper bracket nesting ((, [, {, CASE...END) is rejected before parsing,
// so that no query can drive the recursive parser, or the destruction of
// its AST, into a stack overflow.
inline constexpr int kMaxNestingDepth = 96;
// Longer names (variables, labels, property keys, parameters; backtick-quoted
// or not) are rejected before parsing.
inline constexpr size_t kMaxIdentifierBytes = 1024;

// Parses one statement, optionally ended by ';'. Thread-safe.
Result<ast::Statement> Parse(std::string_view text);

}  // namespace copmap::query
