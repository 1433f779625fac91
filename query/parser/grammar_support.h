// What every grammar translation unit (see grammar.h) shares: position
// annotation, semantic-action helpers, keyword and token objects, and the
// macro that declares a rule private to one unit. Private to the parser.
//
// Conventions: `>` (expect) follows a token that commits the parse (a clause
// keyword, an opening bracket of an unambiguous construct), so a mistake
// after it reports "expected X" at the exact spot; `>>` is used where the
// parser must be free to backtrack (a parenthesized expression versus a
// pattern, a list literal versus a list comprehension). Every rule has a
// name, which is what "expected X" shows.
#pragma once

#include <string>
#include <type_traits>
#include <utility>

#include "query/parser/ast.h"
#include "query/parser/ast_adapted.h"
#include "query/parser/config.h"
#include "query/parser/grammar.h"
#include "query/parser/tokens.h"

// "expected X" names what the parser wanted. X3 describes a parser with a
// semantic action, a list (a % ','), a sequence (a >> b, a > b: by its first
// part) and an alternative (a | b) by its C++ type name; describe them by the
// names of their rules instead.
namespace copmap::query::parser {
// A parser described by its first (left) part.
template <typename Parser>
struct DescribeByLeft {
  using result_type = std::string;
  std::string operator()(const Parser& p) const { return boost::spirit::x3::what(p.left); }
};
}  // namespace copmap::query::parser

namespace boost::spirit::x3 {
template <typename Subject, typename Action>
struct get_info<action<Subject, Action>> {
  using result_type = std::string;
  std::string operator()(const action<Subject, Action>& p) const { return what(p.subject); }
};
template <typename Left, typename Right>
struct get_info<list<Left, Right>> : copmap::query::parser::DescribeByLeft<list<Left, Right>> {};
template <typename Left, typename Right>
struct get_info<sequence<Left, Right>>
    : copmap::query::parser::DescribeByLeft<sequence<Left, Right>> {};
template <typename Left, typename Right>
struct get_info<alternative<Left, Right>> {
  using result_type = std::string;
  std::string operator()(const alternative<Left, Right>& p) const {
    return what(p.left) + " or " + what(p.right);
  }
};
}  // namespace boost::spirit::x3

namespace copmap::query::parser {

// Records where a positioned node starts, and the source text of a
// projected expression (its column name).
struct annotate_position {
  template <typename Iterator, typename Attribute, typename Context>
  void on_success(Iterator const& first, Iterator const& last, Attribute& attr,
                  Context const& context) {
    if constexpr (std::is_base_of_v<ast::Positioned, Attribute>) {
      ParseState& state = x3::get<state_tag>(context).get();
      attr.offset = static_cast<uint32_t>(first - state.begin);
    }
    if constexpr (std::is_same_v<Attribute, ast::ProjectedExpression>) {
      attr.text.assign(first, last);
    }
  }
};

namespace grammar {

using x3::attr;
using x3::lit;
using x3::matches;

// A rule private to one translation unit. Rules whose definition uses
// semantic actions get no attribute in on_success, so each of those is
// wrapped by a plain rule (name = name_body) that records the position.
#define COPMAP_RULE(name, type, text)              \
  struct name##_class : annotate_position {};      \
  x3::rule<name##_class, type> const name = text

// Defines the ID class of a rule declared in grammar.h.
#define COPMAP_SHARED_RULE_ID(name) \
  struct name##_class : annotate_position {}

// ---- semantic action helpers --------------------------------------------------

// Moves the parsed attribute into a member of the rule's value.
template <auto Member>
struct Assign {
  template <typename Context>
  void operator()(Context& ctx) const {
    x3::_val(ctx).*Member = std::move(x3::_attr(ctx));
  }
};
// Sets a member of the rule's value to a constant.
template <auto Member, auto kValue>
struct AssignConst {
  template <typename Context>
  void operator()(Context& ctx) const {
    x3::_val(ctx).*Member = kValue;
  }
};

// ---- tokens -------------------------------------------------------------------

#define COPMAP_KEYWORD(w) inline constexpr Keyword kw_##w{#w}
COPMAP_KEYWORD(ALL); COPMAP_KEYWORD(ALLSHORTESTPATHS); COPMAP_KEYWORD(AND); COPMAP_KEYWORD(ANY);
COPMAP_KEYWORD(AS); COPMAP_KEYWORD(ASC); COPMAP_KEYWORD(ASCENDING); COPMAP_KEYWORD(BY);
COPMAP_KEYWORD(CALL); COPMAP_KEYWORD(CASE); COPMAP_KEYWORD(CONSTRAINT);
COPMAP_KEYWORD(CONSTRAINTS); COPMAP_KEYWORD(COUNT); COPMAP_KEYWORD(CREATE);
COPMAP_KEYWORD(DELETE); COPMAP_KEYWORD(DESC); COPMAP_KEYWORD(DESCENDING); COPMAP_KEYWORD(DETACH);
COPMAP_KEYWORD(DISTINCT); COPMAP_KEYWORD(DROP); COPMAP_KEYWORD(ELSE); COPMAP_KEYWORD(END);
COPMAP_KEYWORD(EXISTS); COPMAP_KEYWORD(EXPLAIN); COPMAP_KEYWORD(FALSE); COPMAP_KEYWORD(FOR);
COPMAP_KEYWORD(IF); COPMAP_KEYWORD(IN); COPMAP_KEYWORD(INDEX); COPMAP_KEYWORD(INDEXES);
COPMAP_KEYWORD(IS); COPMAP_KEYWORD(LIMIT); COPMAP_KEYWORD(MATCH); COPMAP_KEYWORD(MERGE);
COPMAP_KEYWORD(NONE); COPMAP_KEYWORD(NOT); COPMAP_KEYWORD(NULL); COPMAP_KEYWORD(ON);
COPMAP_KEYWORD(OPTIONAL); COPMAP_KEYWORD(ORDER); COPMAP_KEYWORD(PROFILE); COPMAP_KEYWORD(REMOVE);
COPMAP_KEYWORD(REQUIRE); COPMAP_KEYWORD(RETURN); COPMAP_KEYWORD(SET); COPMAP_KEYWORD(SHORTESTPATH);
COPMAP_KEYWORD(SHOW); COPMAP_KEYWORD(SINGLE); COPMAP_KEYWORD(SKIP); COPMAP_KEYWORD(THEN);
COPMAP_KEYWORD(TRUE); COPMAP_KEYWORD(UNION); COPMAP_KEYWORD(UNIQUE); COPMAP_KEYWORD(UNWIND);
COPMAP_KEYWORD(WHEN); COPMAP_KEYWORD(WHERE); COPMAP_KEYWORD(WITH); COPMAP_KEYWORD(YIELD);
#undef COPMAP_KEYWORD

inline constexpr Name any_name{false};
inline constexpr Name variable_name{true};
inline constexpr BinaryOpToken binary_op{false};
inline constexpr BinaryOpToken null_check{true};

}  // namespace grammar
}  // namespace copmap::query::parser
