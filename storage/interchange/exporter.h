// Export of a whole store, read on one consistent snapshot.
//
// CSV (ExportCsv): a directory of neo4j-admin-style files that ImportCsv
// reads back into the same graph (same labels, types, properties and
// structure; node and relationship ids are assigned anew). One node file per
// set of labels, "nodes_<A>_<B>.csv" with header ":ID,:LABEL,<key>:<type>...",
// and one relationship file per type, "rels_<TYPE>.csv" with header
// ":START_ID,:END_ID,:TYPE,<key>:<type>...". :ID is the store's node id. A
// property key holding values of several kinds gets one column per kind. An
// absent property is an empty field, an empty string is "". Values CSV cannot
// hold (lists of lists, lists mixing kinds, string list elements containing
// ';') make the export fail, naming the record: use JSON Lines for those.
//
// JSON Lines (ExportJsonl): one object per line, nodes first:
//   {"type":"node","id":1,"labels":["Person"],"properties":{"name":"Ada"}}
//   {"type":"relationship","id":7,"label":"KNOWS","start":1,"end":2,"properties":{"strength":0.5}}
// Properties are sorted by key; dates and datetimes are ISO-8601 strings;
// NaN and infinities are the strings "NaN", "Infinity", "-Infinity".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "storage/graph_store.h"
#include "storage/status.h"

namespace copmap::interchange {

struct ExportSummary {
  uint64_t nodes = 0;
  uint64_t relationships = 0;
  std::vector<std::string> files;
};

// Writes into `dir`, which must not exist or be empty.
Status ExportCsv(storage::GraphStore& store, const std::string& dir, ExportSummary* summary);

// Writes one file ("-" for standard output).
Status ExportJsonl(storage::GraphStore& store, const std::string& path, ExportSummary* summary);

}  // namespace copmap::interchange
