// Parse-plan-execute on a small CoP graph, replaced after kWritesPerStore
// inputs that wrote, so each input sees roughly the same data.
#include <string>
#include <vector>

#include "query/engine.h"
#include "tests/fuzz/fuzz_input.h"
#include "tests/fuzz/fuzz_targets.h"
#include "tests/fuzz/throwaway_engine.h"

namespace copmap::fuzz {
namespace {

constexpr int kWritesPerStore = 200;

constexpr const char* kFixedGraph = R"(
CREATE (ada:Person {email: 'ada@example.org', name: 'Ada', joined: date('2020-01-15')}),
       (bob:Person {email: 'bob@example.org', name: 'Bob', title: 'engineer'}),
       (cy:Person {email: 'cy@example.org', name: 'Cy', location: 'Oslo'}),
       (acme:Organization {name: 'Acme', kind: 'company'}),
       (ds:Community {name: 'Data Science', kind: 'overlapping', founded: date('2019-05-01')}),
       (ml:Domain {name: 'machine learning'}),
       (k8s:Domain {name: 'kubernetes'}),
       (guide:Practice {title: 'Review guide', kind: 'guide', url: 'https://example.org/g'}),
       (meetup:Event {name: 'Spring meetup', kind: 'meetup', date: date('2024-04-01')}),
       (ada)-[:WORKS_AT {since: date('2018-01-01')}]->(acme),
       (bob)-[:WORKS_AT]->(acme),
       (ada)-[:MEMBER_OF {role: 'core'}]->(ds),
       (bob)-[:MEMBER_OF {role: 'peripheral'}]->(ds),
       (cy)-[:MEMBER_OF {role: 'active'}]->(ds),
       (ada)-[:LEADS {style: 'inspiring'}]->(ds),
       (ada)-[:EXPERT_IN {level: 5}]->(ml),
       (cy)-[:EXPERT_IN {level: 3}]->(k8s),
       (bob)-[:INTERESTED_IN]->(ml),
       (ada)-[:KNOWS {strength: 0.8}]->(bob),
       (bob)-[:KNOWS {strength: 0.4}]->(cy),
       (ada)-[:MENTORS {domain: 'machine learning'}]->(bob),
       (ada)-[:AUTHORED {date: date('2023-02-01')}]->(guide),
       (bob)-[:APPLIED]->(guide),
       (guide)-[:ABOUT]->(ml),
       (ds)-[:FOCUSES_ON]->(ml),
       (ds)-[:PART_OF]->(acme),
       (cy)-[:ATTENDED]->(meetup),
       (ds)-[:HOSTED]->(meetup)
)";

class DiscardingSink : public query::RowSink {
 public:
  Status OnHeader(const std::vector<std::string>&) override { return Status::OK(); }
  Status OnRow(const std::vector<Value>& row) override {
    for (const Value& v : row) (void)v.ToString();  // every value must print
    return Status::OK();
  }
};

}  // namespace

int FuzzQuery(const uint8_t* data, size_t size) {
  static ThrowAwayEngine fixture(kFixedGraph, kWritesPerStore);
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto before = fixture.Counts();
  DiscardingSink sink;
  Result<query::QuerySummary> summary = fixture.engine().Execute(text, {}, sink);
  if (!summary.ok()) {
    FuzzCheck(summary.status().code() != Status::Code::kInternal,
              "a query fails with a user-facing error kind, not Internal");
    FuzzCheck(fixture.Counts() == before, "a failed query changes nothing");
    return 0;
  }
  if (summary->counters.ContainsUpdates()) fixture.AfterWrite();
  return 0;
}

}  // namespace copmap::fuzz
