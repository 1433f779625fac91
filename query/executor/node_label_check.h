// NodeLabelCheck: whether nodes carry a pattern node's labels, as cheaply as
// the snapshot allows. Used by NodeFilter and ExpandCount.
//
// A check reads the node's record (cached per statement) until so many nodes
// were checked that a pass over a label is cheaper (more checks than 1,024
// and a sixteenth of the label's size). Then, when the nodes all arrive over
// one relationship type and direction, it asks label_facts.h whether every
// node at that end has the labels (then each check is free); otherwise it
// reads each label's member list once and answers by binary search. A fact
// already known for the snapshot is used from the first check on. Same
// snapshot, so the same answers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "query/executor/exec_context.h"
#include "query/executor/label_facts.h"

namespace copmap::query {

// The relationship every checked node is reached over, and its end there.
struct Arrival {
  storage::RelTypeId type = 0;
  RelEnd end = RelEnd::kEnd;
};

// The arrival of a pattern node reached over `rel` (traversed from its left
// node to its right one when `forward`): known when `rel` has exactly one
// existing type, one direction and at least one hop.
std::optional<Arrival> ArrivalOver(ExecContext& ctx, const BoundRel& rel, bool forward);

class NodeLabelCheck {
 public:
  // `labels` must outlive this object.
  NodeLabelCheck(const std::vector<std::string>& labels, std::optional<Arrival> arrival)
      : labels_(labels), arrival_(arrival) {}

  Result<bool> Has(ExecContext& ctx, storage::NodeId node);
  // True when every node reached over the arrival is known to carry the
  // labels (or there are none): no check is needed. Computes the facts when
  // `compute` and they are not known yet.
  Result<bool> AllImplied(ExecContext& ctx, bool compute);

 private:
  Result<bool> ByRecord(ExecContext& ctx, storage::NodeId node);
  Result<uint64_t> SmallestLabel(ExecContext& ctx);
  Status LoadMembers(ExecContext& ctx);

  const std::vector<std::string>& labels_;
  std::optional<Arrival> arrival_;
  bool implied_ = false;
  bool facts_asked_ = false;     // the cached facts were looked up
  bool facts_computed_ = false;  // computing was tried
  uint64_t checks_ = 0;
  std::optional<uint64_t> smallest_label_;
  std::vector<std::vector<storage::NodeId>> members_;
};

}  // namespace copmap::query
