#include "tests/analytics/cop_org.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace copmap::analytics::testing {

using storage::test::Must;
using storage::test::MustOk;

Value Day(const char* iso) { return Value(ParseDate(iso).value()); }

const Value& Col(const ProcedureRows& rows, size_t row, const std::string& column) {
  auto it = std::find(rows.columns.begin(), rows.columns.end(), column);
  EXPECT_NE(it, rows.columns.end()) << "no column " << column;
  return rows.rows.at(row).at(it - rows.columns.begin());
}

storage::NodeId CopOrg::Node(const std::string& label, ValueMap props) {
  std::string key;
  for (const auto& [k, v] : props) {
    if (k == "email" || k == "name" || k == "title") key = v.as_string();
    if (k == "email") break;
  }
  storage::Properties properties;
  for (auto& [k, v] : props) properties.emplace_back(Must(txn_->GetOrCreatePropKey(k)), v);
  std::sort(properties.begin(), properties.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  storage::NodeId id =
      Must(txn_->CreateNode({Must(txn_->GetOrCreateLabel(label))}, std::move(properties)));
  ids_[key] = id;
  return id;
}

void CopOrg::Rel(const std::string& type, const std::string& from, const std::string& to,
                 ValueMap props) {
  storage::Properties properties;
  for (auto& [k, v] : props) properties.emplace_back(Must(txn_->GetOrCreatePropKey(k)), v);
  std::sort(properties.begin(), properties.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  Must(txn_->CreateRel(Must(txn_->GetOrCreateRelType(type)), ids_.at(from), ids_.at(to),
                       std::move(properties)));
}

// The organization (people by email prefix):
//   Acme: ada, bob, eve, fay (WORKS_AT)   Beta: cy, dee   gus, hal: only Person.org 'Gamma'
//   Cloud Guild (declared nested, FOCUSES_ON kubernetes): ada core (LEADS), bob active,
//     cy peripheral
//   Safety Circle (declared overlapping, FOCUSES_ON patient-safety): cy core, dee active
//   Rustaceans (declared nested, FOCUSES_ON rust): eve core until 2024-12-31, fay active
//   Quiet Club (no kind): gus, hal
//   EXPERT_IN: ada kubernetes 5, bob kubernetes 3, cy patient-safety 4, eve rust 4
//   INTERESTED_IN: dee kubernetes, fay rust
//   P1 "Rolling upgrades" ABOUT kubernetes, AUTHORED ada 2024-03-01, APPLIED bob 2024-05-01,
//     cy 2024-06-01, dee 2025-01-10.  P2 "Borrow checker tips" ABOUT rust, AUTHORED eve.
//   KNOWS (strength): ada-bob .9, bob-cy .8, cy-dee .9, dee-ada .2, eve-fay .7, ada-fay .5,
//     gus-hal .6
//   Event "K8s meetup" 2024-09-10 HOSTED by Cloud Guild, ATTENDED by bob and dee.
CopOrg::CopOrg() {
  store_ = storage::test::OpenOrDie(dir_.Sub("db"));
  if (!store_) return;
  txn_ = store_->Begin();
  Node("Organization", {{"name", "Acme"}, {"kind", "company"}});
  Node("Organization", {{"name", "Beta"}, {"kind", "partner"}});
  for (const char* d : {"kubernetes", "patient-safety", "rust"}) Node("Domain", {{"name", d}});
  Node("Community", {{"name", "Cloud Guild"}, {"kind", "nested"}});
  Node("Community", {{"name", "Safety Circle"}, {"kind", "overlapping"}});
  Node("Community", {{"name", "Rustaceans"}, {"kind", "nested"}});
  Node("Community", {{"name", "Quiet Club"}});
  Rel("FOCUSES_ON", "Cloud Guild", "kubernetes");
  Rel("FOCUSES_ON", "Safety Circle", "patient-safety");
  Rel("FOCUSES_ON", "Rustaceans", "rust");
  Rel("PART_OF", "Cloud Guild", "Acme");
  const char* people[][3] = {{"ada", "Ada", "Acme"}, {"bob", "Bob", "Acme"},
                             {"cy", "Cy", "Beta"},   {"dee", "Dee", "Beta"},
                             {"eve", "Eve", "Acme"}, {"fay", "Fay", "Acme"},
                             {"gus", "Gus", ""},     {"hal", "Hal", ""}};
  for (const auto& p : people) {
    std::string email = std::string(p[0]) + "@example.org";
    if (p[2][0] != '\0') {
      Node("Person", {{"email", email}, {"name", p[1]}});
      Rel("WORKS_AT", email, p[2]);
    } else {
      Node("Person", {{"email", email}, {"name", p[1]}, {"org", "Gamma"}});
    }
    ids_[p[0]] = ids_.at(email);
  }
  auto member = [this](const char* who, const char* community, const char* role,
                       const char* since, const char* until = nullptr) {
    ValueMap props = {{"role", role}, {"since", Day(since)}};
    if (until) props.emplace_back("until", Day(until));
    Rel("MEMBER_OF", std::string(who) + "@example.org", community, props);
  };
  member("ada", "Cloud Guild", "core", "2020-01-01");
  member("bob", "Cloud Guild", "active", "2021-06-01");
  member("cy", "Cloud Guild", "peripheral", "2023-03-01");
  member("cy", "Safety Circle", "core", "2019-01-01");
  member("dee", "Safety Circle", "active", "2022-01-01");
  member("eve", "Rustaceans", "core", "2018-01-01", "2024-12-31");
  member("fay", "Rustaceans", "active", "2023-01-01");
  member("gus", "Quiet Club", "active", "2022-01-01");
  member("hal", "Quiet Club", "active", "2022-01-01");
  Rel("LEADS", "ada@example.org", "Cloud Guild", {{"style", "day-to-day"}});
  Rel("EXPERT_IN", "ada@example.org", "kubernetes", {{"level", 5}});
  Rel("EXPERT_IN", "bob@example.org", "kubernetes", {{"level", 3}});
  Rel("EXPERT_IN", "cy@example.org", "patient-safety", {{"level", 4}});
  Rel("EXPERT_IN", "eve@example.org", "rust", {{"level", 4}});
  Rel("INTERESTED_IN", "dee@example.org", "kubernetes");
  Rel("INTERESTED_IN", "fay@example.org", "rust");
  Node("Practice", {{"title", "Rolling upgrades"}, {"kind", "guide"}});
  Node("Practice", {{"title", "Borrow checker tips"}, {"kind", "best-practice"}});
  Rel("ABOUT", "Rolling upgrades", "kubernetes");
  Rel("ABOUT", "Borrow checker tips", "rust");
  Rel("AUTHORED", "ada@example.org", "Rolling upgrades", {{"date", Day("2024-03-01")}});
  Rel("APPLIED", "bob@example.org", "Rolling upgrades", {{"date", Day("2024-05-01")}});
  Rel("APPLIED", "cy@example.org", "Rolling upgrades", {{"date", Day("2024-06-01")}});
  Rel("APPLIED", "dee@example.org", "Rolling upgrades", {{"date", Day("2025-01-10")}});
  Rel("AUTHORED", "eve@example.org", "Borrow checker tips", {{"date", Day("2023-05-01")}});
  auto knows = [this](const char* a, const char* b, double s) {
    Rel("KNOWS", std::string(a) + "@example.org", std::string(b) + "@example.org",
        {{"strength", s}});
  };
  knows("ada", "bob", 0.9);
  knows("bob", "cy", 0.8);
  knows("cy", "dee", 0.9);
  knows("dee", "ada", 0.2);
  knows("eve", "fay", 0.7);
  knows("ada", "fay", 0.5);
  knows("gus", "hal", 0.6);
  Node("Event", {{"name", "K8s meetup"}, {"kind", "meetup"}, {"date", Day("2024-09-10")}});
  Rel("HOSTED", "Cloud Guild", "K8s meetup");
  Rel("ATTENDED", "bob@example.org", "K8s meetup");
  Rel("ATTENDED", "dee@example.org", "K8s meetup");
  MustOk(txn_->Commit());
  txn_.reset();
}

Result<ProcedureRows> CopOrg::Run(const std::string& name, std::vector<Value> args) {
  storage::TransactionOptions options;
  options.read_only = true;
  auto txn = store_->Begin(options);
  return RunCopProcedure(*txn, name, std::move(args));
}

}  // namespace copmap::analytics::testing
