// FilePlan: what the importer learned about one input file before reading
// its rows: node or relationship file, the meaning of each column (after the
// mapping), the labels or type it gives every row, its delimiter.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/interchange/csv_header.h"
#include "storage/interchange/import_mapping.h"
#include "storage/status.h"

namespace copmap::interchange {

enum class FileKind { kNodes, kRelationships };

struct FilePlan {
  std::string path;
  FileKind kind = FileKind::kNodes;
  char delimiter = ',';
  std::vector<std::string> header_names;  // as written in the file
  std::vector<ColumnSpec> columns;        // after the mapping
  std::vector<std::string> labels;        // given to every row of a node file
  std::string type;                       // of every row of a relationship file without :TYPE
  // Indexes into columns; -1 when absent.
  int id_column = -1;
  int label_column = -1;
  int start_column = -1;
  int end_column = -1;
  int type_column = -1;
};

// Every file to import, in order: the files named in `paths`, and the
// .csv/.tsv files below each directory in `paths` (recursively, sorted).
// Files whose mapping section says skip are left out. NotFound for a path
// that does not exist.
Result<std::vector<std::string>> ListInputFiles(const std::vector<std::string>& paths,
                                                const ImportMapping* mapping);

// Reads the header of `path` and decides how to import it. `delimiter` is
// the command line's (nullopt: the mapping's, else ','). InvalidArgument
// "path:1: reason" for an empty file, a bad header field, a node file
// without :ID, a relationship file without :START_ID/:END_ID or type, ...
Result<FilePlan> PlanFile(const std::string& path, std::optional<char> delimiter,
                          const ImportMapping* mapping, size_t max_field_bytes);

}  // namespace copmap::interchange
