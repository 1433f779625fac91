// Rule definitions of the copmap query language grammar. Included only by
// grammar.cc, which instantiates them once.
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

// "expected X" names what the parser wanted. X3 describes a rule with a
// semantic action by its C++ type name; describe it by the rule's name instead.
namespace boost::spirit::x3 {
template <typename Subject, typename Action>
struct get_info<action<Subject, Action>> {
  using result_type = std::string;
  std::string operator()(const action<Subject, Action>& p) const { return what(p.subject); }
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

// ---- rule declarations ----------------------------------------------------------

// Rules whose definition uses semantic actions get no attribute in
// on_success, so each of those is wrapped by a plain rule (name = name_body)
// that records the position.
#define COPMAP_RULE(name, type, text)              \
  struct name##_class : annotate_position {};      \
  x3::rule<name##_class, type> const name = text

COPMAP_RULE(symbolic_name, std::string, "name");
COPMAP_RULE(qualified_name, std::string, "name");
COPMAP_RULE(variable_body, ast::Variable, "variable");
COPMAP_RULE(variable, ast::Variable, "variable");
COPMAP_RULE(parameter_name, std::string, "parameter name");
COPMAP_RULE(parameter_body, ast::Parameter, "parameter");
COPMAP_RULE(parameter, ast::Parameter, "parameter");
COPMAP_RULE(string_literal, ast::StringLiteral, "string");
COPMAP_RULE(count_star, ast::CountStar, "count(*)");
COPMAP_RULE(list_literal, ast::ListLiteral, "list");
COPMAP_RULE(map_entry, ast::MapEntry, "map entry");
COPMAP_RULE(map_literal, ast::MapLiteral, "map");
COPMAP_RULE(function_call, ast::FunctionCall, "function call");
COPMAP_RULE(case_alternative, ast::CaseAlternative, "'WHEN'");
COPMAP_RULE(case_expression, ast::CaseExpression, "CASE expression");
COPMAP_RULE(list_comprehension, ast::ListComprehension, "list comprehension");
COPMAP_RULE(quantifier, ast::Quantifier, "quantifier");
COPMAP_RULE(pattern_expression_body, ast::PatternExpression, "pattern");
COPMAP_RULE(pattern_expression, ast::PatternExpression, "pattern");
COPMAP_RULE(exists_subquery, ast::ExistsSubquery, "EXISTS subquery");
COPMAP_RULE(parenthesized, ast::Expression, "expression");
COPMAP_RULE(atom, ast::Atom, "expression");
COPMAP_RULE(property_lookup_body, ast::PropertyLookup, "property name");
COPMAP_RULE(property_lookup, ast::PropertyLookup, "property name");
COPMAP_RULE(subscript, ast::Subscript, "subscript");
COPMAP_RULE(label_check_body, ast::LabelCheck, "label");
COPMAP_RULE(label_check, ast::LabelCheck, "label");
COPMAP_RULE(postfix, ast::Postfix, "postfix");
COPMAP_RULE(term, ast::Term, "expression");
COPMAP_RULE(operation, ast::Operation, "operator");
COPMAP_RULE(expression, ast::Expression, "expression");

COPMAP_RULE(properties, ast::Atom, "properties");
COPMAP_RULE(node_pattern, ast::NodePattern, "node pattern");
COPMAP_RULE(var_length, ast::VarLength, "length range");
COPMAP_RULE(rel_detail, ast::RelDetail, "relationship detail");
COPMAP_RULE(rel_pattern, ast::RelPattern, "relationship pattern");
COPMAP_RULE(pattern_link, ast::PatternLink, "relationship pattern");
COPMAP_RULE(pattern_element, ast::PatternElement, "pattern");
COPMAP_RULE(pattern_chain, ast::PatternElement, "pattern");
COPMAP_RULE(shortest_kind, ast::ShortestKind, "shortestPath");
COPMAP_RULE(pattern_part_body, ast::PatternPart, "pattern");
COPMAP_RULE(pattern_part, ast::PatternPart, "pattern");
COPMAP_RULE(pattern, std::vector<ast::PatternPart>, "pattern");
// Clause patterns (MATCH, CREATE, MERGE) cannot be expressions, so they
// commit early and report the precise spot.
COPMAP_RULE(clause_node_pattern, ast::NodePattern, "node pattern");
COPMAP_RULE(clause_pattern_link, ast::PatternLink, "relationship pattern");
COPMAP_RULE(clause_pattern_element, ast::PatternElement, "pattern");
COPMAP_RULE(clause_pattern_part_body, ast::PatternPart, "pattern");
COPMAP_RULE(clause_pattern_part, ast::PatternPart, "pattern");
COPMAP_RULE(clause_pattern, std::vector<ast::PatternPart>, "pattern");

COPMAP_RULE(match_clause, ast::Match, "MATCH");
COPMAP_RULE(unwind_clause, ast::Unwind, "UNWIND");
COPMAP_RULE(projected_expression_body, ast::ProjectedExpression, "expression");
COPMAP_RULE(projected_expression, ast::ProjectedExpression, "expression");
COPMAP_RULE(projection_item, ast::ProjectionItem, "expression");
COPMAP_RULE(projection_items, std::vector<ast::ProjectionItem>, "expression");
COPMAP_RULE(sort_item, ast::SortItem, "sort expression");
COPMAP_RULE(projection_body, ast::ProjectionBody, "projection");
COPMAP_RULE(with_clause, ast::With, "WITH");
COPMAP_RULE(return_clause_body, ast::Return, "RETURN");
COPMAP_RULE(return_clause, ast::Return, "RETURN");
COPMAP_RULE(create_clause_body, ast::Create, "CREATE");
COPMAP_RULE(create_clause, ast::Create, "CREATE");
COPMAP_RULE(set_property, ast::SetProperty, "SET item");
COPMAP_RULE(set_variable, ast::SetVariable, "SET item");
COPMAP_RULE(set_labels, ast::SetLabels, "labels");
COPMAP_RULE(set_item, ast::SetItem, "SET item");
COPMAP_RULE(set_clause_body, ast::SetClause, "SET");
COPMAP_RULE(set_clause, ast::SetClause, "SET");
COPMAP_RULE(remove_property, ast::RemoveProperty, "REMOVE item");
COPMAP_RULE(remove_item, ast::RemoveItem, "REMOVE item");
COPMAP_RULE(remove_clause_body, ast::Remove, "REMOVE");
COPMAP_RULE(remove_clause, ast::Remove, "REMOVE");
COPMAP_RULE(delete_clause, ast::Delete, "DELETE");
COPMAP_RULE(merge_action, ast::MergeAction, "ON CREATE or ON MATCH");
COPMAP_RULE(merge_clause, ast::Merge, "MERGE");
COPMAP_RULE(yield_item, ast::YieldItem, "YIELD item");
COPMAP_RULE(yield_clause, ast::Yield, "YIELD");
COPMAP_RULE(call_arguments, std::vector<ast::Expression>, "arguments");
COPMAP_RULE(call_clause, ast::Call, "CALL");
COPMAP_RULE(clause, ast::Clause, "clause");
COPMAP_RULE(single_query_body, ast::SingleQuery, "clause");
COPMAP_RULE(single_query, ast::SingleQuery, "clause");
COPMAP_RULE(union_part, ast::UnionPart, "UNION");
COPMAP_RULE(query, ast::Query, "query");
COPMAP_RULE(create_index, ast::CreateSchema, "CREATE INDEX");
COPMAP_RULE(create_constraint, ast::CreateSchema, "CREATE CONSTRAINT");
COPMAP_RULE(drop_schema, ast::DropSchema, "DROP");
COPMAP_RULE(show_schema, ast::ShowSchema, "SHOW");
COPMAP_RULE(statement_body, ast::StatementBody, "statement");
#undef COPMAP_RULE

// ---- expressions --------------------------------------------------------------

auto const symbolic_name_def = any_name;
auto const qualified_name_def = x3::raw[x3::lexeme[any_name >> *('.' >> any_name)]];
auto const variable_def = variable_body;
auto const variable_body_def = variable_name[Assign<&ast::Variable::name>{}];
auto const parameter_name_def = any_name | x3::raw[+x3::digit];
auto const parameter_def = parameter_body;
auto const parameter_body_def = x3::lexeme['$' >> parameter_name[Assign<&ast::Parameter::name>{}]];
auto const string_literal_def = StringToken()[Assign<&ast::StringLiteral::value>{}];
auto const count_star_def = kw_COUNT >> '(' >> lit('*') >> ')';
auto const list_literal_def = '[' >> -(expression % ',')[Assign<&ast::ListLiteral::items>{}] > ']';
auto const map_entry_def = symbolic_name > ':' > expression;
auto const map_literal_def = '{' >> -(map_entry % ',')[Assign<&ast::MapLiteral::entries>{}] > '}';
auto const function_call_def =
    qualified_name >> '(' >> matches[kw_DISTINCT] >> -(expression % ',') > ')';
auto const case_alternative_def = kw_WHEN > expression > kw_THEN > expression;
auto const case_expression_def =
    kw_CASE > -(!kw_WHEN >> expression) > +case_alternative > -(kw_ELSE > expression) > kw_END;
auto const list_comprehension_def = '[' >> variable >> kw_IN > expression >
                                    -(kw_WHERE > expression) > -('|' > expression) > ']';
auto const quantifier_kind = (kw_ALL >> attr(ast::QuantifierKind::kAll)) |
                             (kw_ANY >> attr(ast::QuantifierKind::kAny)) |
                             (kw_NONE >> attr(ast::QuantifierKind::kNone)) |
                             (kw_SINGLE >> attr(ast::QuantifierKind::kSingle));
auto const quantifier_def = quantifier_kind >> '(' >> variable >> kw_IN > expression >
                            -(kw_WHERE > expression) > ')';
auto const pattern_expression_def = pattern_expression_body;
auto const pattern_expression_body_def = pattern_chain[Assign<&ast::PatternExpression::element>{}];
auto const exists_subquery_def =
    kw_EXISTS >> '{' > -kw_MATCH > pattern > -(kw_WHERE > expression) > '}';
auto const parenthesized_def = '(' >> expression > ')';
auto const atom_def = (kw_NULL >> attr(ast::NullLiteral{})) |
                      (kw_TRUE >> attr(ast::BoolLiteral{true})) |
                      (kw_FALSE >> attr(ast::BoolLiteral{false})) | NumberToken() |
                      string_literal | parameter | case_expression | count_star |
                      exists_subquery | quantifier | list_comprehension | list_literal |
                      map_literal | pattern_expression | parenthesized | function_call | variable;

auto const property_lookup_def = property_lookup_body;
auto const property_lookup_body_def = '.' >> any_name[Assign<&ast::PropertyLookup::key>{}];
auto const subscript_def = '[' >> -expression >> matches[".."] >> -expression > ']';
auto const label_check_def = label_check_body;
auto const label_check_body_def = (+(':' >> any_name))[Assign<&ast::LabelCheck::labels>{}];
auto const postfix_def = property_lookup | subscript | label_check;
auto const prefix = (kw_NOT >> attr('N')) | x3::char_("+-");
auto const term_def = *prefix >> atom >> *postfix;
auto const operation_def = (null_check >> attr(ast::Term())) | (binary_op > term);
auto const expression_def = term >> *operation;

// ---- patterns -------------------------------------------------------------------

auto const properties_def = map_literal | parameter;
auto const node_pattern_def = '(' >> -variable >> *(':' >> any_name) >> -properties >> ')';
auto const var_length_def =
    '*' >> -x3::uint_parser<uint64_t>() >> matches[".."] >> -x3::uint_parser<uint64_t>();
auto const rel_detail_def = '[' > -variable > -(':' > (any_name % ('|' >> -lit(':')))) >
                            -var_length > -properties > ']';
auto const rel_pattern_def = matches['<'] >> '-' >> -rel_detail >> '-' >> matches['>'];
auto const pattern_link_def = rel_pattern >> node_pattern;
auto const pattern_element_def = node_pattern >> *pattern_link;
auto const pattern_chain_def = node_pattern >> +pattern_link;
auto const shortest_kind_def =
    (kw_SHORTESTPATH >> attr(ast::ShortestKind::kShortest)) |
    (kw_ALLSHORTESTPATHS >> attr(ast::ShortestKind::kAllShortest));
auto const pattern_part_def = pattern_part_body;
auto const pattern_part_body_def =
    -(variable >> '=')[Assign<&ast::PatternPart::path_variable>{}] >>
    ((shortest_kind[Assign<&ast::PatternPart::shortest>{}] > '(' >
      pattern_element[Assign<&ast::PatternPart::element>{}] > ')') |
     pattern_element[Assign<&ast::PatternPart::element>{}]);
auto const pattern_def = pattern_part % ',';
auto const clause_node_pattern_def = '(' > -variable > *(':' > any_name) > -properties > ')';
auto const clause_pattern_link_def = rel_pattern > clause_node_pattern;
auto const clause_pattern_element_def = clause_node_pattern > *clause_pattern_link;
auto const clause_pattern_part_def = clause_pattern_part_body;
auto const clause_pattern_part_body_def =
    -(variable >> '=')[Assign<&ast::PatternPart::path_variable>{}] >>
    ((shortest_kind[Assign<&ast::PatternPart::shortest>{}] > '(' >
      clause_pattern_element[Assign<&ast::PatternPart::element>{}] > ')') |
     clause_pattern_element[Assign<&ast::PatternPart::element>{}]);
auto const clause_pattern_def = clause_pattern_part % ',';

// ---- clauses ----------------------------------------------------------------------

auto const where = kw_WHERE > expression;
auto const match_clause_def =
    ((kw_OPTIONAL > kw_MATCH >> attr(true)) | (kw_MATCH >> attr(false))) > clause_pattern > -where;
auto const unwind_clause_def = kw_UNWIND > expression > kw_AS > variable;
auto const projected_expression_def = projected_expression_body;
auto const projected_expression_body_def =
    expression[Assign<&ast::ProjectedExpression::expression>{}];
auto const projection_item_def = projected_expression >> -(kw_AS > variable);
auto const projection_items_def = projection_item >> *(',' > projection_item);
auto const sort_item_def = expression >> (((kw_DESCENDING | kw_DESC) >> attr(true)) |
                                          ((kw_ASCENDING | kw_ASC) >> attr(false)) |
                                          attr(false));
auto const projection_body_def =
    matches[kw_DISTINCT][Assign<&ast::ProjectionBody::distinct>{}] >>
    ((lit('*')[AssignConst<&ast::ProjectionBody::star, true>{}] >>
      -(',' > projection_items[Assign<&ast::ProjectionBody::items>{}])) |
     projection_items[Assign<&ast::ProjectionBody::items>{}]) >>
    -(kw_ORDER > kw_BY > (sort_item % ',')[Assign<&ast::ProjectionBody::order_by>{}]) >>
    -(kw_SKIP > expression[Assign<&ast::ProjectionBody::skip>{}]) >>
    -(kw_LIMIT > expression[Assign<&ast::ProjectionBody::limit>{}]);
auto const with_clause_def = kw_WITH > projection_body > -where;
auto const return_clause_def = return_clause_body;
auto const return_clause_body_def = kw_RETURN > projection_body[Assign<&ast::Return::body>{}];
auto const create_clause_def = create_clause_body;
auto const create_clause_body_def = kw_CREATE > clause_pattern[Assign<&ast::Create::pattern>{}];
auto const set_property_def = variable >> '.' >> any_name >> '=' > expression;
auto const set_variable_def =
    variable >> ((lit("+=") >> attr(true)) | (lit('=') >> attr(false))) > expression;
auto const set_labels_def = variable >> +(':' > any_name);
auto const set_item_def = set_property | set_variable | set_labels;
auto const set_clause_def = set_clause_body;
auto const set_clause_body_def = kw_SET > (set_item % ',')[Assign<&ast::SetClause::items>{}];
auto const remove_property_def = variable >> '.' > any_name;
auto const remove_item_def = remove_property | set_labels;
auto const remove_clause_def = remove_clause_body;
auto const remove_clause_body_def = kw_REMOVE > (remove_item % ',')[Assign<&ast::Remove::items>{}];
auto const delete_clause_def =
    ((kw_DETACH > kw_DELETE >> attr(true)) | (kw_DELETE >> attr(false))) > (expression % ',');
auto const merge_action_def = kw_ON > ((kw_CREATE >> attr(true)) | (kw_MATCH >> attr(false))) >
                              kw_SET > (set_item % ',');
auto const merge_clause_def = kw_MERGE > clause_pattern_part > *merge_action;
auto const yield_item_def = any_name >> -(kw_AS > variable);
auto const yield_clause_def =
    kw_YIELD > (lit('*')[AssignConst<&ast::Yield::star, true>{}] |
                (yield_item % ',')[Assign<&ast::Yield::items>{}]) >
    -(kw_WHERE > expression[Assign<&ast::Yield::where>{}]);
auto const call_arguments_def = '(' > -(expression % ',') > ')';
auto const call_clause_def = kw_CALL > qualified_name > -call_arguments > -yield_clause;
auto const clause_def = match_clause | unwind_clause | with_clause | return_clause |
                        create_clause | merge_clause | set_clause | remove_clause |
                        delete_clause | call_clause;
auto const single_query_def = single_query_body;
auto const single_query_body_def = (+clause)[Assign<&ast::SingleQuery::clauses>{}];
auto const union_part_def = kw_UNION > matches[kw_ALL] > single_query;
auto const query_def = single_query >> *union_part;

// ---- schema commands and the statement ------------------------------------------------

auto const schema_name = -(!(kw_FOR | kw_IF | kw_ON) >> any_name);
auto const if_not_exists = matches[kw_IF > kw_NOT > kw_EXISTS];
auto const create_index_def = kw_CREATE >> kw_INDEX > attr(false) > schema_name > if_not_exists >
                              kw_FOR > '(' > variable > ':' > any_name > ')' > kw_ON > '(' >
                              variable > '.' > any_name > ')';
auto const create_constraint_def = kw_CREATE >> kw_CONSTRAINT > attr(true) > schema_name >
                                   if_not_exists > kw_FOR > '(' > variable > ':' > any_name >
                                   ')' > kw_REQUIRE > variable > '.' > any_name > kw_IS >
                                   kw_UNIQUE;
auto const drop_schema_def = kw_DROP > ((kw_INDEX >> attr(false)) | (kw_CONSTRAINT >> attr(true))) >
                             any_name > matches[kw_IF > kw_EXISTS];
auto const show_schema_def =
    kw_SHOW > ((kw_INDEXES | kw_INDEX) |
               (kw_CONSTRAINTS | kw_CONSTRAINT)[AssignConst<&ast::ShowSchema::constraints, true>{}]);
auto const statement_body_def =
    create_index | create_constraint | drop_schema | show_schema | query;
auto const statement_mode = (kw_EXPLAIN >> attr(ast::StatementMode::kExplain)) |
                            (kw_PROFILE >> attr(ast::StatementMode::kProfile)) |
                            attr(ast::StatementMode::kRun);

BOOST_SPIRIT_DEFINE(symbolic_name, qualified_name, variable, parameter_name, parameter, string_literal, count_star,
                    list_literal, map_entry, map_literal, function_call, case_alternative,
                    case_expression, list_comprehension, quantifier, pattern_expression,
                    exists_subquery, parenthesized, atom, property_lookup, subscript,
                    label_check, postfix, term, operation, expression)
BOOST_SPIRIT_DEFINE(properties, node_pattern, var_length, rel_detail, rel_pattern, pattern_link,
                    pattern_element, pattern_chain, shortest_kind, pattern_part, pattern,
                    clause_node_pattern, clause_pattern_link, clause_pattern_element,
                    clause_pattern_part, clause_pattern)
BOOST_SPIRIT_DEFINE(match_clause, unwind_clause, projected_expression, projection_item,
                    projection_items, sort_item, projection_body, with_clause, return_clause,
                    create_clause, set_property, set_variable, set_labels, set_item, set_clause,
                    remove_property, remove_item, remove_clause, delete_clause, merge_action,
                    merge_clause, yield_item, yield_clause, call_arguments, call_clause, clause, single_query,
                    union_part, query)
BOOST_SPIRIT_DEFINE(variable_body, parameter_body, projected_expression_body, pattern_part_body,
                    clause_pattern_part_body, pattern_expression_body, return_clause_body,
                    create_clause_body, set_clause_body, remove_clause_body, property_lookup_body,
                    label_check_body, single_query_body)
BOOST_SPIRIT_DEFINE(create_index, create_constraint, drop_schema, show_schema, statement_body)

}  // namespace grammar

struct statement_class : annotate_position {};
statement_type const statement = "statement";
auto const statement_def = grammar::statement_mode >> grammar::statement_body >> -x3::lit(';');
BOOST_SPIRIT_DEFINE(statement)

const statement_type& StatementRule() { return statement; }

}  // namespace copmap::query::parser
