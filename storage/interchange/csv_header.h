// The typed header of a neo4j-admin-style CSV file, one ColumnSpec per field.
//
//   name                a string property
//   name:TYPE           a typed property; TYPE is one of int long short byte
//                       float double boolean date datetime string char, any
//                       of them followed by [] for an array (elements split
//                       on the array delimiter, ';' by default)
//   name:ID / :ID       the node's import id (also stored as property `name`,
//                       an int when it parses as one); :ID(Space) names an id
//                       space so that files with overlapping ids can coexist
//   :LABEL              labels of the row, ';'-separated
//   :START_ID / :END_ID the ends of a relationship, optionally :START_ID(Space)
//   :TYPE               the relationship type of the row
//   :IGNORE             a column that is not imported
//   :OUT(TYPE,Space) / :IN(TYPE,Space)
//                       copmap extension for exports that keep foreign keys in
//                       node rows: the value is the id of another node (in
//                       Space) and the row's node gets a TYPE relationship to
//                       (OUT) or from (IN) it
//
// Type names and the keywords are case-insensitive. The last ':' separates
// the name from the type, so property names may not contain ':'.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storage/status.h"

namespace copmap::interchange {

enum class ColumnRole { kProperty, kId, kLabel, kStartId, kEndId, kType, kIgnore, kLinkOut, kLinkIn };

enum class FieldType { kString, kInt, kFloat, kBool, kDate, kDateTime };

struct ColumnSpec {
  std::string header;    // the header field as written
  ColumnRole role = ColumnRole::kProperty;
  std::string property;  // property name (empty for :ID, :LABEL, ...)
  FieldType type = FieldType::kString;
  bool array = false;
  std::string id_space;   // for :ID, :START_ID, :END_ID, :OUT, :IN ("" is the default space)
  std::string link_type;  // for :OUT and :IN
};

// Parses one header field. InvalidArgument names the field and the reason
// (unknown type, empty name, bad id space, ...).
Result<ColumnSpec> ParseHeaderField(std::string_view field);

// The header name of a type as written by the exporter: "int", "float", ...
std::string_view FieldTypeName(FieldType type);

}  // namespace copmap::interchange
