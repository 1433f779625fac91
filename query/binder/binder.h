// Bind: the second stage of the query pipeline. AST in, BoundStatement out.
//
// Resolves every name to a row slot and checks what openCypher checks at
// compile time. Errors are SemanticError (SyntaxError for a few that
// openCypher classes as syntax), with the openCypher detail name and a
// position into the query text:
//
//   1:8: UndefinedVariable: Variable `x` not defined
//   RETURN x
//          ^
#pragma once

#include <string_view>

#include "query/binder/bound_statement.h"
#include "query/parser/ast.h"
#include "storage/status.h"

namespace copmap::query {

// `source` is the text `statement` was parsed from (for error positions).
Result<BoundStatement> Bind(const ast::Statement& statement, std::string_view source);

}  // namespace copmap::query
