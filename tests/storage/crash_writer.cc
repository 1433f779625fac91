// The child of crash_test: commits transactions forever and acknowledges
// each one on stdout only after Commit() returned OK (durable).
//
// Usage: storage_crash_writer DB_DIR FIRST_TXN
// Transaction i creates three :Crash nodes {txn: i, part: 0..2}, links them
// 0->1->2->hub with :LINK relationships and sets hub.last = i.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "storage/graph_store.h"

using namespace copmap;
using namespace copmap::storage;

namespace {

[[noreturn]] void Die(const Status& s) {
  std::fprintf(stderr, "crash_writer: %s\n", s.ToString().c_str());
  std::exit(2);
}

template <typename T>
T Get(Result<T> r) {
  if (!r.ok()) Die(r.status());
  return std::move(r).value();
}

void Ok(const Status& s) {
  if (!s.ok()) Die(s);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s DB_DIR FIRST_TXN\n", argv[0]);
    return 2;
  }
  auto store = Get(GraphStore::Open(argv[1]));
  int64_t txn_no = std::atoll(argv[2]);
  auto t0 = store->Begin();
  LabelId crash = Get(t0->GetOrCreateLabel("Crash"));
  LabelId hub_label = Get(t0->GetOrCreateLabel("Hub"));
  RelTypeId link = Get(t0->GetOrCreateRelType("LINK"));
  PropKeyId txn_key = Get(t0->GetOrCreatePropKey("txn"));
  PropKeyId part_key = Get(t0->GetOrCreatePropKey("part"));
  PropKeyId last_key = Get(t0->GetOrCreatePropKey("last"));
  auto hubs = t0->ScanLabel(hub_label);
  if (!hubs->Valid()) Die(Status::NotFound("no :Hub node"));
  NodeId hub = hubs->id();
  hubs.reset();
  t0.reset();
  for (;; ++txn_no) {
    auto t = store->Begin();
    NodeId nodes[3];
    for (int j = 0; j < 3; ++j) {
      nodes[j] = Get(t->CreateNode({crash}, {{txn_key, Value(txn_no)}, {part_key, Value(j)}}));
    }
    Get(t->CreateRel(link, nodes[0], nodes[1], {}));
    Get(t->CreateRel(link, nodes[1], nodes[2], {}));
    Get(t->CreateRel(link, nodes[2], hub, {{txn_key, Value(txn_no)}}));
    Ok(t->SetNodeProperty(hub, last_key, Value(txn_no)));
    Ok(t->Commit());
    std::string line = std::to_string(txn_no) + "\n";
    if (::write(STDOUT_FILENO, line.data(), line.size()) != ssize_t(line.size())) return 3;
  }
}
