// GraphML export: the exact document for a small graph covering every
// property type, escaping, keys of mixed types and lists; refusal (with no
// file left behind) of text that XML cannot hold.
#include <gtest/gtest.h>

#include <filesystem>

#include "query/engine.h"
#include "storage/interchange/graphml_exporter.h"
#include "tests/interchange/test_util.h"

namespace copmap::interchange {
namespace {

using copmap::testing::ReadFile;
using copmap::testing::TempDir;

std::unique_ptr<query::Engine> OpenWith(const TempDir& dir, const std::string& create,
                                        ValueMap params = {}) {
  auto engine = query::Engine::Open(dir / "db");
  EXPECT_TRUE(engine.ok()) << engine.status().ToString();
  query::QueryOptions options;
  options.params = std::move(params);
  auto created = (*engine)->Run(create, options);
  EXPECT_TRUE(created.ok()) << created.status().ToString();
  return std::move(engine).value();
}

TEST(GraphmlExportTest, WritesTypedKeysEscapedTextAndDirectedEdges) {
  TempDir dir;
  auto engine = OpenWith(
      dir,
      "CREATE (a:Person:Expert {name: 'Ada <&> \"Lovelace\"', born: date('1815-12-10'), "
      "  score: 1.5, active: true, tags: ['math', 'poetry'], note: 'line1\nline2'}),"
      "  (b:Domain {name: 'kubernetes', score: 2, levels: [1, 2]}),"
      "  (a)-[:EXPERT_IN {level: 5, since: datetime('2020-01-02T03:04:05Z')}]->(b),"
      "  (b)-[:ABOUT]->(a)");
  ExportSummary summary;
  const std::string path = dir / "graph.graphml";
  const Status status = ExportGraphml(engine->store(), path, &summary);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(summary.nodes, 2u);
  EXPECT_EQ(summary.relationships, 2u);
  EXPECT_EQ(summary.files, std::vector<std::string>{path});
  // `score` holds a double and an int: a string key. Node and relationship
  // ids are the store's, which start at 1 in a fresh store.
  EXPECT_EQ(ReadFile(path),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
            "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
            "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
            "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
            "<key id=\"labels\" for=\"node\" attr.name=\"labels\" attr.type=\"string\"/>\n"
            "<key id=\"label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n"
            "<key id=\"n0\" for=\"node\" attr.name=\"active\" attr.type=\"boolean\"/>\n"
            "<key id=\"n1\" for=\"node\" attr.name=\"born\" attr.type=\"string\"/>\n"
            "<key id=\"n2\" for=\"node\" attr.name=\"levels\" attr.type=\"string\" attr.list=\"long\"/>\n"
            "<key id=\"n3\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
            "<key id=\"n4\" for=\"node\" attr.name=\"note\" attr.type=\"string\"/>\n"
            "<key id=\"n5\" for=\"node\" attr.name=\"score\" attr.type=\"string\"/>\n"
            "<key id=\"n6\" for=\"node\" attr.name=\"tags\" attr.type=\"string\" attr.list=\"string\"/>\n"
            "<key id=\"e0\" for=\"edge\" attr.name=\"level\" attr.type=\"long\"/>\n"
            "<key id=\"e1\" for=\"edge\" attr.name=\"since\" attr.type=\"string\"/>\n"
            "<graph id=\"G\" edgedefault=\"directed\">\n"
            "<node id=\"n1\" labels=\":Person:Expert\"><data key=\"labels\">:Person:Expert</data>"
            "<data key=\"n0\">true</data><data key=\"n1\">1815-12-10</data>"
            "<data key=\"n3\">Ada &lt;&amp;&gt; &quot;Lovelace&quot;</data>"
            "<data key=\"n4\">line1&#10;line2</data><data key=\"n5\">1.5</data>"
            "<data key=\"n6\">[&quot;math&quot;,&quot;poetry&quot;]</data></node>\n"
            "<node id=\"n2\" labels=\":Domain\"><data key=\"labels\">:Domain</data>"
            "<data key=\"n2\">[1,2]</data><data key=\"n3\">kubernetes</data>"
            "<data key=\"n5\">2</data></node>\n"
            "<edge id=\"e1\" source=\"n1\" target=\"n2\" label=\"EXPERT_IN\">"
            "<data key=\"label\">EXPERT_IN</data><data key=\"e0\">5</data>"
            "<data key=\"e1\">2020-01-02T03:04:05Z</data></edge>\n"
            "<edge id=\"e2\" source=\"n2\" target=\"n1\" label=\"ABOUT\">"
            "<data key=\"label\">ABOUT</data></edge>\n"
            "</graph>\n</graphml>\n");
}

TEST(GraphmlExportTest, RefusesControlCharactersAndWritesNothing) {
  TempDir dir;
  auto engine = OpenWith(dir, "CREATE (:Person {name: $name})", {{"name", Value("bell\x07")}});
  ExportSummary summary;
  const std::string path = dir / "graph.graphml";
  const Status status = ExportGraphml(engine->store(), path, &summary);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.ToString(),
            "InvalidArgument: node 1, property 'name' holds the character U+0007, which XML 1.0 "
            "cannot represent; export with --format jsonl instead");
  EXPECT_FALSE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace copmap::interchange
