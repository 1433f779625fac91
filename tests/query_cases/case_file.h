// Query cases as data files, after Kùzu's test files.
//
//   # a comment (anywhere, also between rows)
//   -DATASET csv examples/org     optional, before the first case: CSV files
//                                 (relative to the source root) to import first
//   -CASE CreateAndMatch          a named case; the file's cases share one store,
//                                 in file order
//   -PARAM name 'Ada'             a parameter ($name) for the case's later
//                                 statements, in the TCK's value notation
//   -STATEMENT MATCH (p:Person)   the query; it may continue on the next lines
//              RETURN p.name
//   ---- 2                        two rows, in any order, one per line, cells
//   'Ada'                         written as Value::ToString() and joined by '|'
//   'Grace'
//   ---- ordered 2                rows in exactly this order
//   ---- ok                       succeeds; rows are not checked
//   ---- error                    fails; the following lines (up to a blank
//   SyntaxError: 1:8: ...         line or the next directive) are exactly
//                                 Status::ToString()
//   ---- error contains           fails; the next line is part of the text
#pragma once

#include <string>
#include <vector>

#include "storage/status.h"

namespace copmap::query_cases {

struct Expectation {
  enum class Kind { kOk, kRows, kOrderedRows, kError, kErrorContains };
  Kind kind = Kind::kOk;
  std::vector<std::string> rows;  // kRows, kOrderedRows
  std::string error;              // kError (may span lines), kErrorContains
};

struct Param {
  std::string name;
  std::string value;  // TCK value notation
};

struct Statement {
  std::string query;
  std::vector<Param> params;  // in effect for this statement
  Expectation expect;
  int line = 0;               // of the -STATEMENT line
};

struct TestCase {
  std::string name;
  std::vector<Statement> statements;
  int line = 0;
};

struct CaseFile {
  std::string path;
  std::string dataset;  // "" or the CSV path after "-DATASET csv"
  std::vector<TestCase> cases;
};

// Errors read "<path>:<line>: <problem>".
Result<CaseFile> ParseCaseFile(const std::string& path, const std::string& text);

}  // namespace copmap::query_cases
