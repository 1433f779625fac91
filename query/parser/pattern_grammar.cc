// The pattern rules of the grammar: node and relationship patterns, length
// ranges, named paths and shortestPath. One of the grammar's translation
// units (see grammar.h).
#include "query/parser/grammar_support.h"

namespace copmap::query::parser::grammar {

COPMAP_SHARED_RULE_ID(pattern_chain);
COPMAP_SHARED_RULE_ID(pattern);
COPMAP_SHARED_RULE_ID(clause_pattern);
COPMAP_SHARED_RULE_ID(clause_pattern_part);

COPMAP_RULE(properties, ast::Atom, "properties");
COPMAP_RULE(node_pattern, ast::NodePattern, "node pattern");
COPMAP_RULE(var_length, ast::VarLength, "length range");
COPMAP_RULE(rel_detail, ast::RelDetail, "relationship detail");
COPMAP_RULE(rel_pattern, ast::RelPattern, "relationship pattern");
COPMAP_RULE(pattern_link, ast::PatternLink, "relationship pattern");
COPMAP_RULE(pattern_element, ast::PatternElement, "pattern");
COPMAP_RULE(shortest_kind, ast::ShortestKind, "shortestPath");
COPMAP_RULE(pattern_part_body, ast::PatternPart, "pattern");
COPMAP_RULE(pattern_part, ast::PatternPart, "pattern");
COPMAP_RULE(clause_node_pattern, ast::NodePattern, "node pattern");
COPMAP_RULE(clause_pattern_link, ast::PatternLink, "relationship pattern");
COPMAP_RULE(clause_pattern_element, ast::PatternElement, "pattern");
COPMAP_RULE(clause_pattern_part_body, ast::PatternPart, "pattern");

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
// [path =] element | [path =] shortestPath(element), for either kind of element.
template <typename Element>
constexpr auto PatternPartOf(Element element) {
  return -(variable >> '=')[Assign<&ast::PatternPart::path_variable>{}] >>
         ((shortest_kind[Assign<&ast::PatternPart::shortest>{}] > '(' >
           element[Assign<&ast::PatternPart::element>{}] > ')') |
          element[Assign<&ast::PatternPart::element>{}]);
}
auto const pattern_part_body_def = PatternPartOf(pattern_element);
auto const pattern_def = pattern_part % ',';
auto const clause_node_pattern_def = '(' > -variable > *(':' > any_name) > -properties > ')';
auto const clause_pattern_link_def = rel_pattern > clause_node_pattern;
auto const clause_pattern_element_def = clause_node_pattern > *clause_pattern_link;
auto const clause_pattern_part_def = clause_pattern_part_body;
auto const clause_pattern_part_body_def = PatternPartOf(clause_pattern_element);
auto const clause_pattern_def = clause_pattern_part % ',';

BOOST_SPIRIT_DEFINE(properties, node_pattern, var_length, rel_detail, rel_pattern, pattern_link,
                    pattern_element, pattern_chain, shortest_kind, pattern_part,
                    pattern_part_body, pattern, clause_node_pattern, clause_pattern_link,
                    clause_pattern_element, clause_pattern_part, clause_pattern_part_body,
                    clause_pattern)

BOOST_SPIRIT_INSTANTIATE(pattern_chain_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(pattern_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(clause_pattern_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(clause_pattern_part_type, iterator_type, context_type)

}  // namespace copmap::query::parser::grammar
