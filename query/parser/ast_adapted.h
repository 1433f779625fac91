// Fusion adaptation of the AST, so that X3 can fill the structs from
// sequences. Only the parser's private files include this header.
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>

#include "query/parser/ast.h"

BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::Term, prefixes, atom, postfixes)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::Operation, op, operand)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::Expression, first, rest)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::Subscript, from, is_slice, to)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::MapEntry, key, value)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::FunctionCall, name, distinct, args)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::CaseAlternative, when, then)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::CaseExpression, subject, alternatives, otherwise)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::ListComprehension, variable, list, where,
                          projection)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::Quantifier, kind, variable, list, where)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::NodePattern, variable, labels, properties)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::VarLength, min, has_dots, max)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::RelDetail, variable, types, length, properties)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::RelPattern, left_arrow, detail, right_arrow)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::PatternLink, rel, node)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::PatternElement, first, links)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::PatternPart, path_variable, shortest, element)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::PatternComprehension, path_variable, element, where,
                          projection)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::Match, optional, pattern, where)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::Unwind, list, variable)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::ProjectionItem, value, alias)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::SortItem, expression, descending)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::ProjectionBody, distinct, star, items, order_by,
                          skip, limit)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::With, body, where)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::SetProperty, variable, key, value)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::SetVariable, variable, merge, value)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::SetLabels, variable, labels)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::RemoveProperty, variable, key)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::Delete, detach, targets)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::MergeAction, on_create, items)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::Merge, pattern, actions)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::YieldItem, field, alias)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::Yield, star, items, where)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::Call, procedure, args, yield)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::UnionPart, all, query)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::Query, first, unions)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::CreateSchema, unique, name, if_not_exists,
                          variable, label, property_variable, property)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::DropSchema, constraint, name, if_exists)
BOOST_FUSION_ADAPT_STRUCT(copmap::query::ast::Statement, mode, body)
