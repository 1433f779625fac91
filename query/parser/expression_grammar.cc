// The expression rules of the grammar: literals, names, parameters,
// operators, CASE, list and pattern comprehensions, quantifiers, pattern
// predicates and EXISTS { ... }. One of the grammar's translation units (see grammar.h).
#include "query/parser/grammar_support.h"

namespace copmap::query::parser::grammar {

COPMAP_SHARED_RULE_ID(expression);
COPMAP_SHARED_RULE_ID(variable);
COPMAP_SHARED_RULE_ID(parameter);
COPMAP_SHARED_RULE_ID(map_literal);
COPMAP_SHARED_RULE_ID(qualified_name);

COPMAP_RULE(symbolic_name, std::string, "name");
COPMAP_RULE(variable_body, ast::Variable, "variable");
COPMAP_RULE(parameter_name, std::string, "parameter name");
COPMAP_RULE(parameter_body, ast::Parameter, "parameter");
COPMAP_RULE(string_literal, ast::StringLiteral, "string");
COPMAP_RULE(count_star, ast::CountStar, "count(*)");
COPMAP_RULE(list_literal, ast::ListLiteral, "list");
COPMAP_RULE(map_entry, ast::MapEntry, "map entry");
COPMAP_RULE(function_call, ast::FunctionCall, "function call");
COPMAP_RULE(case_alternative, ast::CaseAlternative, "'WHEN'");
COPMAP_RULE(case_expression, ast::CaseExpression, "CASE expression");
COPMAP_RULE(list_comprehension, ast::ListComprehension, "list comprehension");
COPMAP_RULE(quantifier, ast::Quantifier, "quantifier");
COPMAP_RULE(pattern_expression_body, ast::PatternExpression, "pattern");
COPMAP_RULE(pattern_expression, ast::PatternExpression, "pattern");
COPMAP_RULE(pattern_comprehension, ast::PatternComprehension, "pattern comprehension");
COPMAP_RULE(exists_subquery_body, ast::ExistsSubquery, "EXISTS subquery");
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
auto const pattern_comprehension_def = '[' >> -(variable >> '=') >> pattern_chain >>
                                       -(kw_WHERE > expression) >> '|' > expression > ']';
// A full subquery starts with a clause keyword; anything else is the simple
// form, a pattern with an optional WHERE.
auto const exists_subquery_def = exists_subquery_body;
auto const exists_subquery_body_def =
    kw_EXISTS >> '{' >
    (single_query[Assign<&ast::ExistsSubquery::query>{}] |
     (pattern[Assign<&ast::ExistsSubquery::pattern>{}] >
      -(kw_WHERE > expression[Assign<&ast::ExistsSubquery::where>{}]))) > '}';
auto const parenthesized_def = '(' >> expression > ')';
auto const atom_def = (kw_NULL >> attr(ast::NullLiteral{})) |
                      (kw_TRUE >> attr(ast::BoolLiteral{true})) |
                      (kw_FALSE >> attr(ast::BoolLiteral{false})) | NumberToken() |
                      string_literal | parameter | case_expression | count_star |
                      exists_subquery | quantifier | list_comprehension | pattern_comprehension |
                      list_literal |
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

BOOST_SPIRIT_DEFINE(symbolic_name, qualified_name, variable, variable_body, parameter_name,
                    parameter, parameter_body, string_literal, count_star, list_literal, map_entry,
                    map_literal, function_call, case_alternative, case_expression,
                    list_comprehension, quantifier, pattern_expression, pattern_expression_body,
                    pattern_comprehension, exists_subquery, exists_subquery_body, parenthesized,
                    atom, property_lookup, property_lookup_body, subscript, label_check,
                    label_check_body, postfix, term, operation, expression)

BOOST_SPIRIT_INSTANTIATE(expression_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(variable_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(parameter_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(map_literal_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(qualified_name_type, iterator_type, context_type)

}  // namespace copmap::query::parser::grammar
