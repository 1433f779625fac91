// Comparison semantics of the copmap query language (openCypher rules) over
// copmap::Value: three-valued equality, the partial order behind < <= > >=,
// the total order ORDER BY sorts by, and the equivalence (with a matching
// hash) that DISTINCT, grouping keys and set operations use.
//
// Ternary results are Values: true, false, or null for "unknown".
#pragma once

#include <cstddef>

#include "storage/value.h"

namespace copmap::query::runtime {

// `a = b`. Null when either side is null, or when lists/maps that otherwise
// agree contain nulls at the same positions/keys. Numbers compare by value
// across int and float (1 = 1.0 is true; int64 vs double is exact, no
// rounding). NaN equals nothing, itself included. Values of different kinds
// are simply unequal (false). Lists: different sizes are false; otherwise any
// false element pair makes false, else any null pair makes null. Maps:
// different key sets are false; then as lists over the values. Nodes and
// relationships are equal when their ids are; paths when their node and
// relationship id sequences are.
Value Equals(const Value& a, const Value& b);
// `a <> b`: the negation of Equals, null staying null.
Value NotEquals(const Value& a, const Value& b);

enum class CompareOp { kLess, kLessEqual, kGreater, kGreaterEqual };

// `a < b`, `a <= b`, ... Comparable pairs: two numbers (int and float mix;
// any comparison with NaN is false), two strings (byte order of UTF-8, which
// is code point order), two booleans (false < true), two dates, two
// datetimes, and two lists (lexicographic: the first element pair that is not
// equal decides; a proper prefix is smaller; an incomparable element pair
// before the decision makes the result null). Everything else, and any null
// operand, yields null.
Value Compare(CompareOp op, const Value& a, const Value& b);

// The total order of ORDER BY ascending: negative, zero or positive.
// Kinds rank MAP < NODE < RELATIONSHIP < LIST < PATH < DATETIME < DATE <
// STRING < BOOLEAN < NUMBER < NULL. Within NUMBER ints and floats mix by
// value, -Inf first and NaN after +Inf; 1 and 1.0 are ordered as equal.
// Lists order lexicographically by this same order (so nulls inside lists
// sort last); maps by their sorted (key, value) pairs; nodes and
// relationships by id; paths elementwise. ORDER BY ... DESC reverses the
// whole order, so null comes first there.
int OrderCompare(const Value& a, const Value& b);

// Equivalence for DISTINCT, grouping and UNION: like Equals, but null is
// equivalent to null and NaN to NaN, and it never yields null. 1 and 1.0 are
// equivalent. Two values are equivalent exactly when OrderCompare is zero.
bool Equivalent(const Value& a, const Value& b);

// A hash consistent with Equivalent: equivalent values hash equally
// (an int and an integral float of the same value hash the same).
size_t HashValue(const Value& v);

// Functors for unordered containers keyed by Value or rows of Values.
struct ValueHash {
  size_t operator()(const Value& v) const { return HashValue(v); }
};
struct ValueEquivalent {
  bool operator()(const Value& a, const Value& b) const { return Equivalent(a, b); }
};
struct RowHash {
  size_t operator()(const ValueList& row) const;
};
struct RowEquivalent {
  bool operator()(const ValueList& a, const ValueList& b) const;
};

// True for true; false for false and null (how WHERE treats a predicate).
// REQUIRES: v is null or a boolean (the caller reports other kinds).
inline bool IsTrue(const Value& v) { return v.is_bool() && v.as_bool(); }

}  // namespace copmap::query::runtime
