// The clause and statement rules of the grammar: MATCH, UNWIND, WITH,
// RETURN, CREATE, MERGE, SET, REMOVE, DELETE, CALL, the single queries and
// UNIONs they form, schema commands (CREATE INDEX, CREATE CONSTRAINT, DROP,
// SHOW), EXPLAIN/PROFILE and the start rule. One of the grammar's translation
// units (see grammar.h).
#include "query/parser/grammar_support.h"

namespace copmap::query::parser::grammar {

COPMAP_SHARED_RULE_ID(single_query);
COPMAP_SHARED_RULE_ID(statement);

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
COPMAP_RULE(union_part, ast::UnionPart, "UNION");
COPMAP_RULE(query, ast::Query, "query");
COPMAP_RULE(create_index, ast::CreateSchema, "CREATE INDEX");
COPMAP_RULE(create_constraint, ast::CreateSchema, "CREATE CONSTRAINT");
COPMAP_RULE(drop_schema, ast::DropSchema, "DROP");
COPMAP_RULE(show_schema, ast::ShowSchema, "SHOW");
COPMAP_RULE(statement_body, ast::StatementBody, "statement");

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

// ---- schema commands and the statement ------------------------------------------

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
auto const statement_def = statement_mode >> statement_body >> -lit(';');

BOOST_SPIRIT_DEFINE(match_clause, unwind_clause, projected_expression, projected_expression_body,
                    projection_item, projection_items, sort_item, projection_body, with_clause,
                    return_clause, return_clause_body, create_clause, create_clause_body,
                    set_property, set_variable, set_labels, set_item, set_clause,
                    set_clause_body, remove_property, remove_item, remove_clause,
                    remove_clause_body, delete_clause, merge_action, merge_clause, yield_item,
                    yield_clause, call_arguments, call_clause, clause, single_query,
                    single_query_body, union_part, query, create_index, create_constraint,
                    drop_schema, show_schema, statement_body, statement)

BOOST_SPIRIT_INSTANTIATE(single_query_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(statement_type, iterator_type, context_type)

}  // namespace copmap::query::parser::grammar
