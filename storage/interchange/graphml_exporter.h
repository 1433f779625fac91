// GraphML export of a whole store, read on one consistent snapshot: one XML
// document that graph tools (Gephi, yEd, NetworkX, igraph, Neo4j's APOC)
// open directly. Export only: GraphML cannot say which property is a node's
// key, so CSV stays the format that `copmap import` reads back.
//
// The document, in the shape APOC writes and reads:
//   <graphml xmlns="http://graphml.graphdrawing.org/xmlns" ...>
//   <key id="labels" for="node" attr.name="labels" attr.type="string"/>
//   <key id="label" for="edge" attr.name="label" attr.type="string"/>
//   <key id="n0" for="node" attr.name="email" attr.type="string"/>   (one per node property)
//   <key id="e0" for="edge" attr.name="since" attr.type="string"/>   (one per edge property)
//   <graph id="G" edgedefault="directed">
//   <node id="n1" labels=":Person"><data key="labels">:Person</data><data key="n0">ada@x.org</data></node>
//   <edge id="e7" source="n1" target="n2" label="KNOWS"><data key="label">KNOWS</data>...</edge>
//   </graph></graphml>
// Node ids are "n" + the store's node id, edge ids "e" + the relationship id.
// Property keys are sorted by name. attr.type follows the values a key holds:
// boolean, long, double or string (dates and datetimes are ISO-8601 strings;
// a key holding several kinds is a string). Lists are JSON arrays in a string
// attribute with attr.list naming the element type, as APOC writes them.
// Doubles use XML Schema's lexical forms (INF, -INF, NaN).
//
// XML 1.0 cannot hold the control characters U+0000-U+001F other than tab,
// line feed and carriage return, nor U+FFFE/U+FFFF: a string holding one
// fails the export with InvalidArgument naming the record and property (use
// JSON Lines for such data). Every value is checked in a first pass over the
// snapshot, so a failed export has not created `path`.
#pragma once

#include <string>

#include "storage/graph_store.h"
#include "storage/interchange/exporter.h"
#include "storage/status.h"

namespace copmap::interchange {

// Writes one GraphML file ("-" for standard output).
Status ExportGraphml(storage::GraphStore& store, const std::string& path, ExportSummary* summary);

}  // namespace copmap::interchange
