// Rule declarations of the copmap query language grammar. Private to the
// parser: only grammar.cc (instantiation) and parser.cc (the caller)
// include it.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "query/parser/ast.h"
#include "query/parser/config.h"

namespace copmap::query::parser {

struct statement_class;
using statement_type = x3::rule<statement_class, ast::Statement>;
BOOST_SPIRIT_DECLARE(statement_type)

// The start rule: one statement, optionally ended by ';'.
const statement_type& StatementRule();

}  // namespace copmap::query::parser
