// The rules that one grammar translation unit calls in another. Private to
// the parser.
//
// The grammar is split by construct into three translation units that
// compile in parallel, each holding the definitions of its rules:
//
//   expression_grammar.cc  literals, names, operators, CASE, comprehensions,
//                          quantifiers, pattern predicates, EXISTS { ... }
//   pattern_grammar.cc     node and relationship patterns, paths
//   clause_grammar.cc      MATCH ... CALL, single queries and UNION, schema
//                          commands, EXPLAIN/PROFILE and the start rule
//
// (Each unit also pays about 5 s of CPU for parsing X3, Fusion and the AST,
// which is why there are not more of them.)
//
// A rule listed here is defined in exactly one of them and explicitly
// instantiated there for the iterator and context of config.h; the others
// see only its declaration, so each unit compiles only its own rules. Every
// call of such a rule must pass exactly config.h's context: never call one
// inside x3::lexeme or x3::with (that changes the context type and the link
// fails with an undefined parse_rule).
#pragma once

#include <string>
#include <vector>

#include <boost/spirit/home/x3.hpp>

#include "query/parser/ast.h"
#include "query/parser/config.h"

namespace copmap::query::parser::grammar {

// Declares rule `name` (its ID class is defined, deriving from
// annotate_position, where the rule is). The name is what "expected X" shows.
#define COPMAP_SHARED_RULE(name, type, text)          \
  struct name##_class;                                 \
  using name##_type = x3::rule<name##_class, type>;    \
  inline constexpr name##_type name{text};             \
  BOOST_SPIRIT_DECLARE(name##_type)

// expression_grammar.cc
COPMAP_SHARED_RULE(expression, ast::Expression, "expression");
COPMAP_SHARED_RULE(variable, ast::Variable, "variable");
COPMAP_SHARED_RULE(parameter, ast::Parameter, "parameter");
COPMAP_SHARED_RULE(map_literal, ast::MapLiteral, "map");
COPMAP_SHARED_RULE(qualified_name, std::string, "name");

// pattern_grammar.cc. Clause patterns (MATCH, CREATE, MERGE) cannot be
// expressions, so they commit early and report the precise spot; the others
// leave room to backtrack (a pattern predicate versus a parenthesized
// expression).
COPMAP_SHARED_RULE(pattern_chain, ast::PatternElement, "pattern");
COPMAP_SHARED_RULE(pattern, std::vector<ast::PatternPart>, "pattern");
COPMAP_SHARED_RULE(clause_pattern, std::vector<ast::PatternPart>, "pattern");
COPMAP_SHARED_RULE(clause_pattern_part, ast::PatternPart, "pattern");

// clause_grammar.cc; statement is the start rule: one statement optionally
// ended by ';'.
COPMAP_SHARED_RULE(single_query, ast::SingleQuery, "clause");
COPMAP_SHARED_RULE(statement, ast::Statement, "statement");

#undef COPMAP_SHARED_RULE

}  // namespace copmap::query::parser::grammar
