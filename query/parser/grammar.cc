// Instantiates the grammar once for the iterator and context of config.h.
// This is the only translation unit that compiles the rule definitions.
#include "query/parser/grammar_def.h"

namespace copmap::query::parser {
BOOST_SPIRIT_INSTANTIATE(statement_type, iterator_type, context_type)
}  // namespace copmap::query::parser
